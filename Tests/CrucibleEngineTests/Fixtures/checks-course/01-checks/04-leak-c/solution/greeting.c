#include <stdio.h>
#include <stdlib.h>

/* Prints a greeting built in a heap buffer. */
void greet(const char *name) {
    char *buffer = malloc(64);
    snprintf(buffer, 64, "hello, %s", name);
    puts(buffer);
    free(buffer);
}
