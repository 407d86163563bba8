/* Times the learner's sum_to against a plain loop, five repetitions each, and prints
   one `crucible-metric NAME SECONDS` line per repetition (see Lessons/README.md). */
#include <stdio.h>
#include <time.h>

long sum_to(long n);

static long loop_sum_to(long n) {
    long total = 0;
    for (long i = 1; i <= n; i++) total += i;
    return total;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
    const long n = 3000000;
    volatile long sink = 0;
    for (int repetition = 0; repetition < 5; repetition++) {
        double start = now();
        sink += loop_sum_to(n);
        printf("crucible-metric loop %.9f\n", now() - start);
        start = now();
        sink += sum_to(n);
        printf("crucible-metric learner %.9f\n", now() - start);
    }
    printf("sum_to(%ld) = %ld\n", n, sum_to(n));
    return sink == 0;
}
