import CrucibleEngine
import CrucibleUI
import Foundation

/// `crucible hint`: a lesson's hints revealed one at a time, in order, and remembered in progress.
public struct HintReveal: Sendable {
    public let lesson: Lesson
    /// How the commands these lines suggest name the course, workspace and progress file.
    public let followUp: FollowUpCommands

    public init(_ lesson: Lesson, followUp: FollowUpCommands = .plain) {
        self.lesson = lesson
        self.followUp = followUp
    }

    /// The line for a lesson with no hints, or nil when it has some.
    public var noHints: String? { lesson.hints.isEmpty ? "`\(lesson.id)` has no hints." : nil }

    /// Every hint revealed so far in `progress`, or a line saying none is yet (`--all`).
    public func revealedLines(_ progress: CourseProgress) -> [String] {
        let hints = lesson.hints, id = lesson.id
        let revealed = min(progress[lesson: id].hintsRevealed, hints.count)
        guard revealed > 0 else {
            return ["No hints of `\(id)` are revealed yet; `\(followUp.command("hint", id))` shows \(HintWording.first(of: hints.count))."]
        }
        return (0..<revealed).map(line)
    }

    /// Reveals the next hint in `progress` through the game rules; returns its line, or the line
    /// saying none are left. Meant to run inside one locked update, so two commands at once reveal two different hints.
    public func revealNext(in progress: inout CourseProgress, outline: CourseOutline, achievements: [Achievement]) -> String {
        let hints = lesson.hints, id = lesson.id
        let revealed = progress[lesson: id].hintsRevealed
        guard revealed < hints.count else {
            let shown = hints.count == 1 ? "it again" : "them again"
            return "No hints left: \(HintWording.all(hints.count)) of `\(id)` "
                + (hints.count == 1 ? "is" : "are") + " revealed; `\(followUp.command("hint", id, "--all"))` shows \(shown)."
        }
        _ = GameRules.apply(
            .revealedHint(lesson: id), to: &progress, outline: outline, achievements: achievements,
            now: Date(), calendar: .current)
        return line(revealed)
    }

    /// "Hint 2 of 3: …" (or "The only hint: …") for the hint at 0-based `index`.
    public func line(_ index: Int) -> String {
        HintWording.sentence(HintWording.which(index, of: lesson.hints.count)) + ": " + lesson.hints[index]
    }
}
