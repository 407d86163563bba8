int sum(void) { int total = 0; for (int i = 10; i > 0; i--) total += i; return total; }
