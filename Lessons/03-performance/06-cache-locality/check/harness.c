/* Hidden harness: checks the sum on small and large matrices, then races the
   learner's matrix_sum against a column-by-column baseline on a 4096 x 4096
   matrix (64 MiB, far larger than any cache). */
#define _POSIX_C_SOURCE 199309L   /* clock_gettime under -std=c11 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

long long matrix_sum(const int *m, size_t n);

__attribute__((noinline))
static long long baseline_sum(const int *m, size_t n) {
    long long sum = 0;
    for (size_t col = 0; col < n; col++)
        for (size_t row = 0; row < n; row++)
            sum += m[row * n + col];
    return sum;
}

/* Called through a volatile pointer so the compiler cannot reuse one call's result. */
static long long (*volatile baseline)(const int *, size_t) = baseline_sum;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int *make(size_t n) {
    int *m = malloc(n * n * sizeof *m);
    if (!m) { puts("out of memory"); exit(2); }
    unsigned x = 12345;
    for (size_t i = 0; i < n * n; i++) {
        x = x * 1103515245u + 12345u;
        m[i] = (int)(x >> 8) - (1 << 23);   /* large values: an int sum would overflow */
    }
    return m;
}

int main(void) {
    size_t sizes[] = {0, 1, 3, 17, 100};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        int *m = make(sizes[k] ? sizes[k] : 1);
        long long want = baseline_sum(m, sizes[k]), got = matrix_sum(m, sizes[k]);
        if (got != want) {
            printf("wrong sum for n = %zu: got %lld, want %lld\n", sizes[k], got, want);
            return 1;
        }
        free(m);
    }

    size_t n = 4096;
    int *m = make(n);
    long long want = baseline_sum(m, n);
    long long got = matrix_sum(m, n);
    if (got != want) {
        printf("wrong sum for n = %zu: got %lld, want %lld\n", n, got, want);
        return 1;
    }
    puts("matrix sum: answers ok");
    fflush(stdout);

    long long sink = 0;
    for (int rep = 0; rep < 5; rep++) {
        __asm__ volatile("" ::: "memory");   /* keep each call: no reuse of results */
        double t0 = now();
        sink += baseline(m, n);
        double t1 = now();
        __asm__ volatile("" ::: "memory");
        sink += matrix_sum(m, n);
        double t2 = now();
        printf("crucible-metric baseline %.9f\n", t1 - t0);
        printf("crucible-metric learner %.9f\n", t2 - t1);
    }
    printf("checksum %lld\n", sink);
    free(m);
    return 0;
}
