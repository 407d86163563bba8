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

    func run() throws {
        let schemas = BundledCourse.schemaFolder()
        if schemas == nil {
            Output.error("crucible: the bundled course's schema folder was not found, so the new course has no schema/")
        }
        let result = try scaffold { try Scaffold.course(at: URL(fileURLWithPath: folder), schemaSource: schemas) }
        report(result, next: ["crucible new track \(folder)/SLUG", "crucible lint \(folder)"])
    }
}

/// `crucible new track DIR/SLUG`.
struct NewTrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Create a track in a course: DIR/NN-SLUG/track.yml with the next free order prefix.")

    @Argument(help: ArgumentHelp("The course folder and the track's slug, such as my-course/basics.", valueName: "dir/slug"))
    var path: String

    func run() throws {
        let url = URL(fileURLWithPath: path)
        let result = try scaffold {
            try Scaffold.track(in: url.deletingLastPathComponent(), slug: url.lastPathComponent)
        }
        report(result, next: ["crucible new lesson \(result.folder.relativePath)/SLUG --kind read|quiz|predict|code"])
    }
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

    @Argument(help: ArgumentHelp("The track folder and the lesson's slug, such as my-course/basics/first-fix.",
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

    func run() throws {
        let url = URL(fileURLWithPath: path)
        let track = Scaffold.resolveTrack(url.deletingLastPathComponent())
        let result = try scaffold {
            try Scaffold.lesson(in: track, slug: url.lastPathComponent, kind: kind, language: language ?? .swift)
        }
        let course = track.deletingLastPathComponent().relativePath
        report(result, next: ["crucible lint \(course)", "crucible verify --lessons \(course) \(result.id)",
                              "crucible show --lessons \(course) \(result.id)"])
    }
}

/// Runs a scaffolding step, turning its error into the command's one-sentence failure.
private func scaffold(_ body: () throws -> ScaffoldResult) throws -> ScaffoldResult {
    do {
        return try body()
    } catch let error as ScaffoldError {
        throw CommandFailure(message: error.message)
    }
}

/// Prints the files created and what to run next.
private func report(_ result: ScaffoldResult, next commands: [String]) {
    for file in result.files { Output.print("created \(file.relativePath)") }
    Output.print("id: \(result.id)")
    Output.print("next:")
    for command in commands { Output.print("  " + command) }
}

extension BundledCourse {
    /// The JSON Schemas shipped with the bundled course (`Lessons/schema`), ignoring
    /// $CRUCIBLE_LESSONS first, since that may name the author's own course.
    static func schemaFolder() -> URL? {
        for course in [locate(environment: [:]), locate()].compactMap({ $0 }) {
            let folder = course.appendingPathComponent(Scaffold.schemaFolderName, isDirectory: true)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Scaffold.schemaFiles[0]).path) {
                return folder
            }
        }
        return nil
    }
}
