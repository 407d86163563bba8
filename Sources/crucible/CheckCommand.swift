import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI
import Foundation

/// `crucible check ID [ANSWER ...]`: checks a lesson and prints the result.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a lesson: your code in the workspace, a quiz or predict answer, or mark a read lesson done.",
        discussion: """
            Code lessons: checks your files in the workspace (copied from the starter the first \
            time). The reason comes first, then the compiler's first error, the sanitizer's \
            finding or the output that differed. Unchanged work is answered from the cache.

            Quiz lessons: one answer per question, in order; several choices as 1,2,4.
            Predict lessons: what the program prints, in one argument (quote it).
            Read lessons: marks the lesson done once you have read it.

            Examples:
              crucible check orientation.how-crucible-works
              crucible check orientation.first-fix
              crucible check orientation.first-fix --json
              crucible check orientation.warm-up-quiz 3 1,2,4
              crucible check memory.value-and-reference "0 1"

            Exit status: 0 passed, 1 not passed, 2 usage or engine error, or the attempt could not be \
            recorded in your progress (the reason is printed).
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lesson's id, as `crucible list` prints it.")
    var id: String

    @Argument(help: "Quiz: one answer per question (e.g. 3 1,2,4). Predict: what the program prints.")
    var answers: [String] = []

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(name: [.long, .customLong("full")], help: "Print every step's full output and the whole sanitizer report.")
    var verbose = false

    @Flag(help: "Run the check even if an unchanged result is cached.")
    var noCache = false

    @OptionGroup var sandboxing: SandboxOptions

    @OptionGroup var trusting: TrustOptions

    func run() throws {
        // Only this lesson is parsed when the course index is current: a check waits for nothing else.
        let loaded = try course.locations.load(lesson: id)
        let lesson = try course.lesson(id, in: loaded)
        // Quiz, read and predict lessons without run steps run nothing, so they never ask.
        if lesson.runsPrograms { try trusting.require(course.folder()) }
        let check = try LessonCheckRun(
            lesson, answers: answers,
            engine: CheckEngine(
                cache: noCache ? nil : CheckCache(folder: CheckCache.defaultFolder()),
                buildCache: course.locations.buildCache(for: loaded),
                sandbox: lesson.runsPrograms ? sandboxing.status().sandbox : nil),
            workspace: course.workspace(for: loaded), followUp: course.followUp)
        var progress: CommandLineProgress?
        let (events, unrecorded) = check.recordAttempt {
            guard loaded.course != nil else { return nil }
            let session = try course.openProgress(loaded: loaded)
            progress = session
            return { try session.record($0) }
        }
        // The charts' trend and other-language bars, from the progress this check was just recorded in.
        let history =
            progress.map {
                MeasurementHistory(lessonID: check.lesson.id, progress: $0.session.current, scoreboard: loaded.course?.scoreboard)
            } ?? MeasurementHistory()
        if json {
            try Output.print(encoding: check.result)
        } else {
            if !check.notes.isEmpty { Output.print(check.notes.map { StyledLine("note: " + $0, style: Paint.quiet) }) }
            Output.print(
                ResultPresentation(
                    check.result, lesson: check.lesson, events: events,
                    medium: .commandLine(
                        verbose: verbose, workspace: check.folder?.path, followUp: course.followUp, width: Output.width,
                        unicode: Output.unicode), history: history
                ).lines)
        }
        // After the result, so the learner sees both; non-zero, so a script does not take it as counted.
        if let unrecorded {
            throw CommandFailure(message: "the check ran, but this attempt was not recorded in your progress: \(unrecorded)")
        }
        if check.exitStatus != ExitStatus.success { throw ExitCode(check.exitStatus) }
    }
}
