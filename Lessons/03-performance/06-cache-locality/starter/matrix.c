#include <stddef.h>

/* Returns the sum of every element of an n x n matrix stored row by row:
   element (row, col) is m[row * n + col]. */
long long matrix_sum(const int *m, size_t n) {
    long long sum = 0;
    for (size_t col = 0; col < n; col++)       /* column by column ... */
        for (size_t row = 0; row < n; row++)   /* ... jumps n ints each step */
            sum += m[row * n + col];
    return sum;
}
