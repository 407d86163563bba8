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
            whose `platforms` leave this platform out, are skipped: the summary says how many and \
            why, and a skipped lesson was not verified, so any skip exits 1 too unless \
            --allow-skips is given. The cache is not used.

            Examples:
              crucible verify                       every lesson of the course
              crucible verify orientation.first-fix one lesson
              crucible verify --lessons my-course --jobs 4
              crucible verify --allow-skips         accept lessons this machine cannot run
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "Lesson ids (default: every lesson).")
    var ids: [String] = []

    // No default value here: ArgumentParser would print it after the help's own "(default: …)".
    @Option(help: "Lessons verified at the same time (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: "Exit 0 even when lessons were skipped (a tool missing or broken, another platform).")
    var allowSkips = false

    @OptionGroup var sandboxing: SandboxOptions

    @OptionGroup var trusting: TrustOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        let loaded = try course.load()
        let lessons = ids.isEmpty ? loaded.lessons : try ids.map { try course.lesson($0, in: loaded) }
        if lessons.contains(where: \.runsPrograms) { try trusting.require(course.folder()) }
        let status = try VerifyTable.verify(
            lessons, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, json: json, loadErrors: loaded.errors.count,
            allowSkips: allowSkips, followUp: course.followUp, buildCache: course.locations.buildCache(for: loaded),
            sandbox: sandboxing.status().sandbox)
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}
