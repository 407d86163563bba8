/* Hidden harness for tags.c: calls every function, checks every result, and
   owns the strings tags_take hands over. Built with ASan and LSan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tags;
struct tags *tags_new(void);
size_t tags_add(struct tags *tags, const char *text);
const char *tags_get(const struct tags *tags, size_t index);
char *tags_take(struct tags *tags, size_t index);
void tags_free(struct tags *tags);

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        printf("FAILED: %s\n", what);
        failures++;
    }
}

static int same(const char *text, const char *wanted) {
    return text != NULL && strcmp(text, wanted) == 0;
}

int main(void) {
    for (int round = 0; round < 20; round++) {
        struct tags *tags = tags_new();
        char name[32];
        strcpy(name, "red");
        expect(tags_add(tags, name) == 0, "\"red\" should get index 0");
        strcpy(name, "scratch");
        expect(same(tags_get(tags, 0), "red"), "the set should keep its own copy of \"red\"");
        expect(tags_add(tags, "green") == 1, "\"green\" should get index 1");
        expect(tags_add(tags, "red") == 0, "adding \"red\" again should return 0");
        expect(tags_add(tags, "blue") == 2, "\"blue\" should get index 2");
        expect(tags_add(tags, "a much longer tag name") == 3, "the fourth tag should get index 3");
        expect(same(tags_get(tags, 1), "green"), "tag 1 should be \"green\"");

        char *taken = tags_take(tags, 0);
        expect(same(taken, "red"), "tags_take(0) should return \"red\"");
        free(taken); /* the caller owns what tags_take returns */
        expect(same(tags_get(tags, 0), "a much longer tag name"), "the last tag should move into slot 0");
        expect(tags_get(tags, 3) == NULL, "there should be 3 tags left");
        expect(tags_take(tags, 7) == NULL, "tags_take past the end should return NULL");
        tags_free(tags);
    }
    tags_free(NULL);
    if (failures == 0) printf("tags: ok\n");
    fflush(stdout); /* sanitizers exit without flushing stdio */
    return failures == 0 ? 0 : 1;
}
