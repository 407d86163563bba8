import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible hint ID`: reveals a lesson's next hint and remembers it in the learner's progress.
struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "Show the next hint of a lesson.",
        discussion: """
            Hints are revealed one at a time, in order, and remembered: the next `crucible hint` \
            shows the following one. A lesson passed without any hint earns the no-hints bonus.

            Examples:
              crucible hint orientation.first-fix          the next hint
              crucible hint orientation.first-fix --all    every hint revealed so far
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lesson's id, as `crucible list` prints it.")
    var id: String

    @Flag(help: "Print every hint revealed so far instead of revealing a new one.")
    var all = false

    func run() throws {
        let session = try ProgressSession(options: course)
        let lesson = try requireLesson(id, in: session.loaded)
        let hints = lesson.hints
        guard !hints.isEmpty else {
            Output.print("`\(id)` has no hints.")
            return
        }
        if all {
            let revealed = min(session.store.current[lesson: id].hintsRevealed, hints.count)
            guard revealed > 0 else {
                Output.print("No hints of `\(id)` are revealed yet; `crucible hint \(id)` shows the first of \(hints.count).")
                return
            }
            for index in 0..<revealed { Output.print(Self.line(index, of: hints)) }
            return
        }
        // Read and recorded in one locked update, so two commands at once reveal two different hints.
        let id = id, outline = session.outline, achievements = session.achievements
        let index: Int? = try session.update { progress in
            let revealed = progress[lesson: id].hintsRevealed
            guard revealed < hints.count else { return nil }
            _ = GameRules.apply(.revealedHint(lesson: id), to: &progress, outline: outline, achievements: achievements,
                                now: Date(), calendar: .current)
            return revealed
        }
        guard let index else {
            Output.print("No hints left: all \(hints.count) hints of `\(id)` are revealed; `crucible hint \(id) --all` shows them again.")
            return
        }
        Output.print(Self.line(index, of: hints))
    }

    /// "Hint 2 of 3: …" for the hint at 0-based `index`.
    static func line(_ index: Int, of hints: [String]) -> String {
        "Hint \(index + 1) of \(hints.count): \(hints[index])"
    }
}
