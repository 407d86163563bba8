import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible progress`: the summary, and moving progress between machines.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your progress: XP, level, streak, tracks and achievements.",
        discussion: """
            Examples:
              crucible progress                    the summary
              crucible progress --json             the same as JSON
              crucible progress export ~/p.json    copy it, to move it to another machine
              crucible progress import ~/p.json    merge it in; nothing earned is lowered
            """,
        subcommands: [
            ProgressSummaryCommand.self, ProgressExportCommand.self, ProgressImportCommand.self,
            ProgressStressCommand.self,
        ],
        defaultSubcommand: ProgressSummaryCommand.self)

    @OptionGroup var course: CourseOptions
}

/// `crucible progress [show] [--json]`.
struct ProgressSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the summary (the default).")

    @OptionGroup var course: CourseOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        try ProgressSummaryText.print(course.openProgress(), json: json)
    }
}

/// `crucible progress export FILE`.
struct ProgressExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write your progress in every course to FILE, to move it to another machine.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "Where to write it.")
    var file: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func run() throws {
        Output.print(try ProgressTransfer.export(course.locations.progressFile(), to: URL(fileURLWithPath: file), replace: force))
    }
}

/// `crucible progress import FILE`.
struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge progress exported on another machine into yours.",
        discussion: "Nothing you earned is lowered: passes, XP, achievements and the best streak only go up.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "A file written by `crucible progress export`.")
    var file: String

    func run() throws {
        for line in try ProgressTransfer.importing(URL(fileURLWithPath: file), into: course.openProgress()) { Output.print(line) }
    }
}

/// `crucible progress __stress FILE`: saves progress in a loop and prints each saved count,
/// for the crash and two-process tests. Hidden from help.
struct ProgressStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__stress", abstract: "Save progress in a loop (for tests).", shouldDisplay: false)

    @Argument var file: String

    @Option(help: "Saves to make; 0 means until killed.")
    var count = 0

    @Option(help: "The lesson id this process counts its saves in.")
    var lesson = "stress"

    @Option(help: "Lessons to pad the file with, so writes have a realistic size.")
    var padding = 50

    @Flag(help: "Print each save's latency in microseconds after its count (for scripts/bench-progress).")
    var timings = false

    func run() throws {
        try ProgressStress.run(file: URL(fileURLWithPath: file), saves: count, lesson: lesson, padding: padding, timings: timings)
    }
}
