import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleTerminal
import Foundation

/// `crucible preview ID`: one lesson in the full-screen UI, for its author, with a throwaway
/// progress file and workspace so the learner's own are never read or written.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Open one lesson in the full-screen UI without touching your progress.",
        discussion: """
            The lesson opens at once (q goes back to a course map of just that lesson). Edits \
            to its files show as you save them. Progress and workspace files live in a \
            temporary folder that is removed when you quit.

            Examples:
              crucible preview --lessons my-course basics.first-fix
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lesson's id, as `crucible list` prints it.")
    var id: String

    func run() throws {
        let loaded = try course.load()
        let lesson = try requireLesson(id, in: loaded)
        guard TerminalScreen.isAvailable else {
            throw CommandFailure(message: "preview needs a terminal; in a pipe, use `crucible show \(id)`")
        }
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: sandbox) }
        // The UI's default workspace comes from the environment: point it into the sandbox so no
        // starter is copied into the learner's workspace.
        setenv(Workspace.environmentKey, sandbox.appendingPathComponent("workspace").path, 1)
        let progressFile = sandbox.appendingPathComponent("progress.json")
        let root = try course.folder()
        let focused = Self.focus(loaded, on: lesson, root: root)
        do {
            // A resume position selects the lesson on the map and skips the welcome box.
            try ProgressStore(courseID: focused.course?.id ?? "untitled", file: progressFile)
                .update { $0.position = ResumePosition(lesson: lesson.id) }
            // A preview leaves nothing behind in the author's home, not even remembered tool versions.
            try FullScreen.run(focused, root: root, progressFile: progressFile, openLesson: lesson.id, toolProbe: ToolProbe())
        } catch let error as TerminalError {
            throw CommandFailure(message: error.description)
        } catch let error as ProgressError {
            throw CommandFailure(message: "cannot prepare the preview's progress: \(error)")
        }
    }

    /// The course cut down to `lesson` in its track, so the map shows nothing else.
    static func focus(_ loaded: CourseLoadResult, on lesson: Lesson, root: URL) -> CourseLoadResult {
        var focused = loaded
        focused.tracks = loaded.tracks.compactMap { track in
            guard track.lessons.contains(where: { $0.id == lesson.id }) else { return nil }
            var only = track
            only.lessons = [lesson]
            return only
        }
        if let course = loaded.course {
            focused.course = Course(id: course.id, title: course.title + " (preview)", welcome: course.welcome,
                                    final: course.final, root: course.root, tracks: focused.tracks)
        }
        return focused
    }
}
