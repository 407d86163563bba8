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
        let result = CourseLoader.load(from: root)
        let diagnostics = result.lintDiagnostics()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .text:
            for diagnostic in diagnostics { Output.print(diagnostic.description) }
            let lessons = result.lessons.count
            Output.error("\(lessons) lesson\(lessons == 1 ? "" : "s") loaded; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        case .json:
            let report = LintReport(diagnostics: diagnostics, errors: errors, warnings: warnings, lessons: result.lessons.count)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(json: try encoder.encode(report))
        }
        if errors > 0 { throw ExitCode(ExitStatus.problems) }
    }
}

/// The JSON form of a lint run.
struct LintReport: Codable {
    var diagnostics: [Diagnostic]
    var errors: Int
    var warnings: Int
    /// Lessons that loaded (those with errors are left out).
    var lessons: Int
}
