/// The words of `text`: maximal runs of letters, lower-cased.
/// "It's a dog-eat-dog world" has the words it, s, a, dog, eat, dog, world.
func words(in text: String) -> [String] {
    text.split { !$0.isLetter }.map { $0.lowercased() }
}

/// Counts how often each word appears in documents 0..<documents.
/// `load(i)` fetches document i; each fetch takes a while, like a network
/// request, but costs almost no CPU.
func countWords(
    documents: Int,
    load: @escaping @Sendable (Int) async -> String
) async -> [String: Int] {
    await withTaskGroup(of: [String: Int].self) { group in
        // Map: every document is fetched and counted in its own child task,
        // so all the waiting overlaps and the counting uses every core.
        for index in 0..<documents {
            group.addTask {
                var counts: [String: Int] = [:]
                for word in words(in: await load(index)) {
                    counts[word, default: 0] += 1
                }
                return counts
            }
        }
        // Reduce: only the parent merges, so nothing mutable is shared.
        var total: [String: Int] = [:]
        for await partial in group {
            total.merge(partial, uniquingKeysWith: +)
        }
        return total
    }
}
