// Hidden harness: counts primes once normally, then cancels a long count
// halfway and gives it two seconds to stop.
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
do {
    let count = try await task.value
    print("FAIL: countPrimes returned \(count) instead of throwing CancellationError")
    exit(0)
} catch is CancellationError {
    print("stopped at \(latest.load(ordering: .relaxed)) after cancel")
} catch {
    print("FAIL: countPrimes threw \(error), expected CancellationError")
    exit(0)
}
