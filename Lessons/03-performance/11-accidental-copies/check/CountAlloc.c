// Hidden helper: counts heap allocations by wrapping glibc's allocator.
// Linked into the program, these definitions replace malloc and friends for
// the whole process, including the Swift runtime.
#include <stddef.h>
#include <stdatomic.h>
#include <errno.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static _Atomic long alloc_calls;
static _Atomic long alloc_bytes;

static void note(size_t size) {
    atomic_fetch_add_explicit(&alloc_calls, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&alloc_bytes, (long)size, memory_order_relaxed);
}

void *malloc(size_t size) { note(size); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { note(n * size); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { note(size); return __libc_realloc(p, size); }
void *memalign(size_t align, size_t size) { note(size); return __libc_memalign(align, size); }
void *aligned_alloc(size_t align, size_t size) { note(size); return __libc_memalign(align, size); }
int posix_memalign(void **out, size_t align, size_t size) {
    note(size);
    void *p = __libc_memalign(align, size);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

long crucible_alloc_calls(void) { return atomic_load(&alloc_calls); }
long crucible_alloc_bytes(void) { return atomic_load(&alloc_bytes); }
