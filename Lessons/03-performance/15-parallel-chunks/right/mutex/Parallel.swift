import Dispatch
import Synchronization

/// The `index`-th of `chunks` equal ranges that together cover 0..<limit.
func chunkRange(_ index: Int, of chunks: Int, upTo limit: Int) -> Range<Int> {
    (limit * index / chunks)..<(limit * (index + 1) / chunks)
}

/// Counts the primes below `limit` on all cores; a `Mutex` guards only the addition.
func parallelPrimeCount(below limit: Int, chunks: Int) -> Int {
    let total = Mutex<Int>(0)
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        let count = countPrimes(in: chunkRange(index, of: chunks, upTo: limit))
        total.withLock { $0 += count }
    }
    return total.withLock { $0 }
}
