// Hidden harness: counts primes once normally, then cancels a long count
// halfway and gives it two seconds to stop, by throwing CancellationError or
// by returning the count of the numbers it got through.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
import Foundation
import Synchronization

let latest = Atomic<Int>(0)

let small = try await countPrimes(in: 0..<1000) { _ in }
print("primes below 1000 = \(small)")
if small != 168 {
    print("FAIL: there are 168 primes below 1000")
    exit(0)
}

let task = Task {
    try await countPrimes(in: 0..<1_000_000_000) { n in latest.store(n, ordering: .relaxed) }
}
while latest.load(ordering: .relaxed) < 20_000 {
    try await Task.sleep(for: .milliseconds(5))
}
task.cancel()
// From now on, a watchdog on its own thread, outside the task pool.
Thread {
    Thread.sleep(forTimeInterval: 2)
    print("FAIL: countPrimes was still running 2 seconds after its task was cancelled (it reached \(latest.load(ordering: .relaxed)))")
    exit(0)
}.start()
/// The number of primes p with p <= limit.
func primes(upTo limit: Int) -> Int {
    if limit < 2 { return 0 }
    var composite = [Bool](repeating: false, count: limit + 1)
    var count = 0
    for n in 2...limit where !composite[n] {
        count += 1
        var multiple = n * n
        while multiple <= limit { composite[multiple] = true; multiple += n }
    }
    return count
}

do {
    let count = try await task.value
    // A partial result is fine, if it is the count so far: progress(n) runs
    // after each number n, so the loop got through 0...last, or one number more.
    let last = latest.load(ordering: .relaxed)
    let low = primes(upTo: last), high = primes(upTo: last + 1)
    if count < low || count > high {
        print("FAIL: countPrimes returned \(count) after it was cancelled at \(last), but there are \(low) primes up to \(last): return the count so far, or throw CancellationError")
        exit(0)
    }
    print("returned the partial count \(count) (primes up to \(last)) after cancel")
} catch is CancellationError {
    print("stopped at \(latest.load(ordering: .relaxed)) after cancel")
} catch {
    print("FAIL: countPrimes threw \(error), expected CancellationError")
    exit(0)
}
