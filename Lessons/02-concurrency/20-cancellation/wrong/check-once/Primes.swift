/// True when `n` is a prime number (slowly, on purpose).
func isPrime(_ n: Int) -> Bool {
    if n < 2 { return false }
    var divisor = 2
    while divisor * divisor <= n {
        if n % divisor == 0 { return false }
        divisor += 1
    }
    return true
}

/// Counts the primes in `range`, calling `progress` after each number.
/// If the task running it is cancelled, it must stop soon: either throw
/// `CancellationError` or return the count so far.
func countPrimes(in range: Range<Int>, progress: @Sendable (Int) -> Void) async throws -> Int {
    // Wrong: checks once, before the work starts, and never again.
    try Task.checkCancellation()
    var count = 0
    for n in range {
        if isPrime(n) {
            count += 1
        }
        progress(n)
    }
    return count
}
