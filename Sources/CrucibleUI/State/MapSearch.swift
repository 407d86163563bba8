import CrucibleEngine

/// What the learner typed on the map after `/`, and the lessons it matches.
public struct MapSearch: Sendable, Equatable {
    public var query: String
    /// Indices into ``AppState/lessons`` of the lessons whose title or id contains every word of ``query``.
    public var matches: [Int]
    /// The selected match, an index into ``matches``.
    public var selected: Int
    /// The first match shown.
    public var scroll: Int
    /// Each lesson's title and id in lower case, as UTF-8, made once when the search opens rather than per key.
    let haystack: [[UInt8]]

    public init(in lessons: [Lesson]) {
        query = ""
        haystack = lessons.map { Array(($0.title + "\n" + $0.id).lowercased().utf8) }
        matches = Array(lessons.indices)
        selected = 0
        scroll = 0
    }

    /// The search for `newQuery`, selecting the first match. A query that only grows narrows the current matches.
    public func searching(_ newQuery: String) -> MapSearch {
        var search = self
        let words = newQuery.lowercased().split(separator: " ").map { Array($0.utf8) }
        let candidates = newQuery.hasPrefix(query) ? matches : Array(haystack.indices)
        search.query = newQuery
        // Bytes, not Characters: String's `contains` went through NSString and `firstRange(of:)` compares
        // Characters one by one; on 10,000 lessons either took most of a key's time.
        search.matches = candidates.filter { index in words.allSatisfy { Self.bytes(haystack[index], contain: $0) } }
        search.selected = 0
        search.scroll = 0
        return search
    }

    /// Whether `needle` occurs in `text`, byte for byte.
    static func bytes(_ text: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= text.count else { return false }
        let first = needle[0]
        for start in 0...(text.count - needle.count) where text[start] == first {
            var matched = 1
            while matched < needle.count, text[start + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return true }
        }
        return false
    }

    /// The lesson the selected match stands for.
    public var selectedLesson: Int? { matches.indices.contains(selected) ? matches[selected] : nil }
}
