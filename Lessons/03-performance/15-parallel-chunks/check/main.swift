// Hidden harness: checks the counts, and that the kernel really ran on two
// threads at once. Built with ThreadSanitizer, so a shared total is caught.
import Foundation
import Synchronization

let known = [(0, 1, 0), (10, 3, 4), (100, 7, 25), (1_000, 4, 168), (200_000, 8, 17_984)]
for (limit, chunks, want) in known {
    let got = parallelPrimeCount(below: limit, chunks: chunks)
    if got != want {
        print("wrong count below \(limit) with \(chunks) chunks: got \(got), want \(want)")
        exit(1)
    }
}
print("primes: answers ok")

if ProcessInfo.processInfo.activeProcessorCount < 2 {
    print("only one core here: parallelism not checked")
    print("parallel: ok")
    exit(0)
}
// A busy machine may run the chunks one after another by chance; try a few times.
for _ in 0..<5 where peakInFlight.load(ordering: .relaxed) < 2 {
    _ = parallelPrimeCount(below: 200_000, chunks: 8)
}
let peak = peakInFlight.load(ordering: .relaxed)
print("most calls of countPrimes running at once: \(peak)")
if peak < 2 {
    print("the chunks ran one at a time: nothing ran in parallel")
    exit(1)
}
print("parallel: ok")
