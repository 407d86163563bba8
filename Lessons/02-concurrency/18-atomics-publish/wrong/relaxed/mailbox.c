#include "mailbox.h"

void mailbox_init(struct mailbox *m) {
    for (int i = 0; i < 8; i++) m->data[i] = 0;
    atomic_init(&m->ready, 0);
}

void mailbox_publish(struct mailbox *m, const int data[8]) {
    for (int i = 0; i < 8; i++) m->data[i] = data[i];
    /* Wrong: relaxed makes the flag itself atomic but orders nothing else. */
    atomic_store_explicit(&m->ready, 1, memory_order_relaxed);
}

int mailbox_try_read(struct mailbox *m, int out[8]) {
    if (!atomic_load_explicit(&m->ready, memory_order_relaxed)) return 0;
    for (int i = 0; i < 8; i++) out[i] = m->data[i];
    return 1;
}
