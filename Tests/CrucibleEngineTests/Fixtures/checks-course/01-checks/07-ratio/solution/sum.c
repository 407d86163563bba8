/* Returns 1 + 2 + ... + n. */
long sum_to(long n) {
    return n * (n + 1) / 2;
}
