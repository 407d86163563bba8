/// Wrong: the order is right, but each element waits for the one before it.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T],
    _ transform: @escaping @Sendable (T) async -> R
) async -> [R] {
    var results: [R] = []
    for item in items {
        results.append(await transform(item))
    }
    return results
}
