/* Hidden harness: a producer publishes a message while a consumer polls for
   it, 300 times over, and the consumer must always see the whole message. */
/* On a failure this prints FAIL lines and still exits 0, so the check shows
   this output; the check passes only when the final success line is printed. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include "mailbox.h"

#define ROUNDS 300

static struct mailbox boxes[ROUNDS];
static int torn;

static void *producer(void *arg) {
    struct mailbox *m = arg;
    int round = (int)(m - boxes);
    int data[8];
    for (int i = 0; i < 8; i++) data[i] = round * 10 + i;
    mailbox_publish(m, data);
    return NULL;
}

static void *consumer(void *arg) {
    struct mailbox *m = arg;
    int round = (int)(m - boxes);
    int out[8];
    while (!mailbox_try_read(m, out)) sched_yield();
    for (int i = 0; i < 8; i++) {
        if (out[i] != round * 10 + i) torn++;  /* joined before torn is read */
    }
    return NULL;
}

int main(void) {
    for (int r = 0; r < ROUNDS; r++) {
        mailbox_init(&boxes[r]);
        pthread_t p, c;
        pthread_create(&c, NULL, consumer, &boxes[r]);
        pthread_create(&p, NULL, producer, &boxes[r]);
        pthread_join(p, NULL);
        pthread_join(c, NULL);
    }
    printf("rounds = %d, torn values = %d\n", ROUNDS, torn);
    if (torn) {
        printf("FAIL: the consumer read a message before it was complete\n");
        return 0;
    }
    printf("every message arrived whole\n");
    return 0;
}
