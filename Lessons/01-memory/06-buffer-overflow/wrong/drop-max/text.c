#include <stdlib.h>
#include <string.h>

/* Returns a new string: `word` repeated `times` times (times >= 1), with
   `sep` between the copies. repeat_word("ab", 3, '-') is "ab-ab-ab".
   The caller frees the result. */
char *repeat_word(const char *word, int times, char sep) {
    size_t length = strlen(word);
    size_t size = length * times + (times - 1) + 1; /* + 1 for the '\0' */
    char *out = malloc(size);
    if (out == NULL) abort();
    char *p = out;
    for (int i = 0; i < times; i++) {
        if (i > 0) *p++ = sep;
        memcpy(p, word, length);
        p += length;
    }
    *p = '\0';
    return out;
}

/* Fills counts[0 ..< buckets] with how many values fall in each bucket.
   Every value is in 0...max. A value v goes to bucket v * buckets / max,
   except that max itself goes to the last bucket. */
void histogram(const int *values, size_t n, int max, int *counts, int buckets) {
    for (int b = 0; b < buckets; b++) counts[b] = 0;
    for (size_t i = 0; i < n; i++) {
        int b = values[i] * buckets / max;
        if (b >= buckets) continue;
        counts[b]++;
    }
}
