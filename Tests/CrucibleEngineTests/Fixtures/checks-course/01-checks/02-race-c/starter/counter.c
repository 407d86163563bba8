#include <pthread.h>

static long total;

static void *add_many(void *unused) {
    (void)unused;
    for (int i = 0; i < 100000; i++) total++;
    return 0;
}

long count_in_parallel(void) {
    pthread_t a, b;
    pthread_create(&a, 0, add_many, 0);
    pthread_create(&b, 0, add_many, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    return total;
}
