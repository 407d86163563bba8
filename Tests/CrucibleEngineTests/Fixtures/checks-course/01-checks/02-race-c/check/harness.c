#include <stdio.h>

long count_in_parallel(void);

int main(void) {
    printf("total = %ld\n", count_in_parallel());
    return 0;
}
