import Dispatch
import Synchronization

/// The `index`-th of `chunks` equal ranges that together cover 0..<limit.
func chunkRange(_ index: Int, of chunks: Int, upTo limit: Int) -> Range<Int> {
    (limit * index / chunks)..<(limit * (index + 1) / chunks)
}

/// Counts the primes below `limit`: splits 0..<limit into `chunks` ranges
/// and counts them on all cores at once.
func parallelPrimeCount(below limit: Int, chunks: Int) -> Int {
    let total = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        // The slow part runs in parallel ...
        let count = countPrimes(in: chunkRange(index, of: chunks, upTo: limit))
        // ... and only one atomic addition per chunk is shared.
        total.wrappingAdd(count, ordering: .relaxed)
    }
    // concurrentPerform has waited for every call, so every addition is visible.
    return total.load(ordering: .relaxed)
}
