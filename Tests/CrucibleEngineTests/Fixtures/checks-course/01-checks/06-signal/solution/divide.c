#include <stdlib.h>

/* Returns a / b; must abort() when b is 0 instead of returning a made-up value. */
int checked_divide(int a, int b) {
    if (b == 0) abort();
    return a / b;
}
