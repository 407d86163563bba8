#include "buffer.h"

/* Wrong: `if` tests the condition only once. After a spurious wake-up, or
   when another thread took the item or the slot first, the code goes on
   with an empty or a full buffer. */

void buffer_init(struct buffer *b) {
    b->head = 0;
    b->count = 0;
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->not_full, NULL);
    pthread_cond_init(&b->not_empty, NULL);
}

void buffer_put(struct buffer *b, int item) {
    pthread_mutex_lock(&b->lock);
    if (b->count == CAPACITY) {
        pthread_cond_wait(&b->not_full, &b->lock);  /* unlocks, sleeps, relocks */
    }
    b->items[(b->head + b->count) % CAPACITY] = item;
    b->count++;
    pthread_cond_signal(&b->not_empty);
    pthread_mutex_unlock(&b->lock);
}

int buffer_take(struct buffer *b) {
    pthread_mutex_lock(&b->lock);
    if (b->count == 0) {
        pthread_cond_wait(&b->not_empty, &b->lock);
    }
    int item = b->items[b->head];
    b->head = (b->head + 1) % CAPACITY;
    b->count--;
    pthread_cond_signal(&b->not_full);
    pthread_mutex_unlock(&b->lock);
    return item;
}
