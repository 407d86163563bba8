// Hidden: the prime-counting kernel, instrumented to record how many calls
// run at the same moment.
import Synchronization

let callsInFlight = Atomic<Int>(0)
let peakInFlight = Atomic<Int>(0)

/// The number of primes in `range`, by trial division.
func countPrimes(in range: Range<Int>) -> Int {
    let now = callsInFlight.wrappingAdd(1, ordering: .relaxed).newValue
    var peak = peakInFlight.load(ordering: .relaxed)
    while now > peak {
        let (exchanged, original) = peakInFlight.compareExchange(expected: peak, desired: now, ordering: .relaxed)
        if exchanged { break }
        peak = original
    }
    defer { callsInFlight.wrappingSubtract(1, ordering: .relaxed) }

    var count = 0
    for n in range where n >= 2 {
        var isPrime = true
        var d = 2
        while d * d <= n {
            if n % d == 0 { isPrime = false; break }
            d += 1
        }
        if isPrime { count += 1 }
    }
    return count
}
