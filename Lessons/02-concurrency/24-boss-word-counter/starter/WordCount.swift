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
    var counts: [String: Int] = [:]
    for index in 0..<documents {
        let text = await load(index)
        for word in words(in: text) {
            counts[word, default: 0] += 1
        }
    }
    return counts
}
