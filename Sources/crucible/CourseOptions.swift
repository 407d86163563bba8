import ArgumentParser
import CrucibleEngine
import Foundation

/// `--lessons DIR`, shared by every command, and loading the course it names.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The course folder (a folder holding course.yml).",
        discussion: "Defaults to $\(BundledCourse.environmentKey), then the bundled course.",
        valueName: "dir"))
    var lessons: String?

    @Option(name: .long, help: ArgumentHelp(
        "The folder holding your copies of code lessons' files.",
        discussion: "Defaults to $\(Workspace.environmentKey), then $XDG_DATA_HOME/crucible/workspace, then ~/.local/share/crucible/workspace.",
        valueName: "dir"))
    var workspace: String?

    @Option(name: .long, help: ArgumentHelp(
        "Your progress file.",
        discussion: "Defaults to $\(ProgressLocation.environmentKey), then $XDG_STATE_HOME/crucible/progress.json, then ~/.local/state/crucible/progress.json.",
        valueName: "file"))
    var progress: String?

    @Flag(name: .long, help: "No colours, on screen or in printed text (the same as NO_COLOR=1).")
    var noColor = false

    /// Publishes --no-color as NO_COLOR, which every printer and the terminal layer already honour.
    func validate() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
    }

    /// The course folder to use, as the user gave it (relative paths stay relative in messages).
    func folder() throws -> URL {
        if let lessons { return URL(fileURLWithPath: lessons) }
        guard let bundled = BundledCourse.locate() else {
            throw CommandFailure(message: """
                cannot find the bundled course (a Lessons folder with course.yml); \
                pass --lessons DIR or set \(BundledCourse.environmentKey)
                """)
        }
        return bundled
    }

    /// Loads the course, printing its errors to stderr; fails when nothing usable loaded.
    func load() throws -> CourseLoadResult {
        let root = try folder()
        let result = CourseLoader.load(from: root)
        for diagnostic in result.errors { Output.error(diagnostic.description) }
        if result.course == nil && result.tracks.isEmpty {
            throw CommandFailure(message: "no course could be loaded from \(root.relativePath)")
        }
        if !result.errors.isEmpty {
            Output.error("crucible: lessons with errors are left out; `crucible lint \(root.relativePath)` explains each problem")
        }
        return result
    }
}

/// Finds a lesson by id or fails with a "did you mean" message.
func requireLesson(_ id: String, in course: CourseLoadResult) throws -> Lesson {
    if let lesson = course.lesson(withID: id) { return lesson }
    throw CommandFailure(message: course.unknownLessonMessage(id))
}
