import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleTerminal
import Foundation

/// The `crucible` command: opens the course, or runs one of its subcommands.
@main
struct Crucible: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A terminal course on memory, concurrency and performance in C, Rust, Go and Swift.",
        // Help wraps at the terminal's width: keep each example line under 80 columns, or its
        // description breaks in the middle (CommandLineTests.helpExamplesReadAt80Columns); the
        // man page indents them by 5 more.
        discussion: """
            With no subcommand, opens the course.

            Examples:
              crucible                                open the bundled course
              crucible list                           lessons with ids and your marks
              crucible show orientation.first-fix     one lesson as formatted text
              crucible lint Lessons                   find mistakes in a course folder
              crucible lint --format json my-course   the same, as JSON
              crucible --lessons ~/my-course list     use another course folder
            """,
        version: CrucibleEngine.version,
        subcommands: [
            ListCommand.self, ShowCommand.self, LintCommand.self, CheckCommand.self, VerifyCommand.self, DoctorCommand.self,
            WatchCommand.self, HintCommand.self, ProgressCommand.self, ScoreboardCommand.self, ResetCommand.self, CacheCommand.self,
            NewCommand.self,
            PreviewCommand.self, TrustCommand.self, UntrustCommand.self,
        ]
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup var sandboxing: SandboxOptions

    @OptionGroup var trusting: TrustOptions

    /// Opens the full-screen course on a terminal; in a pipe, prints the course map as text.
    func run() throws {
        guard TerminalScreen.isAvailable else {
            let loaded = try course.load()
            // The note goes first: in a pipe stdout is buffered and stderr is not, so a note written
            // after the map would land in the middle of one of its lines (`crucible | tee log` on a terminal).
            Output.error("crucible: not a terminal, so the course map is printed as text. " + Self.lineByLine)
            Output.print(CourseMapText.render(loaded, game: course.game(for: loaded)))
            return
        }
        do {
            let startup = try course.locations.loadForFullScreen()
            let loaded = startup.loaded
            var settings = FullScreenSession.Settings(progressFile: course.progressFile(), workspace: course.workspace(for: loaded))
            settings.checkEngine.buildCache = course.locations.buildCache(for: loaded)
            settings.sandbox = sandboxing.detect
            if startup.isFromIndex { settings.fullLoadAfterFirstFrame = startup.index }
            settings.trust = trusting.gate(try course.folder())
            try Self.runOnTerminal(FullScreenSession(loaded, root: try course.folder(), settings: settings))
        } catch let error as TerminalError {
            throw CommandFailure(message: error.description + ".\n" + Self.lineByLine)
        }
    }

    /// Runs `session` on this process's terminal, taken over for it and restored when it ends.
    static func runOnTerminal(_ session: FullScreenSession) throws {
        let terminal = TerminalScreen()
        try terminal.start()
        defer { terminal.stop() }
        session.run(on: terminal)
    }

    /// Where to turn when the full-screen course cannot run.
    static let lineByLine = """
        The course also works line by line: `crucible list`, `crucible show ID`, \
        `crucible check ID`, `crucible hint ID`, `crucible progress`.
        """

    /// Runs the command line, with exit code 2 for usage errors instead of
    /// ArgumentParser's 64, so scripts see one code for "you called it wrong".
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CommandFailure {
            Output.error("crucible: " + error.message)
            Foundation.exit(error.status)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage)
            }
            // Help and --version are ArgumentParser's to print; a failure's message may quote what
            // was typed or read, so it goes out through Output like every other message.
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { Output.error(message) }
            Foundation.exit(code.rawValue)
        }
    }
}
