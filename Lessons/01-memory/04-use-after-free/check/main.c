/* Hidden harness: calls the learner's functions and checks their results;
   AddressSanitizer watches every read and every free. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user {
    int id;
    char *name;
};

struct user *user_new(int id, const char *name);
struct user *user_clone(const struct user *user);
size_t user_rename(struct user *user, const char *name);
void user_free(struct user *user);

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        printf("FAILED: %s\n", what);
        failures++;
    }
}

int main(void) {
    for (int round = 0; round < 50; round++) {
        struct user *ada = user_new(1, "ada");
        struct user *copy = user_clone(ada);
        expect(copy != ada, "user_clone should return a new user");
        expect(copy->id == 1 && strcmp(copy->name, "ada") == 0, "the clone should be user 1 named \"ada\"");
        expect(copy->name != ada->name, "the clone should own its own copy of the name");
        size_t old_length = user_rename(copy, "lovelace");
        expect(old_length == 3, "user_rename should return 3, the length of \"ada\"");
        expect(strcmp(copy->name, "lovelace") == 0, "the clone should now be named \"lovelace\"");
        expect(strcmp(ada->name, "ada") == 0, "renaming the clone should not change the original");
        user_free(copy);
        expect(strcmp(ada->name, "ada") == 0, "freeing the clone should not touch the original");
        expect(user_rename(ada, "") == 3, "renaming \"ada\" to \"\" should return 3");
        user_free(ada);
    }
    user_free(NULL);
    if (failures == 0) printf("users: ok\n");
    fflush(stdout); /* sanitizers exit without flushing stdio */
    return failures == 0 ? 0 : 1;
}
