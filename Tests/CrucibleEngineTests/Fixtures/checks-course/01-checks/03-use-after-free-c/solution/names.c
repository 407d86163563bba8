#include <stdlib.h>
#include <string.h>

/* Returns the length of a copy of `name`. */
size_t copied_length(const char *name) {
    char *copy = strdup(name);
    size_t length = strlen(copy);
    free(copy);
    return length;
}
