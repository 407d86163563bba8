#ifndef BUFFER_H
#define BUFFER_H
#include <pthread.h>

#define CAPACITY 4

/* A bounded FIFO queue shared by producer and consumer threads. */
struct buffer {
    int items[CAPACITY];
    int head;   /* index of the oldest item */
    int count;  /* how many items are stored */
    pthread_mutex_t lock;
};

void buffer_init(struct buffer *b);
/* Adds an item at the back; waits while the buffer is full. */
void buffer_put(struct buffer *b, int item);
/* Removes the oldest item; waits while the buffer is empty. */
int buffer_take(struct buffer *b);

#endif
