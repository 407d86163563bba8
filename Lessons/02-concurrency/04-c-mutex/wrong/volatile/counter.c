#include <pthread.h>

/* Wrong: volatile stops the compiler from caching the value in a register,
   but counter++ is still a separate read and write, with no ordering. */
static volatile long counter;

static void *work(void *arg) {
    long per_thread = *(const long *)arg;
    for (long i = 0; i < per_thread; i++) {
        counter++;
    }
    return NULL;
}

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
