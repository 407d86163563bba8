/* Hidden harness: calls the learner's functions, checks their results, and
   lets LeakSanitizer look for anything the list did not give back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    char *name;
    struct node *next;
};

struct node *push_name(struct node *head, const char *name);
size_t count_names(const struct node *head);
void free_names(struct node *head);

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        printf("FAILED: %s\n", what);
        failures++;
    }
}

int main(void) {
    char buffer[32];
    struct node *list = NULL;
    const char *names[] = {"ada", "grace", "barbara", "frances"};
    for (int i = 0; i < 4; i++) {
        strcpy(buffer, names[i]);
        list = push_name(list, buffer);
    }
    strcpy(buffer, "overwritten");
    expect(count_names(list) == 4, "count_names should be 4");
    expect(strcmp(list->name, "frances") == 0, "the head should hold its own copy of \"frances\"");
    expect(strcmp(list->next->next->next->name, "ada") == 0, "the last node should hold its own copy of \"ada\"");
    free_names(list);

    struct node *empty = NULL;
    expect(count_names(empty) == 0, "an empty list has 0 names");
    free_names(empty);

    /* Many lists, so a leak is big enough to notice. */
    for (int round = 0; round < 100; round++) {
        struct node *more = NULL;
        for (int i = 0; i < 10; i++) more = push_name(more, "hopper");
        expect(count_names(more) == 10, "count_names should be 10");
        free_names(more);
    }

    if (failures == 0) printf("names: ok\n");
    fflush(stdout); /* LeakSanitizer exits without flushing stdio */
    return failures == 0 ? 0 : 1;
}
