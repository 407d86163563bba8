import Foundation

// Numbers in a progress file are the learner's (or an editor's, or a bug's): anything out of
// ``NumberBounds`` is clamped on load, each with a line saying which field of which lesson.

extension SavedProgress {
    /// Notes past this many are summed up in one line, so a file of a million bad records
    /// does not bury the learner in notices.
    static let clampNoteLimit = 5

    /// Moves every number into ``NumberBounds`` and returns what was changed, one line each:
    /// "course `c`, lesson `l`: `attempts` was negative (-3); set to 0".
    public mutating func clampToBounds() -> [String] {
        var notes: [String] = []
        for id in courses.keys.sorted() {
            courses[id]?.clampToBounds(course: id, notes: &notes)
        }
        guard notes.count > Self.clampNoteLimit else { return notes }
        let rest = notes.count - Self.clampNoteLimit
        return Array(notes.prefix(Self.clampNoteLimit)) + [
            "\(rest) more number\(rest == 1 ? " was" : "s were") out of range and clamped the same way"
        ]
    }
}

extension CourseProgress {
    mutating func clampToBounds(course: String, notes: inout [String]) {
        let place = "course `\(course)`"
        clamp(&xp, NumberBounds.progressXP, "xp", place, &notes)
        clamp(&level, NumberBounds.level, "level", place, &notes)
        clamp(&streak.current, NumberBounds.streakDays, "streak.current", place, &notes)
        clamp(&streak.best, NumberBounds.streakDays, "streak.best", place, &notes)
        if var position {
            clamp(&position.scroll, NumberBounds.scroll, "position.scroll", place, &notes)
            self.position = position
        }
        for id in lessons.keys.sorted() {
            guard var record = lessons[id] else { continue }
            let place = "\(place), lesson `\(id)`"
            clamp(&record.attempts, NumberBounds.count, "attempts", place, &notes)
            clamp(&record.hintsRevealed, NumberBounds.count, "hintsRevealed", place, &notes)
            clamp(&record.xpEarned, NumberBounds.progressXP, "xpEarned", place, &notes)
            if !NumberBounds.seconds.contains(record.timeSpent) {
                let was = record.timeSpent
                record.timeSpent = was < 0 ? 0 : NumberBounds.seconds.upperBound
                notes.append(
                    "\(place): `timeSpent` was \(was < 0 ? "negative (\(was))" : "out of range (above \(Int(NumberBounds.seconds.upperBound)) seconds)"); set to \(Int(record.timeSpent))"
                )
            }
            lessons[id] = record
        }
    }
}

/// Clamps `value` into `range`, noting the field, where it is, what it was and what it became.
private func clamp(_ value: inout Int, _ range: ClosedRange<Int>, _ field: String, _ place: String, _ notes: inout [String]) {
    guard !range.contains(value) else { return }
    let was = value
    value = range.clamp(was)
    let found: String
    // Decoding saturates numbers beyond `Int` (such as 1e300) to its ends, so those say "or less/more".
    if was < range.lowerBound {
        found = was < 0 ? "negative (\(was)\(was == .min ? " or less" : ""))" : "below \(range.lowerBound) (\(was))"
    } else {
        found = "out of range (\(was)\(was == .max ? " or more" : ""), above the maximum \(range.upperBound))"
    }
    notes.append("\(place): `\(field)` was \(found); set to \(value)")
}
