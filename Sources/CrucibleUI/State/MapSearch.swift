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
        // By index: a closure over each Lesson copied the whole lesson (a retain per field), most of the time to open.
        haystack = lessons.indices.map { Self.folded(lessons[$0].title) + [UInt8(ascii: "\n")] + Self.folded(lessons[$0].id) }
        matches = Array(lessons.indices)
        selected = 0
        scroll = 0
    }

    /// The search for `newQuery`, selecting the first match. A query that only grows narrows the current matches.
    public func searching(_ newQuery: String) -> MapSearch {
        var search = self
        let words = newQuery.split(separator: " ").map { Self.folded(String($0)) }
        let candidates = newQuery.hasPrefix(query) ? matches : Array(haystack.indices)
        search.query = newQuery
        // Bytes, not Characters: String's `contains` went through NSString and `firstRange(of:)` compares
        // Characters one by one; on 10,000 lessons either took most of a key's time.
        search.matches = candidates.filter { index in words.allSatisfy { Self.bytes(haystack[index], contain: $0) } }
        search.selected = 0
        search.scroll = 0
        return search
    }

    /// `text` in lower case, as UTF-8. ASCII is lowered byte by byte: `lowercased()` on each of
    /// 10,000 titles took most of the time to open the search.
    static func folded(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(text.lowercased().utf8) }
        for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
            bytes[index] += 0x20
        }
        return bytes
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
