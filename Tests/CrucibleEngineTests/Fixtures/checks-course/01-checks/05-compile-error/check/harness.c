#include "limit.h"

int main(void) {
    limit = 5;
    return limit;
}
