#include <sched.h>
#include "buffer.h"

void buffer_init(struct buffer *b) {
    b->head = 0;
    b->count = 0;
    pthread_mutex_init(&b->lock, NULL);
}

void buffer_put(struct buffer *b, int item) {
    while (b->count == CAPACITY) {
        sched_yield();  /* full: poll until a consumer makes room */
    }
    pthread_mutex_lock(&b->lock);
    b->items[(b->head + b->count) % CAPACITY] = item;
    b->count++;
    pthread_mutex_unlock(&b->lock);
}

int buffer_take(struct buffer *b) {
    while (b->count == 0) {
        sched_yield();  /* empty: poll until a producer adds something */
    }
    pthread_mutex_lock(&b->lock);
    int item = b->items[b->head];
    b->head = (b->head + 1) % CAPACITY;
    b->count--;
    pthread_mutex_unlock(&b->lock);
    return item;
}
