/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
///
/// Close enough means at most one edit for short words and two for words of six or more
/// characters; a swap of neighbouring letters counts as one edit.
func nearest(_ word: String, in candidates: [String]) -> String? {
    let allowed = word.count >= 6 ? 2 : 1
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(Array(word.lowercased()), Array(candidate.lowercased()))
        if distance <= allowed, distance < (best?.distance ?? .max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}

/// The ids a mistyped `word` most likely meant, best first, at most `limit` of them: ids it is
/// the start of (`memory.retain` → `memory.retain-cycles`), ids whose part after the last dot
/// it names or starts (`retain-cycles` → `memory.retain-cycles`), then ids within the typo
/// distance of ``nearest(_:in:)``, of the whole id or of that last part.
///
/// `more` counts the further ids that start with `word`, which a message can mention without listing.
func nearestIDs(to word: String, in ids: [String], limit: Int = 3) -> (ids: [String], more: Int) {
    let typed = word.lowercased()
    guard !typed.isEmpty else { return ([], 0) }
    let lowered = ids.map { (id: $0, whole: $0.lowercased(), name: $0.lowercased().split(separator: ".").last.map(String.init) ?? "") }
    let allowed = typed.count >= 6 ? 2 : 1
    // Lower rank is a better match; ties keep course order.
    func rank(_ entry: (id: String, whole: String, name: String)) -> Int? {
        if entry.name == typed { return 0 }
        if entry.whole.hasPrefix(typed) || entry.name.hasPrefix(typed) { return 1 }
        let distance = min(editDistance(Array(typed), Array(entry.whole)), editDistance(Array(typed), Array(entry.name)))
        return distance <= allowed ? 2 + distance : nil
    }
    let ranked = lowered.enumerated().compactMap { index, entry in rank(entry).map { (entry.id, $0, index) } }
        .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
    let chosen = ranked.prefix(limit).map(\.0)
    let more = ranked.dropFirst(limit).filter { $0.1 <= 1 }.count
    return (chosen, more)
}

/// "; did you mean `a`, `b` or `c`?" naming the ids a mistyped `typed` most likely meant
/// (``nearestIDs(to:in:limit:)``), or "" when none is close.
public func didYouMean(_ typed: String, among ids: [String]) -> String {
    let (nearest, more) = nearestIDs(to: typed, in: ids)
    guard let last = nearest.last else { return "" }
    let quoted = nearest.map { "\(quoted: $0)" }
    let listed = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or \(quoted: last)"
    return "; did you mean \(listed)" + (more > 0 ? " (or \(more) more starting with \(quoted: typed))" : "") + "?"
}
