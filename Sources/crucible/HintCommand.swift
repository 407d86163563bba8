import ArgumentParser
import CrucibleEngine
import CrucibleRuntime

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
        let session = try course.openProgress()
        let hints = HintReveal(try course.lesson(id, in: session.loaded), followUp: course.followUp)
        if let none = hints.noHints { return Output.print(none) }
        if all { return hints.revealedLines(session.store.current).forEach(Output.print) }
        let outline = session.outline, achievements = session.achievements
        Output.print(try session.update { hints.revealNext(in: &$0, outline: outline, achievements: achievements) })
    }
}
