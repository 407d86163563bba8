/* The limit must not change after start-up. */
static const int limit = 10;
