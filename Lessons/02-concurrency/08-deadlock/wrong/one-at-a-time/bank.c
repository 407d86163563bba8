#include "bank.h"

/* Wrong: never holds two locks, so it cannot deadlock, and every access is
   locked, so there is no data race. But between the two halves the money is
   in neither account: anyone who looks then sees it missing. */
void transfer(struct account *from, struct account *to, long amount) {
    pthread_mutex_lock(&from->lock);
    from->balance -= amount;
    pthread_mutex_unlock(&from->lock);
    pthread_mutex_lock(&to->lock);
    to->balance += amount;
    pthread_mutex_unlock(&to->lock);
}
