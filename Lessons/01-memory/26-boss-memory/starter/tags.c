#include <stdlib.h>
#include <string.h>

/* A set of tags: a growable array of strings that the set owns. */
struct tags {
    char **items;
    size_t count;
    size_t capacity;
};

static char *copy_text(const char *text) {
    char *copy = malloc(strlen(text));
    if (copy == NULL) abort();
    strcpy(copy, text);
    return copy;
}

struct tags *tags_new(void) {
    struct tags *tags = malloc(sizeof *tags);
    if (tags == NULL) abort();
    tags->count = 0;
    tags->capacity = 2;
    tags->items = malloc(tags->capacity * sizeof *tags->items);
    if (tags->items == NULL) abort();
    return tags;
}

/* Adds a copy of `text` unless the set has it already; returns its index. */
size_t tags_add(struct tags *tags, const char *text) {
    for (size_t i = 0; i < tags->count; i++) {
        if (strcmp(tags->items[i], text) == 0) return i;
    }
    if (tags->count == tags->capacity) {
        tags->capacity *= 2;
        tags->items = realloc(tags->items, tags->capacity * sizeof *tags->items);
        if (tags->items == NULL) abort();
    }
    tags->items[tags->count] = copy_text(text);
    return tags->count++;
}

/* The tag at `index`, or NULL. The set still owns it. */
const char *tags_get(const struct tags *tags, size_t index) {
    return index < tags->count ? tags->items[index] : NULL;
}

/* Removes the tag at `index` (the last tag moves into its place) and
   returns it. The caller owns the returned string and must free it. */
char *tags_take(struct tags *tags, size_t index) {
    if (index >= tags->count) return NULL;
    char *taken = tags->items[index];
    free(taken);
    tags->count--;
    tags->items[index] = tags->items[tags->count];
    return taken;
}

/* Frees the set and every tag it still owns. */
void tags_free(struct tags *tags) {
    if (tags == NULL) return;
    free(tags->items);
    free(tags);
}
