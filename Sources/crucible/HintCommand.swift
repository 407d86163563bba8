import ArgumentParser
import CrucibleEngine
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
        let loaded = try course.load()
        let lesson = try requireLesson(id, in: loaded)
        let hints = lesson.hints
        guard !hints.isEmpty else {
            print("`\(id)` has no hints.")
            return
        }
        let progress = try LearnerProgress(loaded, file: ProgressLocation.file(option: course.progress))
        if all {
            let revealed = min(progress.store.current[lesson: id].hintsRevealed, hints.count)
            guard revealed > 0 else {
                print("No hints of `\(id)` are revealed yet; `crucible hint \(id)` shows the first of \(hints.count).")
                return
            }
            for index in 0..<revealed { print(Self.line(index, of: hints)) }
            return
        }
        // Read and recorded in one locked update, so two commands at once reveal two different hints.
        let index: Int? = try progress.update { record, apply in
            let revealed = record[lesson: id].hintsRevealed
            guard revealed < hints.count else { return nil }
            apply(.revealedHint(lesson: id))
            return revealed
        }
        guard let index else {
            print("No hints left: all \(hints.count) hints of `\(id)` are revealed; `crucible hint \(id) --all` shows them again.")
            return
        }
        print(Self.line(index, of: hints))
    }

    /// "Hint 2 of 3: …" for the hint at 0-based `index`.
    static func line(_ index: Int, of hints: [String]) -> String {
        "Hint \(index + 1) of \(hints.count): \(hints[index])"
    }
}

/// The learner's progress in the loaded course, and recording what they did in it through
/// the game rules, shared by the commands that change progress.
struct LearnerProgress {
    let store: ProgressStore
    let course: Course

    /// Opens the progress `file` (`--progress`, `$CRUCIBLE_PROGRESS`, or the default) for the loaded course.
    init(_ loaded: CourseLoadResult, file: URL) throws {
        guard let course = loaded.course else {
            throw CommandFailure(message: "the course has no usable course.yml, so there is no progress to keep; "
                                 + "`crucible lint` explains what is wrong")
        }
        do {
            store = try ProgressStore(courseID: course.id, file: file)
        } catch {
            throw CommandFailure(message: "cannot open your progress: \(error)")
        }
        self.course = course
    }

    /// Records `action` now.
    func record(_ action: LearnerAction) throws {
        try update { _, apply in apply(action) }
    }

    /// Runs `change` inside one locked read-and-save of the progress file: it sees the current
    /// progress and may apply learner actions to it through the game rules.
    func update<Result>(_ change: @escaping (CourseProgress, (LearnerAction) -> Void) throws -> Result) throws -> Result {
        let outline = CourseOutline(course)
        do {
            return try store.update { progress in
                try change(progress) { action in
                    _ = GameRules.apply(action, to: &progress, outline: outline, now: Date(), calendar: .current)
                }
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "cannot save your progress: \(error)")
        }
    }
}
