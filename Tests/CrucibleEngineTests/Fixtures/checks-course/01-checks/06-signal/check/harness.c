#include <stdio.h>

int checked_divide(int a, int b);

int main(void) {
    printf("6 / 3 = %d\n", checked_divide(6, 3));
    fflush(stdout);
    printf("1 / 0 = %d\n", checked_divide(1, 0));
    puts("survived");
    return 0;
}
