/* Hidden harness: calls the learner's function, checks the total, and checks
   that the threads really ran at the same time. */
/* On a failure this prints FAIL lines and still exits 0, so the check shows
   this output; the check passes only when the final success line is printed. */
/* The build renames pthread_create and pthread_mutex_lock in counter.c to the
   wrappers below (-D flags). The create wrapper makes each new thread wait,
   up to 2 s, until all the threads have started, so threads that are joined
   one by one are caught. The lock wrapper counts each thread's locks, so a
   lock held around a whole loop (one lock per thread) is caught. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <pthread.h>

#undef pthread_create
#undef pthread_mutex_lock
extern int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                          void *(*start)(void *), void *restrict arg);
extern int pthread_mutex_lock(pthread_mutex_t *mutex);

long count_in_parallel(int threads, long per_thread);

static int expected_threads;
static atomic_int started, not_together, locked_once;
static _Thread_local long my_locks;

struct start { void *(*fn)(void *); void *arg; };

static void *trampoline(void *p) {
    struct start s = *(struct start *)p;
    free(p);
    atomic_fetch_add(&started, 1);
    int waited = 0;
    while (atomic_load(&started) < expected_threads && !atomic_load(&not_together)) {
        if (waited++ >= 2000) { atomic_store(&not_together, 1); break; }
        usleep(1000);
    }
    void *result = s.fn(s.arg);
    if (my_locks == 1) atomic_fetch_add(&locked_once, 1);
    return result;
}

int crucible_pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                            void *(*start)(void *), void *restrict arg) {
    struct start *s = malloc(sizeof *s);
    s->fn = start;
    s->arg = arg;
    return pthread_create(thread, attr, trampoline, s);
}

int crucible_mutex_lock(pthread_mutex_t *mutex) {
    my_locks++;
    return pthread_mutex_lock(mutex);
}

int main(void) {
    int threads = 4;
    long per_thread = 100000;
    expected_threads = threads;
    long total = count_in_parallel(threads, per_thread);
    printf("count = %ld\n", total);
    if (total != threads * per_thread) {
        printf("FAIL: expected %ld; %ld increments were lost\n", threads * per_thread, threads * per_thread - total);
        return 0;
    }
    if (atomic_load(&not_together)) {
        printf("FAIL: the threads did not run at the same time: a thread waited 2 s "
               "for the others to start. Create all the threads first, then join them.\n");
        return 0;
    }
    if (atomic_load(&locked_once) > 0) {
        printf("FAIL: a thread took the lock once and held it through its whole loop, "
               "so the threads ran one at a time. Hold the lock around counter++ only.\n");
        return 0;
    }
    printf("threads ran at the same time\n");
    return 0;
}
