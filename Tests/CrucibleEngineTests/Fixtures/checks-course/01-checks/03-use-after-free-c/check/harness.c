#include <stdio.h>
#include <stddef.h>

size_t copied_length(const char *name);

int main(void) {
    printf("length = %zu\n", copied_length("ferris"));
    return 0;
}
