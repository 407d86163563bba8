import CrucibleEngine
import Foundation

/// Records a learner action in progress and returns what it earned (XP, level-ups, achievements).
public typealias LearnerActionRecorder = @Sendable (LearnerAction) throws -> [GameEvent]

/// One `crucible check`: the lesson judged as its kind asks (a read lesson marked done, quiz
/// answers, a prediction, or the workspace files), then the attempt counted and the exit status decided.
public struct LessonCheckRun: Sendable {
    public let lesson: Lesson
    public let result: CheckResult
    /// What happened to the learner's files on the way (starter copied, a newer starter not applied).
    public let notes: [String]
    /// A code lesson's workspace folder, shown under the result.
    public let folder: URL?

    /// Judges `lesson` with `answers` (quiz: one per question, such as `3` and `1,2,4`; predict:
    /// the words of the prediction; read and code: none). Fails with a usage message when the
    /// answers do not fit the lesson's kind.
    /// `followUp` words the commands its messages suggest.
    public init(
        _ lesson: Lesson, answers: [String], engine: CheckEngine, workspace: Workspace, followUp: FollowUpCommands = .plain
    ) throws {
        self.lesson = lesson
        let id = lesson.id, check = followUp.command("check", id)
        var notes: [String] = [], folder: URL?
        switch lesson.kind {
        case .read:
            guard answers.isEmpty else {
                throw CommandFailure(message: "`\(id)` is a read lesson: it takes no answers; `\(check)` marks it done")
            }
            result = AnswerGrading.read(lesson)
        case .quiz:
            result = engine.answer(quiz: lesson, choices: try Self.quizChoices(answers, for: lesson, followUp: followUp))
        case .predict:
            guard !answers.isEmpty else {
                throw CommandFailure(message: "give your prediction: " + followUp.command("check", id, "WHAT IT PRINTS"))
            }
            let answer = answers.joined(separator: " ")
            result = waitFor { await engine.answer(predict: lesson, answer: answer) }
        case .code:
            guard answers.isEmpty else {
                throw CommandFailure(message: "`\(id)` is a code lesson: edit the files in your workspace, then run `\(check)`")
            }
            (folder, notes) = try workspace.prepareWithNotes(lesson, followUp: followUp)
            result = waitFor { await engine.check(lesson: lesson, workspace: workspace) }
        }
        self.notes = notes
        self.folder = folder
    }

    /// One set of 1-based choices per question of a quiz, from arguments such as `3` and `1,2,4`.
    public static func quizChoices(_ answers: [String], for lesson: Lesson, followUp: FollowUpCommands = .plain) throws -> [[Int]] {
        let count = lesson.quiz?.questions.count ?? 0, id = lesson.id
        guard answers.count == count else {
            throw CommandFailure(
                message: "`\(id)` has \(count) question\(count == 1 ? "" : "s"); give one answer each, "
                    + "such as `\(followUp.command(["check", id] + Array(repeating: "1", count: count)))` (several choices: 1,3)")
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
    /// A pass's content hash is left to the progress session, which reads the lesson's files only then.
    /// `progress` opens the recorder, nil when the course keeps no
    /// progress. When a judged attempt cannot be recorded (the progress file cannot be opened or
    /// written), the result still stands and `unrecorded` says why.
    public func recordAttempt(opening progress: () throws -> LearnerActionRecorder?) -> (events: [GameEvent], unrecorded: String?) {
        guard result.countsAsAttempt else { return ([], nil) }
        do {
            guard let record = try progress() else { return ([], nil) }
            return (
                try record(
                    .checked(
                        lesson: lesson.id, passed: result.passed, contentHash: nil,
                        summary: CheckSummary(result, origin: .commandLine), measured: CheckMeasurement(result))), nil
            )
        } catch {
            return ([], "\(error)")
        }
    }

    /// 0 passed, 1 not passed, 2 when the engine could not judge the work.
    public var exitStatus: Int32 {
        switch result.outcome {
        case .passed: ExitStatus.success
        case .engineError: ExitStatus.usage
        default: ExitStatus.problems
        }
    }
}
