#include "bank.h"

void transfer(struct account *from, struct account *to, long amount) {
    /* Every thread takes the two locks in the same global order: lower id
       first. No thread can hold the second lock while waiting for the first,
       so no cycle of waiting threads can form. */
    struct account *first = from->id < to->id ? from : to;
    struct account *second = from->id < to->id ? to : from;
    pthread_mutex_lock(&first->lock);
    pthread_mutex_lock(&second->lock);
    from->balance -= amount;
    to->balance += amount;
    pthread_mutex_unlock(&second->lock);
    pthread_mutex_unlock(&first->lock);
}
