#include <stdlib.h>
#include <string.h>

/* A user owns its name: the name is freed together with the user. */
struct user {
    int id;
    char *name;
};

static char *copy_string(const char *text) {
    char *copy = malloc(strlen(text) + 1);
    if (copy == NULL) abort();
    strcpy(copy, text);
    return copy;
}

struct user *user_new(int id, const char *name) {
    struct user *user = malloc(sizeof *user);
    if (user == NULL) abort();
    user->id = id;
    user->name = copy_string(name);
    return user;
}

/* Returns an independent copy: changing or freeing one must not touch the other. */
struct user *user_clone(const struct user *user) {
    struct user *clone = malloc(sizeof *clone);
    if (clone == NULL) abort();
    clone->id = user->id;
    clone->name = copy_string(user->name);
    return clone;
}

/* Gives the user a new name and returns the length of the old one. */
size_t user_rename(struct user *user, const char *name) {
    char *old = user->name;
    user->name = copy_string(name);
    free(old);
    size_t old_length = strlen(old);
    return old_length;
}

void user_free(struct user *user) {
    if (user == NULL) return;
    free(user->name);
    free(user);
}
