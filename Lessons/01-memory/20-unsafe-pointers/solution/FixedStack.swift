/// A stack with a fixed capacity that manages its own memory through an
/// unsafe pointer, the way `Array` does inside.
///
/// Slots `0 ..< count` hold initialised elements; slots `count ..< capacity`
/// are uninitialised memory.
final class FixedStack<Element> {
    private let base: UnsafeMutablePointer<Element>
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    /// Adds `element` on top; returns false when the stack is full.
    func push(_ element: Element) -> Bool {
        guard count < capacity else { return false }
        (base + count).initialize(to: element)
        count += 1
        return true
    }

    /// Removes and returns the top element, or nil when the stack is empty.
    func pop() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return (base + count).move()
    }

    /// The top element, without removing it.
    var top: Element? {
        count > 0 ? base[count - 1] : nil
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
