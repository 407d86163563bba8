void greet(const char *name);

int main(void) {
    greet("ferris");
    return 0;
}
