/// A stack with a fixed capacity that manages its own memory through an
/// unsafe pointer, the way `Array` does inside.
///
/// Slots `0 ..< count` hold initialised elements; slots `count ..< capacity`
/// are uninitialised memory.
final class FixedStack<Element> {
    // Wrong: an Array manages the memory, so nothing here is done by hand.
    private var items: [Element] = []
    let capacity: Int
    var count: Int { items.count }

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    /// Adds `element` on top; returns false when the stack is full.
    func push(_ element: Element) -> Bool {
        guard count < capacity else { return false }
        items.append(element)
        return true
    }

    /// Removes and returns the top element, or nil when the stack is empty.
    func pop() -> Element? {
        items.popLast()
    }

    /// The top element, without removing it.
    var top: Element? {
        items.last
    }
}
