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
            record.clampMetricHistory(place: place, notes: &notes)
            lessons[id] = record
        }
    }
}

extension LessonProgress {
    /// Keeps the latest ``MetricHistoryEntry/kept`` entries, oldest first, and moves their numbers into bounds.
    mutating func clampMetricHistory(place: String, notes: inout [String]) {
        // Numbers first: two entries that differ only beyond the bounds become equal once clamped,
        // and must then be kept once, or the next load would drop the repeat and change the file.
        for index in metricHistory.indices {
            if var lines = metricHistory[index].linesOfCode {
                clamp(&lines, NumberBounds.count, "metricHistory.linesOfCode", place, &notes)
                metricHistory[index].linesOfCode = lines
            }
            if metricHistory[index].medians.count > MetricHistoryEntry.namesKept {
                let kept = metricHistory[index].medians.keys.sorted().prefix(MetricHistoryEntry.namesKept)
                metricHistory[index].medians = metricHistory[index].medians.filter { kept.contains($0.key) }
                notes.append(
                    "\(place): a `metricHistory` entry had more than \(MetricHistoryEntry.namesKept) metrics; kept the first by name")
            }
            for (name, median) in metricHistory[index].medians where !NumberBounds.metricMedian.contains(median.median) {
                metricHistory[index].medians[name]?.median = NumberBounds.metricMedian.clamp(median.median.isNaN ? 0 : median.median)
                notes.append(
                    "\(place): the median of `\(name)` in `metricHistory` was out of range (\(median.median)); set to \(metricHistory[index].medians[name]!.median)"
                )
            }
        }
        let latest = metricHistory.latest()
        if latest.count < metricHistory.count || latest != metricHistory.sorted(by: { $0.at < $1.at }) {
            notes.append(
                "\(place): `metricHistory` had \(metricHistory.count) entries, some repeated or beyond the latest \(MetricHistoryEntry.kept); "
                    + "kept \(latest.count)")
        }
        metricHistory = latest
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
