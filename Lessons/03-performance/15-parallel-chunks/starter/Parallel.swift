import Dispatch

/// The `index`-th of `chunks` equal ranges that together cover 0..<limit.
func chunkRange(_ index: Int, of chunks: Int, upTo limit: Int) -> Range<Int> {
    (limit * index / chunks)..<(limit * (index + 1) / chunks)
}

/// Counts the primes below `limit`: splits 0..<limit into `chunks` ranges
/// and should count them on all cores at once.
func parallelPrimeCount(below limit: Int, chunks: Int) -> Int {
    var total = 0
    for index in 0..<chunks {                  // one chunk after another
        total += countPrimes(in: chunkRange(index, of: chunks, upTo: limit))
    }
    return total
}
