#include "bank.h"

/* Wrong: no locks, no deadlock, and a data race on both balances. */
void transfer(struct account *from, struct account *to, long amount) {
    from->balance -= amount;
    to->balance += amount;
}
