#ifndef MAILBOX_H
#define MAILBOX_H
#include <stdatomic.h>

/* One message, written once by a producer thread and read by a consumer. */
struct mailbox {
    int data[8];  /* the message */
    int ready;    /* becomes 1 once data is complete */
};

void mailbox_init(struct mailbox *m);
/* Producer: copies the message in, then marks it ready. */
void mailbox_publish(struct mailbox *m, const int data[8]);
/* Consumer: returns 0 if no message is ready yet; otherwise copies it to
   `out` and returns 1. */
int mailbox_try_read(struct mailbox *m, int out[8]);

#endif
