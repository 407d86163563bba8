import ArgumentParser
import CrucibleEngine
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

    func run() throws {
        let loaded = try course.load()
        let lesson = try requireLesson(id, in: loaded)
        let workspace = course.workspace(for: loaded)
        let engine = noCache ? CheckEngine(cache: nil) : CheckEngine()
        var notes: [String] = []
        let result: CheckResult
        switch lesson.kind {
        case .read:
            guard answers.isEmpty else {
                throw CommandFailure(message: "`\(id)` is a read lesson: it takes no answers; `crucible check \(id)` marks it done")
            }
            result = AnswerGrading.read(lesson)
        case .quiz:
            result = engine.answer(quiz: lesson, choices: try quizChoices(lesson))
        case .predict:
            guard !answers.isEmpty else {
                throw CommandFailure(message: "give your prediction: crucible check \(id) \"WHAT IT PRINTS\"")
            }
            let answer = answers.joined(separator: " ")
            result = waitFor { await engine.answer(predict: lesson, answer: answer) }
        case .code:
            guard answers.isEmpty else {
                throw CommandFailure(message: "`\(id)` is a code lesson: edit the files in your workspace, then run `crucible check \(id)`")
            }
            do {
                let preparation = try workspace.prepare(lesson)
                if !preparation.copied.isEmpty {
                    notes.append("copied the starter to \(preparation.folder.path)")
                }
                if !preparation.starterChanged.isEmpty {
                    notes.append("the course has a newer starter for \(preparation.starterChanged.joined(separator: ", ")); "
                                 + "your copy is kept (`crucible reset \(id)` would replace it)")
                }
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            result = waitFor { await engine.check(lesson: lesson, workspace: workspace) }
        }
        let (events, unrecorded) = recordAttempt(result, lesson: lesson, course: loaded)

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(json: try encoder.encode(result))
        } else {
            let folder = lesson.kind == .code ? workspace.folder(for: lesson.id).path : nil
            if !notes.isEmpty { Output.print(notes.map { StyledLine("note: " + $0, style: Paint.quiet) }) }
            Output.print(ResultPresentation(result, lesson: lesson, events: events,
                                            medium: .commandLine(verbose: verbose, workspace: folder)).lines)
        }
        if let unrecorded {
            // After the result, so the learner sees both; non-zero, so a script does not take it as counted.
            Output.error("crucible: the check ran, but this attempt was not recorded in your progress: \(unrecorded)")
            throw ExitCode(ExitStatus.usage)
        }
        switch result.outcome {
        case .passed: return
        case .engineError: throw ExitCode(ExitStatus.usage)
        default: throw ExitCode(ExitStatus.problems)
        }
    }

    /// One set of 1-based choices per question, from arguments such as `3` and `1,2,4`.
    private func quizChoices(_ lesson: Lesson) throws -> [[Int]] {
        let count = lesson.quiz?.questions.count ?? 0
        guard answers.count == count else {
            throw CommandFailure(message: "`\(id)` has \(count) question\(count == 1 ? "" : "s"); give one answer each, "
                                 + "such as `crucible check \(id) \(Array(repeating: "1", count: count).joined(separator: " "))` (several choices: 1,3)")
        }
        return try answers.map { answer in
            try answer.split(separator: ",").map { part in
                guard let number = Int(part.trimmingCharacters(in: .whitespaces)), number >= 1 else {
                    throw CommandFailure(message: "`\(answer)` is not a choice number; use numbers such as 2 or 1,3")
                }
                return number
            }
        }
    }

    /// Counts the check in the learner's progress (attempts, passes, XP, achievements) and
    /// returns what to celebrate, when the result counts as an attempt (``CheckResult/countsAsAttempt``).
    /// When an attempt cannot be recorded (the progress file cannot be opened or written), the
    /// result still stands and `unrecorded` says why.
    private func recordAttempt(_ result: CheckResult, lesson: Lesson,
                               course: CourseLoadResult) -> (events: [GameEvent], unrecorded: String?) {
        guard course.course != nil, result.countsAsAttempt else { return ([], nil) }
        do {
            let session = try ProgressSession(options: self.course, loaded: course)
            return (try session.record(.checked(lesson: lesson.id, passed: result.passed, contentHash: LessonContentHash.of(lesson),
                                                summary: CheckSummary(result, origin: .commandLine))), nil)
        } catch {
            return ([], "\(error)")
        }
    }
}

extension CourseOptions {
    /// The learner's workspace for the loaded course: `--workspace`, `$CRUCIBLE_WORKSPACE`, or the default.
    func workspace(for course: CourseLoadResult) -> Workspace {
        let courseID = course.course?.id ?? ((try? folder().lastPathComponent) ?? "course")
        return Workspace(root: Workspace.defaultRoot(option: workspace), courseID: courseID)
    }
}

/// Runs `work` on the concurrency pool and blocks the calling thread until it returns: the
/// command line's `main` is synchronous, and checks run their processes on their own threads.
func waitFor<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
    let box = ResultBox<Value>(), done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Carries a value from the task to the blocked thread; the semaphore orders the accesses.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
