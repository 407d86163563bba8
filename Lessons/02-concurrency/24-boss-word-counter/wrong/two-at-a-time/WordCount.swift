/// The words of `text`: maximal runs of letters, lower-cased.
func words(in text: String) -> [String] {
    text.split { !$0.isLetter }.map { $0.lowercased() }
}

/// Wrong: correct and race-free, but runs at most two documents at a time,
/// so it is barely faster than the sequential version.
func countWords(
    documents: Int,
    load: @escaping @Sendable (Int) async -> String
) async -> [String: Int] {
    var total: [String: Int] = [:]
    var start = 0
    while start < documents {
        let end = min(start + 2, documents)
        let partials = await withTaskGroup(of: [String: Int].self) { group in
            for index in start..<end {
                group.addTask {
                    var counts: [String: Int] = [:]
                    for word in words(in: await load(index)) { counts[word, default: 0] += 1 }
                    return counts
                }
            }
            var all: [[String: Int]] = []
            for await partial in group { all.append(partial) }
            return all
        }
        for partial in partials { total.merge(partial, uniquingKeysWith: +) }
        start = end
    }
    return total
}
