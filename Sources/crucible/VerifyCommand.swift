import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible verify [ID ...]`: checks that lessons are consistent, for authors and CI.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that lessons are consistent: starters fail, solutions pass, keys are right.",
        discussion: """
            For every code lesson the starter must fail, the solution pass, every known-wrong \
            variant fail and every known-right variant pass; quiz keys must grade as right; a \
            predict lesson with run steps must print its answer. Prints a table and exits 1 on any \
            problem (an engine error counts). Lessons whose tools are missing or not working, or \
            whose `platforms` leave this platform out, are skipped; when every lesson is \
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
        let status = try VerifyTable.verify(
            lessons, jobs: jobs, json: json, loadErrors: loaded.errors.count, allowSkips: allowSkips,
            buildCache: course.locations.buildCache(for: loaded))
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}
