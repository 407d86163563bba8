import Dispatch

/// The `index`-th of `chunks` equal ranges that together cover 0..<limit.
func chunkRange(_ index: Int, of chunks: Int, upTo limit: Int) -> Range<Int> {
    (limit * index / chunks)..<(limit * (index + 1) / chunks)
}

/// Parallel, but every thread adds to the same variable: a data race.
func parallelPrimeCount(below limit: Int, chunks: Int) -> Int {
    nonisolated(unsafe) var total = 0
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        total += countPrimes(in: chunkRange(index, of: chunks, upTo: limit))
    }
    return total
}
