import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible scoreboard`: the learner's measured results per task and language, side by side.
struct ScoreboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scoreboard",
        abstract: "Show your measured results per task and language, side by side.",
        discussion: """
            Each language's latest passing check of the lessons the course's `scoreboard` pairs, \
            under the claims people make (faster, leaner, steadier latency, simpler to write), \
            with the measured answer. Your own code on this machine, not a law.

            Examples:
              crucible scoreboard                   the table
              crucible scoreboard --format json     the same as JSON
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var course: CourseOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        try ScoreboardReport.print(course.openProgress(), json: format == .json)
    }
}
