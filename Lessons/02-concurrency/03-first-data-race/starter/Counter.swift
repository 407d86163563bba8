import Foundation

/// A counter that many threads bump at once.
/// `@unchecked Sendable` is a promise to the compiler: "I made this safe
/// to share between threads myself." Right now the promise is false.
final class Counter: @unchecked Sendable {
    private var value = 0

    func increment() {
        value += 1
    }

    var current: Int {
        value
    }
}
