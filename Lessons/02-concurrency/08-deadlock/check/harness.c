/* Hidden harness: four threads move money between three accounts in every
   direction while an auditor, taking the locks in id order, checks that the
   total never changes. */
/* On a failure this prints FAIL lines and still exits 0, so the check shows
   this output; the check passes only when the final success line is printed. */
#include <stdio.h>
#include "bank.h"

#define ROUNDS 20000
enum { TOTAL = 3000 };

static struct account accounts[3];

struct route { int from, to; };

static void *mover(void *arg) {
    const struct route *route = arg;
    for (int i = 0; i < ROUNDS; i++) {
        transfer(&accounts[route->from], &accounts[route->to], 1 + i % 5);
    }
    return NULL;
}

static void *auditor(void *arg) {
    long *bad = arg;
    for (int i = 0; i < 20000; i++) {
        for (int a = 0; a < 3; a++) pthread_mutex_lock(&accounts[a].lock);
        long sum = accounts[0].balance + accounts[1].balance + accounts[2].balance;
        for (int a = 2; a >= 0; a--) pthread_mutex_unlock(&accounts[a].lock);
        if (sum != TOTAL) (*bad)++;
    }
    return NULL;
}

int main(void) {
    for (int a = 0; a < 3; a++) {
        accounts[a].id = a + 1;
        accounts[a].balance = TOTAL / 3;
        pthread_mutex_init(&accounts[a].lock, NULL);
    }
    struct route routes[4] = {{0, 1}, {1, 0}, {1, 2}, {2, 0}};
    pthread_t movers[4], audit;
    long bad = 0;
    pthread_create(&audit, NULL, auditor, &bad);
    for (int t = 0; t < 4; t++) pthread_create(&movers[t], NULL, mover, &routes[t]);
    for (int t = 0; t < 4; t++) pthread_join(movers[t], NULL);
    pthread_join(audit, NULL);

    long sum = accounts[0].balance + accounts[1].balance + accounts[2].balance;
    printf("total = %ld\n", sum);
    if (sum != TOTAL) {
        printf("FAIL: money was created or destroyed: expected %d\n", TOTAL);
        return 0;
    }
    if (bad > 0) {
        printf("FAIL: the auditor saw the wrong total %ld times: a transfer was half done\n", bad);
        return 0;
    }
    printf("all transfers done, books balanced\n");
    return 0;
}
