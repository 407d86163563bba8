import ArgumentParser
import CrucibleEngine
import CrucibleRuntime

/// `crucible list`: tracks and lessons with ids, kinds and how far you got.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the course's tracks and lessons with their ids, kinds and your marks.",
        discussion: """
            Each lesson has the mark the course map shows (passed, in progress, not started and so \
            on; the last line says what each mark used means), and each track a line of how many \
            of its lessons are passed. Lessons with errors are left out; `crucible lint` explains them.
            """)

    @OptionGroup var course: CourseOptions

    func run() throws {
        let loaded = try course.load()
        Output.print(CourseMapText.render(loaded, game: course.game(for: loaded), showWelcome: false))
    }
}
