// Hidden: the storage class the learner's Samples wraps. It counts every
// copy, so the harness can tell a needed copy from a wasted one.

/// Storage for `Samples`. `copy()` returns a new buffer with the same items.
final class Buffer {
    nonisolated(unsafe) static var copiesMade = 0

    var items: [Int]

    init(_ items: [Int] = []) {
        self.items = items
    }

    func copy() -> Buffer {
        Buffer.copiesMade += 1
        return Buffer(items)
    }
}
