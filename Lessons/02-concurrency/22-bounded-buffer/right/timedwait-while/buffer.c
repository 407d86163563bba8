#include <time.h>
#include "buffer.h"

void buffer_init(struct buffer *b) {
    b->head = 0;
    b->count = 0;
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->not_full, NULL);
    pthread_cond_init(&b->not_empty, NULL);
}

/* A deadline one second from now, for pthread_cond_timedwait. */
static struct timespec in_one_second(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += 1;
    return t;
}

void buffer_put(struct buffer *b, int item) {
    pthread_mutex_lock(&b->lock);
    /* while, not if: wake-ups can be spurious, and another producer may
       have filled the slot before this thread got the lock back. */
    while (b->count == CAPACITY) {
        struct timespec deadline = in_one_second();
        pthread_cond_timedwait(&b->not_full, &b->lock, &deadline);  /* a timeout just tests again */
    }
    b->items[(b->head + b->count) % CAPACITY] = item;
    b->count++;
    pthread_cond_signal(&b->not_empty);
    pthread_mutex_unlock(&b->lock);
}

int buffer_take(struct buffer *b) {
    pthread_mutex_lock(&b->lock);
    while (b->count == 0) {
        struct timespec deadline = in_one_second();
        pthread_cond_timedwait(&b->not_empty, &b->lock, &deadline);
    }
    int item = b->items[b->head];
    b->head = (b->head + 1) % CAPACITY;
    b->count--;
    pthread_cond_signal(&b->not_full);
    pthread_mutex_unlock(&b->lock);
    return item;
}
