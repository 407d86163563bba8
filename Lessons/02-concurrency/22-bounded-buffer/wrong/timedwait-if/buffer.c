#include <time.h>
#include "buffer.h"

/* Wrong: a timed wait under `if`. It returns after a signal, a timeout or a
   spurious wake-up, and in every case the condition may still be false. */

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
    if (b->count == CAPACITY) {
        struct timespec deadline = in_one_second();
        pthread_cond_timedwait(&b->not_full, &b->lock, &deadline);  /* then goes on, full or not */
    }
    b->items[(b->head + b->count) % CAPACITY] = item;
    b->count++;
    pthread_cond_signal(&b->not_empty);
    pthread_mutex_unlock(&b->lock);
}

int buffer_take(struct buffer *b) {
    pthread_mutex_lock(&b->lock);
    if (b->count == 0) {
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
