/* Hidden harness: calls the learner's functions and checks every result;
   AddressSanitizer reports any byte written or read outside a block. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *repeat_word(const char *word, int times, char sep);
void histogram(const int *values, size_t n, int max, int *counts, int buckets);

static int failures = 0;

static void expect_word(const char *word, int times, char sep, const char *wanted) {
    char *got = repeat_word(word, times, sep);
    if (strcmp(got, wanted) != 0) {
        printf("FAILED: repeat_word(\"%s\", %d, '%c') returned \"%s\", expected \"%s\"\n", word, times, sep, got, wanted);
        failures++;
    }
    free(got);
}

static void expect_histogram(const int *values, size_t n, int max, int buckets, const int *wanted) {
    int *counts = malloc(sizeof(int) * (size_t)buckets);
    if (counts == NULL) abort();
    histogram(values, n, max, counts, buckets);
    for (int b = 0; b < buckets; b++) {
        if (counts[b] != wanted[b]) {
            printf("FAILED: histogram bucket %d holds %d, expected %d\n", b, counts[b], wanted[b]);
            failures++;
        }
    }
    free(counts);
}

int main(void) {
    expect_word("ab", 3, '-', "ab-ab-ab");
    expect_word("x", 1, ',', "x");
    expect_word("hello", 4, ' ', "hello hello hello hello");
    expect_word("", 3, '+', "++");

    const int ages[] = {0, 5, 9, 10, 19, 20, 25, 39, 40};
    const int by_ten[] = {2, 2, 2, 1, 2}; /* buckets of 8 over 0...40 */
    expect_histogram(ages, 9, 40, 5, by_ten);

    const int dice[] = {6, 6, 1, 3, 6};
    const int halves[] = {1, 4}; /* 0...2 and 3...6 */
    expect_histogram(dice, 5, 6, 2, halves);

    if (failures == 0) printf("text: ok\n");
    fflush(stdout); /* sanitizers exit without flushing stdio */
    return failures == 0 ? 0 : 1;
}
