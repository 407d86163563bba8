#include <stdio.h>
int main(void) { printf("3 2 1\n"); }
