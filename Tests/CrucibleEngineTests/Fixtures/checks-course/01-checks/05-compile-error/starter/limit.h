/* The limit must not change after start-up. */
static int limit = 10;
