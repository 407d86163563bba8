/// The words of `text`: maximal runs of letters, lower-cased.
func words(in text: String) -> [String] {
    text.split { !$0.isLetter }.map { $0.lowercased() }
}

/// Wrong: concurrent, but every child writes one shared dictionary, and
/// `@unchecked Sendable` silences the compiler that would have said so.
final class SharedCounts: @unchecked Sendable {
    var counts: [String: Int] = [:]
}

func countWords(
    documents: Int,
    load: @escaping @Sendable (Int) async -> String
) async -> [String: Int] {
    let shared = SharedCounts()
    await withTaskGroup(of: Void.self) { group in
        for index in 0..<documents {
            group.addTask {
                for word in words(in: await load(index)) {
                    shared.counts[word, default: 0] += 1
                }
            }
        }
    }
    return shared.counts
}
