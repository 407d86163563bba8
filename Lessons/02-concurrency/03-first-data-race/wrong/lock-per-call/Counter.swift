import Foundation

/// Wrong: every call makes its own lock, so no two threads ever share one.
final class Counter: @unchecked Sendable {
    private var value = 0

    func increment() {
        let lock = NSLock()
        lock.lock()
        value += 1
        lock.unlock()
    }

    var current: Int {
        value
    }
}
