#include <stdio.h>

int clamp(int value, int low, int high);

int main(void) {
    printf("%d %d %d\n", clamp(-5, 0, 10), clamp(5, 0, 10), clamp(50, 0, 10));
    return 0;
}
