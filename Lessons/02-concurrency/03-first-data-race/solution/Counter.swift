import Foundation

/// A counter that many threads bump at once.
/// `@unchecked Sendable` is a promise to the compiler: "I made this safe
/// to share between threads myself." The lock keeps the promise.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() {
        lock.lock()
        value += 1
        lock.unlock()
    }

    var current: Int {
        lock.withLock { value }
    }
}
