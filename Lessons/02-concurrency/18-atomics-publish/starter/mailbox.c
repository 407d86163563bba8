#include "mailbox.h"

void mailbox_init(struct mailbox *m) {
    for (int i = 0; i < 8; i++) m->data[i] = 0;
    m->ready = 0;
}

void mailbox_publish(struct mailbox *m, const int data[8]) {
    for (int i = 0; i < 8; i++) m->data[i] = data[i];
    m->ready = 1;
}

int mailbox_try_read(struct mailbox *m, int out[8]) {
    if (!m->ready) return 0;
    for (int i = 0; i < 8; i++) out[i] = m->data[i];
    return 1;
}
