/* Hidden harness: calls the learner's function and checks the total. */
/* On a failure this prints FAIL lines and still exits 0, so the check shows
   this output; the check passes only when the final success line is printed. */
#include <stdio.h>

long count_in_parallel(int threads, long per_thread);

int main(void) {
    int threads = 4;
    long per_thread = 100000;
    long total = count_in_parallel(threads, per_thread);
    printf("count = %ld\n", total);
    if (total != threads * per_thread) {
        printf("FAIL: expected %ld; %ld increments were lost\n", threads * per_thread, threads * per_thread - total);
        return 0;
    }
    return 0;
}
