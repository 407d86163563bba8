#include <pthread.h>

/* Wrong: the lock is held around the whole loop, so one thread does all its
   increments while the others wait: the threads run one at a time. */
static long counter;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
    long per_thread = *(const long *)arg;
    pthread_mutex_lock(&counter_lock);  /* held for the whole loop */
    for (long i = 0; i < per_thread; i++) {
        counter++;
    }
    pthread_mutex_unlock(&counter_lock);
    return NULL;
}

/* Starts `threads` threads (at most 64); each adds 1 to the counter
   `per_thread` times. Returns the final count. */
long count_in_parallel(int threads, long per_thread) {
    pthread_t ids[64];
    counter = 0;
    for (int t = 0; t < threads; t++) {
        pthread_create(&ids[t], NULL, work, &per_thread);
    }
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
    }
    return counter;
}
