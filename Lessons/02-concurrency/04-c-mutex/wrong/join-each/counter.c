#include <pthread.h>

/* Wrong: each thread is joined right after it is created, so the threads
   run one at a time. The count is right and TSan is quiet, but nothing runs
   in parallel any more. */
static long counter;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
    long per_thread = *(const long *)arg;
    for (long i = 0; i < per_thread; i++) {
        pthread_mutex_lock(&counter_lock);
        counter++;
        pthread_mutex_unlock(&counter_lock);
    }
    return NULL;
}

/* Starts `threads` threads (at most 64); each adds 1 to the counter
   `per_thread` times. Returns the final count. */
long count_in_parallel(int threads, long per_thread) {
    pthread_t ids[64];
    counter = 0;
    for (int t = 0; t < threads; t++) {
        pthread_create(&ids[t], NULL, work, &per_thread);
        pthread_join(ids[t], NULL);  /* waits for this thread before starting the next */
    }
    return counter;
}
