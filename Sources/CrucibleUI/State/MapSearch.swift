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
    /// Each lesson's title and id in lower case, made once when the search opens rather than per key.
    let haystack: [String]

    public init(in lessons: [Lesson]) {
        query = ""
        haystack = lessons.map { ($0.title + "\n" + $0.id).lowercased() }
        matches = Array(lessons.indices)
        selected = 0
        scroll = 0
    }

    /// The search for `newQuery`, selecting the first match. A query that only grows narrows the current matches.
    public func searching(_ newQuery: String) -> MapSearch {
        var search = self
        let words = newQuery.lowercased().split(separator: " ")
        let candidates = newQuery.hasPrefix(query) ? matches : Array(haystack.indices)
        search.query = newQuery
        search.matches = candidates.filter { index in words.allSatisfy { haystack[index].contains($0) } }
        search.selected = 0
        search.scroll = 0
        return search
    }

    /// The lesson the selected match stands for.
    public var selectedLesson: Int? { matches.indices.contains(selected) ? matches[selected] : nil }
}
