import Foundation

/// Adds 1 to a shared total 10,000 times on each of two threads and returns the total.
func countInParallel() -> Int {
    final class Box: @unchecked Sendable { var total = 0 }
    let box = Box()
    let group = DispatchGroup()
    for _ in 0..<2 {
        group.enter()
        Thread {
            for _ in 0..<10_000 { box.total += 1 }
            group.leave()
        }.start()
    }
    group.wait()
    return box.total
}
