/// Applies `transform` to every element at the same time, one child task per
/// element, and returns the results in the same order as `items`.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T],
    _ transform: @escaping @Sendable (T) async -> R
) async -> [R] {
    await withTaskGroup(of: R.self) { group in
        for item in items {
            group.addTask {
                await transform(item)
            }
        }
        var results: [R] = []
        for await result in group {
            results.append(result)
        }
        return results
    }
}
