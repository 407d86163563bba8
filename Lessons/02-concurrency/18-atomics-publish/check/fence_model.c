/* Hidden: the fence model behind fence_model.h. Compiled WITHOUT ThreadSanitizer,
   so its own bookkeeping creates no synchronisation that TSan could see; the only
   edges it adds are the __tsan_release/__tsan_acquire calls below, made exactly
   where C11 7.17.4 says a fence synchronises:
   - a release fence F, then an atomic store to M in the same thread: a thread
     whose acquire operation (an acquire load, or a relaxed load followed by an
     acquire fence) reads that store sees everything before F, and nothing after;
   - a release store is treated as a release fence right before a relaxed store,
     which gives it the same meaning. */
#include <sanitizer/tsan_interface.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#define CELLS (1 << 20)          /* one per release event, reused in a ring (the harness needs < 2000) */
#define SLOTS 4096               /* atomic objects tracked, by address */
#define PENDING 64               /* relaxed loads awaiting an acquire fence, per thread */

static char cells[CELLS];        /* each release event's clock lives at its own address */
static atomic_uint next_cell;
static _Atomic(const volatile void *) slot_object[SLOTS];
static _Atomic(char *) slot_cell[SLOTS];   /* the release event the last store carried */

static _Thread_local char *last_release;   /* this thread's latest release fence */
static _Thread_local char *pending[PENDING];
static _Thread_local int pending_count;

static int releases(int order) {
    return order == memory_order_release || order == memory_order_acq_rel || order == memory_order_seq_cst;
}
static int acquires(int order) {
    return order == memory_order_acquire || order == memory_order_consume ||
           order == memory_order_acq_rel || order == memory_order_seq_cst;
}

static char *release_event(void) {
    unsigned n = atomic_fetch_add(&next_cell, 1) % CELLS;
    char *cell = &cells[n];
    __tsan_release(cell);        /* the clock as of now, and nothing later */
    return cell;
}

static size_t slot(const volatile void *object) {
    size_t h = ((uintptr_t)object >> 2) % SLOTS;
    for (size_t probe = 0; probe < SLOTS; probe++, h = (h + 1) % SLOTS) {
        const volatile void *seen = atomic_load(&slot_object[h]);
        if (seen == object) return h;
        if (seen == NULL) {
            const volatile void *expected = NULL;
            if (atomic_compare_exchange_strong(&slot_object[h], &expected, object) || expected == object)
                return h;
        }
    }
    abort();
}

void crucible_model_fence(int order) {
    if (acquires(order)) {
        for (int i = 0; i < pending_count; i++) __tsan_acquire(pending[i]);
        pending_count = 0;
    }
    if (releases(order)) last_release = release_event();
    atomic_thread_fence(order);
}

/* Runs before the store itself, so a reader that sees the stored value also
   sees which release event it carries. */
void crucible_model_store(const volatile void *object, int order) {
    char *cell = releases(order) ? release_event() : last_release;
    atomic_store(&slot_cell[slot(object)], cell);
    atomic_thread_fence(memory_order_seq_cst);
}

void crucible_model_load(const volatile void *object, int order) {
    atomic_thread_fence(memory_order_seq_cst);
    char *cell = atomic_load(&slot_cell[slot(object)]);
    if (!cell) return;
    if (acquires(order)) { __tsan_acquire(cell); return; }
    for (int i = 0; i < pending_count; i++) if (pending[i] == cell) return;
    if (pending_count == PENDING) {   /* keep the newest */
        for (int i = 1; i < PENDING; i++) pending[i - 1] = pending[i];
        pending_count--;
    }
    pending[pending_count++] = cell;
}
