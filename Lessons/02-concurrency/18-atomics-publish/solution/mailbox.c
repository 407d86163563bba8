#include "mailbox.h"

void mailbox_init(struct mailbox *m) {
    for (int i = 0; i < 8; i++) m->data[i] = 0;
    atomic_init(&m->ready, 0);
}

void mailbox_publish(struct mailbox *m, const int data[8]) {
    for (int i = 0; i < 8; i++) m->data[i] = data[i];
    /* Release: every write above becomes visible to a thread that
       acquire-loads the 1 stored here. */
    atomic_store_explicit(&m->ready, 1, memory_order_release);
}

int mailbox_try_read(struct mailbox *m, int out[8]) {
    /* Acquire: pairs with the release store in mailbox_publish. */
    if (!atomic_load_explicit(&m->ready, memory_order_acquire)) return 0;
    for (int i = 0; i < 8; i++) out[i] = m->data[i];
    return 1;
}
