#include <stdlib.h>
#include <string.h>

/* A singly linked list of names. Each node owns a private copy of its name. */
struct node {
    char *name;
    struct node *next;
};

/* Returns a new head: a node holding a copy of `name`, in front of `head`. */
struct node *push_name(struct node *head, const char *name) {
    struct node *node = malloc(sizeof *node);
    if (node == NULL) abort();
    node->name = strdup(name);
    if (node->name == NULL) abort();
    node->next = head;
    return node;
}

/* Counts the nodes of the list. */
size_t count_names(const struct node *head) {
    size_t count = 0;
    for (; head != NULL; head = head->next) count++;
    return count;
}

/* Gives back every byte the list owns. */
void free_names(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        free(head->name);
        head = next;
    }
}
