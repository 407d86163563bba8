#ifndef BANK_H
#define BANK_H
#include <pthread.h>

/* Every account has a unique id and its own lock. */
struct account {
    int id;
    long balance;
    pthread_mutex_t lock;
};

/* Moves `amount` from one account to another. Many threads call this at
   once, in every direction. `from` and `to` are always different. */
void transfer(struct account *from, struct account *to, long amount);

#endif
