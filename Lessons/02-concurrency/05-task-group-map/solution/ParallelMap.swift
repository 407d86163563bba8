/// Applies `transform` to every element at the same time, one child task per
/// element, and returns the results in the same order as `items`.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T],
    _ transform: @escaping @Sendable (T) async -> R
) async -> [R] {
    await withTaskGroup(of: (Int, R).self) { group in
        for (index, item) in items.enumerated() {
            group.addTask {
                (index, await transform(item))
            }
        }
        // Children finish in any order; each one says where its result goes.
        var slots = [R?](repeating: nil, count: items.count)
        for await (index, result) in group {
            slots[index] = result
        }
        return slots.map { $0! }
    }
}
