/// A list of integer samples with value semantics: changing one copy of
/// `Samples` never changes another. The numbers live in a shared `Buffer`
/// (a class, given to you by the check), which should be copied only when a
/// `Samples` about to change shares it with another.
struct Samples {
    private var buffer = Buffer()

    var count: Int { buffer.items.count }

    var sum: Int { buffer.items.reduce(0, +) }

    subscript(index: Int) -> Int {
        get { buffer.items[index] }
        set {
            makeUnique()
            buffer.items[index] = newValue
        }
    }

    mutating func append(_ value: Int) {
        makeUnique()
        buffer.items.append(value)
    }

    mutating func removeAll() {
        makeUnique()
        buffer.items.removeAll()
    }

    /// Copies the buffer only if another `Samples` shares it.
    private mutating func makeUnique() {
        buffer = Buffer(buffer.items)   // wrong: copies even when unshared
    }
}
