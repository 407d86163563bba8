#include "mailbox.h"

void mailbox_init(struct mailbox *m) {
    for (int i = 0; i < 8; i++) m->data[i] = 0;
    atomic_init(&m->ready, 0);
}

void mailbox_publish(struct mailbox *m, const int data[8]) {
    for (int i = 0; i < 8; i++) m->data[i] = data[i];
    /* Right too: a release fence before a relaxed store orders the data writes
       before it for any thread that acquires the value stored. */
    atomic_thread_fence(memory_order_release);
    atomic_store_explicit(&m->ready, 1, memory_order_relaxed);
}

int mailbox_try_read(struct mailbox *m, int out[8]) {
    if (!atomic_load_explicit(&m->ready, memory_order_relaxed)) return 0;
    /* The acquire fence after the relaxed load that read 1 pairs with the
       release fence in mailbox_publish. */
    atomic_thread_fence(memory_order_acquire);
    for (int i = 0; i < 8; i++) out[i] = m->data[i];
    return 1;
}
