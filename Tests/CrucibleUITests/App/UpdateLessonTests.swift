import CrucibleEngine
import Testing

@testable import CrucibleUI

/// `App.update` on the lesson screen: quiz picking, the prediction field, the check lifecycle,
/// hints, the solution rule and moving between lessons.
@Suite struct UpdateLessonTests {
    typealias F = LessonFixture

    func apply(_ actions: [Action], to state: inout AppState) -> [Effect] {
        actions.flatMap { App.update(&state, $0) }
    }

    func activity(_ state: AppState) -> LessonActivity { F.screen(state)!.activity }

    // MARK: - Quiz

    @Test func numberKeysAnswerSingleChoiceQuestionsAndGradeAfterTheLast() {
        var state = F.state(opening: F.quiz.id)
        _ = apply([F.key(.enter)], to: &state)
        #expect(activity(state).panel == .quiz)
        // 1 answers question 1 (wrongly) and moves on; question 2 needs Space or numbers, then Enter.
        _ = apply([F.key(.character("1"))], to: &state)
        #expect(activity(state).quiz.question == 1)
        _ = apply([F.key(.character("1")), F.key(.down), F.key(.down), F.key(.character(" "))], to: &state)
        #expect(activity(state).quiz.picked[1] == [0, 2])
        let effects = apply([F.key(.enter)], to: &state)
        #expect(activity(state).panel == .result)
        #expect(activity(state).result?.passed == false)
        #expect(activity(state).result?.answers.first?.explanations == ["1. C: C never frees memory for you; you call free()."])
        #expect(
            effects == [
                .recordProgress(
                    .checked(
                        lesson: F.quiz.id, passed: false,
                        summary: CheckSummary(activity(state).result!, origin: .fullScreen)))
            ])
        #expect(activity(state).failedChecks == 1)
    }

    @Test func retryClearsThePicksAndARightAnswerPassesAndCelebrates() {
        var state = F.state(opening: F.quiz.id)
        _ = apply([F.key(.enter), F.key(.character("1")), F.key(.character("1")), F.key(.enter)], to: &state)
        _ = apply([F.key(.character("r"))], to: &state)
        #expect(activity(state).panel == .quiz)
        #expect(activity(state).quiz.picked == [[], []])
        // Arrows then Enter answer a single-choice question.
        _ = apply([F.key(.down), F.key(.down), F.key(.enter)], to: &state)
        let effects = apply([F.key(.character("1")), F.key(.character("3")), F.key(.enter)], to: &state)
        #expect(activity(state).result?.passed == true)
        #expect(activity(state).celebrationFrame == 0)
        #expect(
            effects == [
                .recordProgress(
                    .checked(
                        lesson: F.quiz.id, passed: true,
                        summary: CheckSummary(activity(state).result!, origin: .fullScreen)))
            ])
        #expect(App.wantsTimer(state))
        for _ in 0..<LessonRules.celebrationFrames { _ = App.update(&state, .timer) }
        #expect(activity(state).celebrationFrame == nil)
        #expect(!App.wantsTimer(state))
    }

    @Test func numberKeysToggleOnMultiAnswerQuestions() {
        var state = F.state(opening: F.quiz.id)
        _ = apply([F.key(.enter), F.key(.character("3")), F.key(.character("2")), F.key(.character("2"))], to: &state)
        #expect(activity(state).quiz.question == 1)
        #expect(activity(state).quiz.picked[1].isEmpty)
        #expect(activity(state).quiz.cursor == 1)
    }

    // MARK: - Prediction field

    @Test func theFieldEditsByCharacterIncludingWideAndCombinedOnes() {
        var field = TextField()
        for character in "a🦀é" { field.insert(character) }
        #expect(field.text == "a🦀é" && field.cursor == 3)
        field.apply(.left)
        field.apply(.backspace)
        #expect(field.text == "aé" && field.cursor == 1)
        field.apply(.home)
        field.apply(.delete)
        #expect(field.text == "é" && field.cursor == 0)
        field.apply(.end)
        field.insert("\u{7}")  // a control character is never kept
        #expect(field.text == "é" && field.cursor == 1)
        // The 🦀 is two columns: a 4-column field shows "x🦀" and the cursor cell.
        var wide = TextField("x🦀")
        #expect(wide.line(width: 4).plainText == "x🦀 ")
        wide.apply(.home)
        #expect(wide.line(width: 2).plainText == "x ")
    }

    @Test func typingGoesToTheFieldAndEnterGradesThenRunsTheProgram() {
        var state = F.state(opening: F.predict.id)
        _ = apply([F.key(.character("a"))], to: &state)
        #expect(activity(state).panel == .predict)
        // q and ? type into the field instead of leaving or opening help.
        _ = apply(F.type("q?") + [F.key(.backspace), F.key(.backspace)] + F.type("0 1"), to: &state)
        #expect(activity(state).prediction.text == "0 1")
        let effects = apply([F.key(.enter)], to: &state)
        #expect(activity(state).result?.passed == true)
        #expect(
            effects == [
                .recordProgress(
                    .checked(
                        lesson: F.predict.id, passed: true,
                        summary: CheckSummary(activity(state).result!, origin: .fullScreen))),
                .runCheck(F.predict),
            ])
        var run = CheckResult(lessonID: F.predict.id, outcome: .passed, message: "every step passed")
        run.steps = [
            F.step(
                name: "run", command: ["swift"], exitCode: 0, signal: nil, termination: "exited with code 0",
                duration: 0.5, stdout: "0 1\n", stderr: "", passed: true)
        ]
        _ = App.update(&state, .checkFinished(lessonID: F.predict.id, run))
        #expect(activity(state).result?.predict?.realOutput == "0 1\n")
        #expect(activity(state).check == .idle)
    }

    @Test func anEmptyPredictionIsNotSubmitted() {
        var state = F.state(opening: F.predict.id)
        let effects = apply([F.key(.enter), F.key(.character(" ")), F.key(.enter)], to: &state)
        #expect(effects.isEmpty)
        #expect(activity(state).panel == .predict)
        #expect(activity(state).notice != nil)
    }

    // MARK: - Check lifecycle

    @Test func openingACodeLessonPreparesItsWorkspace() {
        var state = AppState(course: F.course, size: TerminalSize(width: 80, height: 24), showWelcome: false)
        state.selection = 3
        let effects = App.update(&state, .command(.open))
        #expect(effects.contains(.prepareWorkspace(F.code)))
        #expect(effects.contains(.loadLessonBody(F.code)))
    }

    @Test func watchModeIsASettingTheNextCodeLessonStartsIn() {
        var progress = CourseProgress()
        progress.settings.watchMode = true
        var state = AppState(
            course: F.course, size: TerminalSize(width: 80, height: 24), showWelcome: false,
            game: GameState(progress: progress))
        state.selection = F.course.lessons.firstIndex { $0.id == F.code.id } ?? 0
        let effects = App.update(&state, .command(.open))
        #expect(effects.contains(.watchWorkspace(F.code)))
        #expect(activity(state).watching)
    }

    @Test func startThenRunningThenCancel() {
        var state = F.state(opening: F.code.id)
        #expect(apply([F.key(.character("c"))], to: &state) == [.runCheck(F.code)])
        #expect(activity(state).check == .running(elapsed: 0))
        // A second c while running starts nothing.
        #expect(apply([F.key(.character("c"))], to: &state).isEmpty)
        _ = App.update(&state, .checkElapsed(lessonID: F.code.id, seconds: 2.5))
        #expect(activity(state).check == .running(elapsed: 2.5))
        // Esc cancels instead of leaving the lesson.
        #expect(apply([F.key(.escape)], to: &state) == [.cancelCheck(lessonID: F.code.id)])
        #expect(activity(state).check == .cancelling(elapsed: 2.5))
        #expect(state.openLesson != nil)
        let cancelled = CheckResult(lessonID: F.code.id, outcome: .engineError, message: "the check was cancelled")
        #expect(App.update(&state, .checkFinished(lessonID: F.code.id, cancelled)).isEmpty)
        #expect(activity(state).check == .idle)
        #expect(activity(state).result == nil)
        #expect(activity(state).panel == .text)
        #expect(activity(state).notice?.contains("cancelled") == true)
    }

    @Test func startThenResultRecordsTheCheckAndKeepsItsEvents() {
        var state = F.state(opening: F.code.id)
        _ = apply([F.key(.character("c"))], to: &state)
        #expect(
            App.update(&state, .checkFinished(lessonID: F.code.id, F.compileError))
                == [
                    .recordProgress(
                        .checked(
                            lesson: F.code.id, passed: false,
                            summary: CheckSummary(F.compileError, origin: .fullScreen)))
                ])
        #expect(activity(state).panel == .result)
        #expect(activity(state).failedChecks == 1)
        _ = apply([F.key(.character("c"))], to: &state)
        _ = App.update(&state, .checkFinished(lessonID: F.code.id, F.pass))
        #expect(activity(state).passed)
        _ = App.update(
            &state, .progressRecorded(.checked(lesson: F.code.id, passed: true), events: F.passEvents, progress: CourseProgress()))
        #expect(activity(state).events == F.passEvents)
    }

    @Test func leavingStopsTheCheckAndTheWatcher() {
        var state = F.state(opening: F.code.id)
        #expect(
            apply([F.key(.character("w"))], to: &state) == [
                .watchWorkspace(F.code),
                .recordProgress(.changedSettings(LearnerSettings(watchMode: true))),
            ])
        // A save while watching starts a check; one while it runs does not start another.
        #expect(App.update(&state, .workspaceChanged(lessonID: F.code.id)) == [.runCheck(F.code)])
        #expect(App.update(&state, .workspaceChanged(lessonID: F.code.id)).isEmpty)
        let effects = apply([F.key(.character("q"))], to: &state)
        #expect(state.openLesson == nil)
        #expect(effects.contains(.cancelCheck(lessonID: F.code.id)))
        #expect(effects.contains(.stopWatching(lessonID: F.code.id)))
    }

    @Test func editorKeyAsksForTheEditor() {
        var state = F.state(opening: F.code.id)
        #expect(apply([F.key(.character("e"))], to: &state) == [.openEditor(F.code)])
        _ = App.update(&state, .editorClosed(lessonID: F.code.id, failure: "No editor found"))
        #expect(activity(state).notice == "No editor found")
    }

    // MARK: - Hints, solution, neighbours

    @Test func hintsAreRevealedOneAtATimeAndRecorded() {
        var state = F.state(opening: F.code.id)
        #expect(apply([F.key(.character("h"))], to: &state) == [.recordProgress(.revealedHint(lesson: F.code.id))])
        #expect(activity(state).panel == .hints && activity(state).hintsRevealed == 1)
        _ = apply([F.key(.character("h"))], to: &state)
        #expect(apply([F.key(.character("h"))], to: &state).isEmpty)
        #expect(activity(state).hintsRevealed == 2)
    }

    @Test func theSolutionOpensAfterThreeFailuresAndIsRecordedOnce() {
        var state = F.state(opening: F.code.id)
        #expect(apply([F.key(.character("s"))], to: &state).isEmpty)
        #expect(activity(state).notice?.contains("3 more") == true)
        for _ in 0..<LessonRules.failuresBeforeSolution {
            _ = apply([F.key(.character("c"))], to: &state)
            _ = App.update(&state, .checkFinished(lessonID: F.code.id, F.compileError))
        }
        #expect(
            apply([F.key(.character("s"))], to: &state)
                == [.loadSolution(F.code), .recordProgress(.viewedSolution(lesson: F.code.id))])
        #expect(activity(state).panel == .solution)
        _ = apply([F.key(.escape), F.key(.character("s"))], to: &state)
        #expect(activity(state).panel == .solution)
    }

    @Test func nextAndPreviousOpenTheNeighbours() {
        var state = F.state(opening: F.predict.id)
        let effects = apply([F.key(.character("n"))], to: &state)
        #expect(state.openLesson?.lessonID == F.code.id)
        #expect(state.screens.count == 2)
        #expect(effects.contains(.prepareWorkspace(F.code)))
        _ = apply([F.key(.character("p")), F.key(.character("p"))], to: &state)
        #expect(state.openLesson?.lessonID == F.quiz.id)
        #expect(state.lessons[state.selection].id == F.quiz.id)
    }

    @Test func everyPanelsBarAndHelpComeFromItsBindings() {
        var state = F.state(opening: F.code.id)
        _ = apply([F.key(.character("c"))], to: &state)
        let bindings = Keymap.bindings(for: state.top)
        #expect(bindings.first?.command == .cancelCheck)
        #expect(Keymap.command(for: .character("h"), on: state.top) == .hint)
    }
}
