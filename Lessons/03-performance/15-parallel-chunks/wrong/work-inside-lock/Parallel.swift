import Dispatch
import Foundation
import Synchronization

/// The `index`-th of `chunks` equal ranges that together cover 0..<limit.
func chunkRange(_ index: Int, of chunks: Int, upTo limit: Int) -> Range<Int> {
    (limit * index / chunks)..<(limit * (index + 1) / chunks)
}

/// Race-free, but every chunk does all its work while holding one lock,
/// so only one chunk at a time makes progress.
func parallelPrimeCount(below limit: Int, chunks: Int) -> Int {
    let total = Atomic<Int>(0)
    let lock = NSLock()
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        lock.lock()
        total.wrappingAdd(countPrimes(in: chunkRange(index, of: chunks, upTo: limit)), ordering: .relaxed)
        lock.unlock()
    }
    return total.load(ordering: .relaxed)
}
