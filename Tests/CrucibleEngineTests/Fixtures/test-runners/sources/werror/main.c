#include <stdio.h>

int main(void) {
    int unused = 3;
    printf("hi\n");
    return 0;
}
