import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible lint [DIR]`: every problem in a course folder, in the form editors understand.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a course folder and report every problem.",
        discussion: """
            Prints one `file:line:col: severity: message` line per problem and exits 1 when \
            there is any error (warnings alone exit 0).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var course: CourseOptions

    @Argument(help: "The course folder (default: --lessons, else the bundled course).")
    var folder: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let root = try folder.map { URL(fileURLWithPath: $0) } ?? course.folder()
        let report = LintReport(CourseLoader.load(from: root))
        try report.print(json: format == .json)
        if report.errors > 0 { throw ExitCode(ExitStatus.problems) }
    }
}
