// Hidden: the storage class the learner's Samples wraps. It counts every
// buffer made, by any initialiser, so the harness can tell a needed copy from a
// wasted one whether it was made with `copy()` or with `Buffer(buffer.items)`.

/// Storage for `Samples`. `copy()` returns a new buffer with the same items.
final class Buffer {
    nonisolated(unsafe) static var buffersMade = 0

    var items: [Int]

    init(_ items: [Int] = []) {
        Buffer.buffersMade += 1
        self.items = items
    }

    func copy() -> Buffer {
        Buffer(items)
    }
}
