import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible new course|track|lesson`: scaffolding for authors, from templates that already
/// pass `crucible lint` and `crucible verify`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a course, a track or a lesson from a template.",
        discussion: """
            Tracks and lessons get the next free order prefix (03- after 02-). Every file shows \
            each key with a comment, and names the course's JSON Schema for editors.

            Examples:
              crucible new course my-course
              crucible new track my-course/basics
              crucible new lesson my-course/basics/stack-and-heap --kind read
              crucible new lesson my-course/basics/first-fix --kind code --language c
            """,
        subcommands: [NewCourseCommand.self, NewTrackCommand.self, NewLessonCommand.self])
}

extension LessonKind: ExpressibleByArgument {}
extension TemplateLanguage: ExpressibleByArgument {}

/// `crucible new course DIR`.
struct NewCourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Create a course folder: course.yml, achievements.yml, README.md and the JSON Schemas.")

    @Argument(help: "The new course folder (must not exist, or be empty).")
    var folder: String

    func run() throws { try ScaffoldReport.newCourse(at: folder) }
}

/// `crucible new track DIR/SLUG`.
struct NewTrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Create a track in a course: DIR/NN-SLUG/track.yml with the next free order prefix.")

    @Argument(help: ArgumentHelp("The course folder and the track's slug, such as my-course/basics.", valueName: "dir/slug"))
    var path: String

    func run() throws { try ScaffoldReport.newTrack(at: path) }
}

/// `crucible new lesson TRACK/SLUG --kind KIND [--language LANGUAGE]`.
struct NewLessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Create a lesson in a track, with the next free order prefix.",
        discussion: """
            TRACK is a track folder, or its name without the order prefix. Predict and code \
            lessons come with a program, starter, solution, hidden harness and a known-wrong \
            variant in the chosen language; `crucible verify` passes on them as created.
            """)

    @Argument(
        help: ArgumentHelp(
            "The track folder and the lesson's slug, such as my-course/basics/first-fix.",
            valueName: "track/slug"))
    var path: String

    @Option(help: "read, quiz, predict or code.")
    var kind: LessonKind

    @Option(help: "The language of a predict or code lesson: swift, c, rust or go (default: swift).")
    var language: TemplateLanguage?

    func validate() throws {
        if language != nil, kind == .read || kind == .quiz {
            throw ValidationError("--language is for predict and code lessons; a \(kind.rawValue) lesson has no program")
        }
    }

    func run() throws { try ScaffoldReport.newLesson(at: path, kind: kind, language: language ?? .swift) }
}
