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

    @OptionGroup var sandboxing: SandboxOptions
    @OptionGroup var trusting: TrustOptions

    func run() throws {
        let loaded = try course.load()
        let lesson = try course.lesson(id, in: loaded)
        guard TerminalScreen.isAvailable else {
            throw CommandFailure(message: "preview needs a terminal; in a pipe, use `\(course.followUp.command("show", id))`")
        }
        let sandbox = try PreviewSandbox(previewing: lesson, of: loaded)
        defer { sandbox.remove() }
        do {
            // A preview leaves nothing behind in the author's home, not even remembered tool versions.
            var settings = FullScreenSession.Settings(progressFile: sandbox.progressFile, openLesson: lesson.id)
            settings.toolProbe = ToolProbe()
            settings.sandbox = sandboxing.detectLeavingNothing
            settings.trust = trusting.gate(try course.folder(), course: loaded.course)
            try Crucible.runOnTerminal(FullScreenSession(sandbox.course, root: try course.folder(), settings: settings))
        } catch let error as TerminalError {
            throw CommandFailure(message: error.description)
        }
    }
}
