import CrucibleEngine
import Foundation

/// `crucible hint`: a lesson's hints revealed one at a time, in order, and remembered in progress.
public struct HintReveal: Sendable {
    public let lesson: Lesson

    public init(_ lesson: Lesson) { self.lesson = lesson }

    /// The line for a lesson with no hints, or nil when it has some.
    public var noHints: String? { lesson.hints.isEmpty ? "`\(lesson.id)` has no hints." : nil }

    /// Every hint revealed so far in `progress`, or a line saying none is yet (`--all`).
    public func revealedLines(_ progress: CourseProgress) -> [String] {
        let hints = lesson.hints, id = lesson.id
        let revealed = min(progress[lesson: id].hintsRevealed, hints.count)
        guard revealed > 0 else {
            return ["No hints of `\(id)` are revealed yet; `crucible hint \(id)` shows the first of \(hints.count)."]
        }
        return (0..<revealed).map(line)
    }

    /// Reveals the next hint in `progress` through the game rules; returns its line, or the line
    /// saying none are left. Meant to run inside one locked update, so two commands at once reveal two different hints.
    public func revealNext(in progress: inout CourseProgress, outline: CourseOutline, achievements: [Achievement]) -> String {
        let hints = lesson.hints, id = lesson.id
        let revealed = progress[lesson: id].hintsRevealed
        guard revealed < hints.count else {
            return "No hints left: all \(hints.count) hints of `\(id)` are revealed; `crucible hint \(id) --all` shows them again."
        }
        _ = GameRules.apply(
            .revealedHint(lesson: id), to: &progress, outline: outline, achievements: achievements,
            now: Date(), calendar: .current)
        return line(revealed)
    }

    /// "Hint 2 of 3: …" for the hint at 0-based `index`.
    public func line(_ index: Int) -> String {
        "Hint \(index + 1) of \(lesson.hints.count): \(lesson.hints[index])"
    }
}
