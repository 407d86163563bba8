import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI
import Foundation

/// `crucible verify [ID ...]`: checks that lessons are consistent, for authors and CI.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that lessons are consistent: starters fail, solutions pass, keys are right.",
        discussion: """
            For every code lesson the starter must fail, the solution pass, and every known-wrong \
            variant fail; quiz keys must grade as right; a predict lesson with run steps must \
            print its answer. Prints a table and exits 1 on any problem (an engine error counts). \
            Lessons whose tools are missing or not working are skipped; when every lesson is \
            skipped nothing was verified, which exits 1 too unless --allow-skips is given. The \
            cache is not used.

            Examples:
              crucible verify                       every lesson of the course
              crucible verify orientation.first-fix one lesson
              crucible verify --lessons my-course --jobs 4
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "Lesson ids (default: every lesson).")
    var ids: [String] = []

    @Option(help: "Lessons verified at the same time (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: "Exit 0 even when every lesson was skipped because its tools are missing.")
    var allowSkips = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        let loaded = try course.load()
        let lessons = ids.isEmpty ? loaded.lessons : try ids.map { try requireLesson($0, in: loaded) }
        let jobs = self.jobs
        let results = waitFor { await Verifier().verify(lessons, jobs: jobs) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(json: try encoder.encode(results))
        } else {
            Output.print(VerifyTable.render(results))
        }
        let problems = results.filter { $0.status == .problem }.count
        let loadErrors = loaded.errors.count
        let allSkipped = !results.isEmpty && results.allSatisfy { $0.status == .skipped }
        if allSkipped {
            Output.error("nothing was verified: every lesson was skipped because its tools are missing or broken here "
                         + "(see `crucible doctor`)" + (allowSkips ? "" : "; install them, or pass --allow-skips to accept this"))
        }
        if problems > 0 || loadErrors > 0 || (allSkipped && !allowSkips) { throw ExitCode(ExitStatus.problems) }
    }
}

/// The verify results as a table: lesson, outcome, time, then the problems under it.
enum VerifyTable {
    static func render(_ results: [LessonVerification]) -> [StyledLine] {
        func paint(_ text: String, _ style: Style) -> StyledLine { StyledLine(text, style: style) }
        let idWidth = max(6, results.map(\.lessonID.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [StyledLine(pad("lesson", idWidth) + "  " + pad("outcome", 8) + "  " + "time    details")]
        for result in results {
            let status = pad(result.status.rawValue, 8)
            let painted = switch result.status {
            case .ok: paint(status, Paint.good)
            case .problem: paint(status, Paint.badMark)
            case .skipped: paint(status, Paint.caution)
            }
            let time = pad(String(format: "%.1f s", result.duration), 6)
            lines.append(pad(result.lessonID, idWidth) + "  " + painted + ("  " + time + "  " + result.checks.joined(separator: "; ")))
            lines += result.problems.map { "    " + paint("problem: " + $0, Paint.bad) }
        }
        let count = { (status: LessonVerification.Status) in results.filter { $0.status == status }.count }
        lines.append(StyledLine("\(results.count) lesson(s): \(count(.ok)) ok, \(count(.problem)) with problems, \(count(.skipped)) skipped"))
        return lines
    }
}
