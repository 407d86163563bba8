import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI
import Foundation

/// `crucible show ID`: one lesson, or one track with its introduction and lessons, as formatted text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one lesson, or one track and its lessons, as formatted text.",
        discussion: "Colour is used on a terminal, never in a pipe or with NO_COLOR set.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "The id of a lesson or a track, as `crucible list` prints it.")
    var id: String

    @Option(help: "Wrap text to this many columns (default: the terminal's width).")
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20, got \(width)") }
    }

    func run() throws {
        let loaded = try course.load()
        // Ids are unique across tracks and lessons, so the id names at most one of them.
        if let track = loaded.tracks.first(where: { $0.id == id }) {
            Output.print(TrackText.lines(for: track, width: width ?? Output.width, followUp: course.followUp))
            return
        }
        guard loaded.lesson(withID: id) != nil else {
            throw CommandFailure(message: loaded.unknownIDMessage(id, list: course.followUp.command("list")))
        }
        let lesson = try course.lesson(id, in: loaded)
        switch LessonSource.load(for: lesson) {
        case .success(let source):
            let lines = LessonText.lines(
                for: lesson, body: source.body, program: source.program, width: width ?? Output.width, followUp: course.followUp)
            Output.print(lines)
        case .failure(let failure):
            throw CommandFailure(message: "cannot show `\(id)`: \(failure.message)")
        }
    }
}
