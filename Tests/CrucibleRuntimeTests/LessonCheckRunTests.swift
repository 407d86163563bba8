import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import Foundation
import Testing

@Suite struct LessonCheckRunTests {
    @Test func quizAnswersAreOneSetOfChoicesPerQuestion() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let quiz = try course.lesson("t.quiz")
        #expect(try LessonCheckRun.quizChoices(["1", "2, 1"], for: quiz) == [[1], [2, 1]])
        let count = #expect(throws: CommandFailure.self) { try LessonCheckRun.quizChoices(["1"], for: quiz) }
        #expect(
            count?.message == "`t.quiz` has 2 questions; give one answer each, "
                + "such as `crucible check t.quiz 1 1` (several choices: 1,3)")
        let number = #expect(throws: CommandFailure.self) { try LessonCheckRun.quizChoices(["1", "0"], for: quiz) }
        #expect(number?.message == "`0` is not a choice number; use numbers such as 2 or 1,3")
    }

    @Test func answersThatDoNotFitTheKindAreRefused() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let read = #expect(throws: CommandFailure.self) {
            try LessonCheckRun(
                course.lesson("t.read"), answers: ["1"], engine: CheckEngine(cache: nil),
                workspace: course.workspace)
        }
        #expect(read?.message == "`t.read` is a read lesson: it takes no answers; `crucible check t.read` marks it done")
        let code = #expect(throws: CommandFailure.self) {
            try LessonCheckRun(
                course.lesson("t.fix"), answers: ["x"], engine: CheckEngine(cache: nil),
                workspace: course.workspace)
        }
        #expect(code?.message.hasPrefix("`t.fix` is a code lesson: edit the files in your workspace") == true)
    }

    @Test func aCodeCheckCopiesTheStarterSaysSoAndExitsOneWhenItFails() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let check = try LessonCheckRun(
            course.lesson("t.fix"), answers: [], engine: CheckEngine(cache: nil),
            workspace: course.workspace)
        let folder = course.workspace.folder(for: "t.fix")
        #expect(check.notes == ["copied the starter to \(folder.path)"])
        #expect(check.folder == folder)
        #expect(!check.result.passed)
        #expect(check.exitStatus == ExitStatus.problems)

        let quiz = try LessonCheckRun(
            course.lesson("t.quiz"), answers: ["1", "2"], engine: CheckEngine(cache: nil),
            workspace: course.workspace)
        #expect(quiz.result.passed && quiz.exitStatus == ExitStatus.success && quiz.folder == nil && quiz.notes.isEmpty)
    }

    @Test func aJudgedCheckIsRecordedAndAFailureToRecordIsSaid() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let check = try LessonCheckRun(
            course.lesson("t.quiz"), answers: ["2", "2"], engine: CheckEngine(cache: nil),
            workspace: course.workspace)
        let recorded = Reports()
        let levelUp = GameEvent.levelUp(Levels.Level(number: 2, name: "Two"))
        let (events, unrecorded) = check.recordAttempt {
            {
                recorded.add(action: $0); return [levelUp]
            }
        }
        #expect(recorded.passes == [false])
        #expect(events.count == 1 && unrecorded == nil)

        let failed = check.recordAttempt { throw CommandFailure(message: "progress.json is not writable") }
        #expect(failed.events.isEmpty && failed.unrecorded == "progress.json is not writable")
        let noProgress = check.recordAttempt { nil }
        #expect(noProgress.events.isEmpty && noProgress.unrecorded == nil)
    }
}
