import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// The learner's way through the course: finishing read lessons, retrying predictions and
/// quizzes, the last recorded check, the map after a resize, and the search field's Esc.
@Suite struct LearnerFlowTests {
    typealias F = LessonFixture

    func apply(_ actions: [Action], to state: inout AppState) -> [Effect] {
        actions.flatMap { App.update(&state, $0) }
    }

    func activity(_ state: AppState) -> LessonActivity { F.screen(state)!.activity }

    /// The pass a read lesson's Enter asks to record.
    func readPass(_ lesson: Lesson) -> Effect {
        .recordProgress(.checked(lesson: lesson.id, passed: true, summary: CheckSummary(AnswerGrading.read(lesson), origin: .fullScreen)))
    }

    // MARK: - Read lessons

    @Test func enterOnAReadLessonRecordsAPassAndOpensTheNextLesson() {
        var state = F.state(opening: F.read.id)
        let effects = apply([F.key(.enter)], to: &state)
        #expect(effects.first == readPass(F.read))
        #expect(state.openLesson?.lessonID == F.quiz.id)
        #expect(effects.contains(.loadLessonBody(F.quiz)))
        #expect(effects.contains(.recordProgress(.opened(lesson: F.quiz.id))))
        #expect(state.lessons[state.selection].id == F.quiz.id)
    }

    @Test func theDoneKeyIsInTheBarAndTheHelp() {
        let state = F.state(opening: F.read.id)
        let binding = Keymap.bindings(for: state.top).first { $0.command == .done }
        #expect(binding?.keys.contains(.enter) == true)
        #expect(binding?.bar == BarHint("Enter", "done"))
        let screen = App.view(state).plainText()
        #expect(screen.contains("Enter done"))
        var help = state
        _ = apply([F.key(.character("?"))], to: &help)
        #expect(App.view(help).plainText().contains("mark the lesson read and open the next one"))
        // Other kinds keep Enter for their own work.
        #expect(Keymap.command(for: .enter, on: F.state(opening: F.quiz.id).top) == .answer)
    }

    @Test func aReadLessonAlreadyPassedIsNotRecordedAgain() {
        var progress = CourseProgress()
        progress[lesson: F.read.id] = LessonProgress(status: .passed, attempts: 1, xpEarned: 5)
        var state = AppState(
            course: F.course, size: TerminalSize(width: 80, height: 24), showWelcome: false,
            game: GameState(progress: progress))
        _ = App.update(&state, .command(.open))
        _ = App.update(&state, .lessonLoaded(lessonID: F.read.id, .success(LessonSource(body: F.body))))
        let effects = apply([F.key(.enter)], to: &state)
        #expect(!effects.contains(readPass(F.read)))
        #expect(state.openLesson?.lessonID == F.quiz.id)
    }

    @Test func theLastLessonReadGoesBackToTheMap() {
        let lessons = [F.quiz, F.predict, F.code, F.read], last = lessons.count - 1
        let course = Course(
            id: "c", title: "C", welcome: "", final: nil, root: F.root,
            tracks: [Track(id: "memory", title: "Memory", summary: "", folder: F.root, lessons: lessons)])
        var state = AppState(course: course, size: TerminalSize(width: 80, height: 24), showWelcome: false)
        state.selection = last
        _ = App.update(&state, .command(.open))
        _ = App.update(&state, .lessonLoaded(lessonID: F.read.id, .success(LessonSource(body: F.body))))
        let effects = apply([F.key(.enter)], to: &state)
        #expect(effects.first == readPass(F.read))
        #expect(state.top == .courseMap)
        #expect(state.selection == last)
        // What it earned is told in a box over the map, as there is no next lesson to tell it on.
        let events: [GameEvent] = [.lessonPassed(lesson: F.read.id), .xpAwarded(lesson: F.read.id, base: 5, bonuses: [])]
        _ = App.update(&state, .progressRecorded(.checked(lesson: F.read.id, passed: true), events: events, progress: CourseProgress()))
        #expect(state.top == .message("✓ The stack: done · +5 XP"))
    }

    @Test func whatAReadLessonEarnedIsToldOnTheNextLesson() {
        var state = F.state(opening: F.read.id)
        _ = apply([F.key(.enter)], to: &state)
        let first = Achievement(
            id: "first-light", title: "First light", description: "Pass your first lesson.",
            condition: .completeLessons(1))
        let events: [GameEvent] = [
            .lessonPassed(lesson: F.read.id), .xpAwarded(lesson: F.read.id, base: 5, bonuses: []),
            .achievementUnlocked(first),
        ]
        _ = App.update(&state, .progressRecorded(.checked(lesson: F.read.id, passed: true), events: events, progress: CourseProgress()))
        #expect(activity(state).notice == "✓ The stack: done · +5 XP · Achievement: First light")
        #expect(App.view(state).plainText().contains("✓ The stack: done · +5 XP"))
    }

    // MARK: - Predict retry

    func failedPrediction() -> AppState {
        var state = F.state(opening: F.predict.id)
        _ = apply([F.key(.enter)] + F.type("1 1") + [F.key(.enter)], to: &state)
        return state
    }

    @Test func aRetryStartsWithAnEmptyField() {
        var state = failedPrediction()
        #expect(activity(state).result?.passed == false)
        _ = apply([F.key(.character("r"))], to: &state)
        #expect(activity(state).panel == .predict)
        #expect(activity(state).prediction.text == "")
        _ = apply(F.type("0 1"), to: &state)
        #expect(activity(state).prediction.text == "0 1")
        let effects = apply([F.key(.enter)], to: &state)
        #expect(activity(state).result?.passed == true)
        #expect(
            effects.first
                == .recordProgress(
                    .checked(
                        lesson: F.predict.id, passed: true,
                        summary: CheckSummary(activity(state).result!, origin: .fullScreen))))
    }

    @Test func reopeningThePredictionAfterAnAnswerStartsEmptyButADraftIsKept() {
        var state = failedPrediction()
        _ = apply([F.key(.escape), F.key(.enter)], to: &state)
        #expect(activity(state).panel == .predict)
        #expect(activity(state).prediction.text == "")
        _ = apply(F.type("0 "), to: &state)
        _ = apply([F.key(.escape), F.key(.enter)], to: &state)
        #expect(activity(state).prediction.text == "0 ")
    }

    @Test func controlUAndControlWEditThePrediction() {
        var state = F.state(opening: F.predict.id)
        _ = apply([F.key(.enter)] + F.type("zero one two"), to: &state)
        _ = apply([F.key(.control("w"))], to: &state)
        #expect(activity(state).prediction.text == "zero one ")
        _ = apply([F.key(.control("w"))], to: &state)
        #expect(activity(state).prediction.text == "zero ")
        _ = apply([F.key(.control("u"))], to: &state)
        #expect(activity(state).prediction.text == "")
        let help = Keymap.bindings(for: state.top).map(\.help)
        #expect(help.contains("delete everything before the cursor"))
        #expect(help.contains("delete the word before the cursor"))
    }

    @Test func controlUKeepsWhatFollowsTheCursorAndControlWSkipsTrailingSpaces() {
        var field = TextField("abc def  ")
        field.apply(.deleteWordBefore)
        #expect(field.text == "abc " && field.cursor == 4)
        field = TextField("abc def")
        field.apply(.left)
        field.apply(.left)
        field.apply(.deleteToStart)
        #expect(field.text == "ef" && field.cursor == 0)
        field.apply(.deleteWordBefore)
        #expect(field.text == "ef" && field.cursor == 0)
    }

    // MARK: - Quiz reopen

    @Test func reopeningAFailedQuizStartsAtQuestionOneWithTheAnswersEditable() {
        var state = F.state(opening: F.quiz.id)
        // Question 1 wrongly (C), question 2 rightly (C and Rust).
        _ = apply([F.key(.enter), F.key(.character("1")), F.key(.character("1")), F.key(.character("3")), F.key(.enter)], to: &state)
        #expect(activity(state).result?.passed == false)
        _ = apply([F.key(.escape), F.key(.enter)], to: &state)
        #expect(activity(state).panel == .quiz)
        #expect(activity(state).quiz.question == 0)
        #expect(activity(state).quiz.picked == [[0], [0, 2]])
        // The old answer is shown, and the cursor is on it.
        #expect(activity(state).quiz.cursor == 0)
        let shown = App.view(state).plainText()
        #expect(shown.contains("Question 1 of 2"))
        #expect(shown.contains("› (•) 1. C"))
        // Changing question 1 and keeping question 2 with Enter passes.
        _ = apply([F.key(.character("3"))], to: &state)
        #expect(activity(state).quiz.question == 1)
        #expect(activity(state).quiz.cursor == 0)
        #expect(App.view(state).plainText().contains("[x] 3. Rust"))
        _ = apply([F.key(.enter)], to: &state)
        #expect(activity(state).result?.passed == true)
    }

    // MARK: - Last check

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The code lesson open with `record` as its progress, on 2026-12-03 in UTC.
    func codeLesson(with record: LessonProgress) -> AppState {
        var progress = CourseProgress()
        progress[lesson: F.code.id] = record
        var state = AppState(
            course: F.course, size: TerminalSize(width: 100, height: 30), showWelcome: false,
            game: GameState(
                progress: progress, today: LocalDay(year: 2026, month: 12, day: 3),
                calendar: Self.calendar))
        state.selection = 3
        _ = App.update(&state, .command(.open))
        _ = App.update(&state, .lessonLoaded(lessonID: F.code.id, .success(LessonSource(body: F.body))))
        return state
    }

    @Test func aCodeLessonShowsTheLastRecordedCheckFromTheCommandLine() {
        let at = ISO8601DateFormatter().date(from: "2026-12-03T09:12:00Z")!
        let summary = CheckSummary(F.compileError, origin: .commandLine)
        let state = codeLesson(with: LessonProgress(status: .attempted, attempts: 1, lastCheck: LastCheck(summary, at: at)))
        let screen = App.view(state).plainText()
        #expect(screen.contains("Last check: ✗ failed (compile error) · from the command line, today at 09:12"))
        #expect(screen.contains("sum.swift:2:5: cannot assign to value: 'total' is a 'let' constant"))
        #expect(!screen.contains("Not checked yet"))
    }

    @Test func aCheckRecordedEarlierInTheSessionShowsWhenTheLessonIsOpenedAgain() {
        var state = codeLesson(with: LessonProgress())
        #expect(App.view(state).plainText().contains("Not checked yet"))
        _ = apply([F.key(.character("c"))], to: &state)
        let effects = App.update(&state, .checkFinished(lessonID: F.code.id, F.compileError))
        guard case .recordProgress(let recorded) = effects.first else { Issue.record("no progress recorded: \(effects)"); return }
        // The run loop records it through the game rules, as the runtime's ProgressSession does.
        var progress = state.game.progress
        let at = ISO8601DateFormatter().date(from: "2026-12-02T18:03:00Z")!
        _ = GameRules.apply(recorded, to: &progress, outline: CourseOutline(F.course), now: at, calendar: Self.calendar)
        _ = App.update(&state, .progressRecorded(recorded, events: [], progress: progress))
        _ = apply([F.key(.escape), F.key(.escape), F.key(.enter)], to: &state)
        #expect(activity(state).result == nil)
        let screen = App.view(state).plainText()
        #expect(screen.contains("Last check: ✗ failed (compile error) · in the full-screen course, yesterday at 18:03"))
    }

    @Test func anOldRecordWithAttemptsButNoSummarySaysSoInsteadOfNotChecked() {
        let screen = App.view(codeLesson(with: LessonProgress(status: .attempted, attempts: 2))).plainText()
        #expect(screen.contains("Checked 2 times before; check again with c to see the result."))
        #expect(!screen.contains("Not checked yet"))
    }

    // MARK: - Map after a resize

    /// Four tracks of fifteen lessons: taller than a 50-row terminal.
    static let longCourse: Course = {
        let tracks = (1...4).map { number in
            Track(
                id: "t\(number)", title: "Track \(number)", summary: "Summary \(number).", folder: FixtureCourse.root,
                lessons: (1...15).map { FixtureCourse.lesson("t\(number).l\($0)", "Lesson \(number).\($0)", .read) })
        }
        return Course(id: "long", title: "Long", welcome: "", final: nil, root: FixtureCourse.root, tracks: tracks)
    }()

    @Test func growingTheWindowReanchorsTheMapSoTheFirstTrackHeadingShows() {
        var state = AppState(course: Self.longCourse, size: TerminalSize(width: 60, height: 18), showWelcome: false)
        for _ in 0..<20 { _ = apply([F.key(.down)], to: &state) }
        #expect(state.mapScroll > 0)
        #expect(!App.view(state).plainText().contains("Track 1"))
        _ = App.update(&state, .input(.resize(width: 200, height: 50)))
        #expect(state.mapScroll == 0)
        let screen = App.view(state).plainText()
        #expect(screen.contains("Track 1"))
        #expect(screen.contains("Lesson 2.6"))
    }

    @Test func shrinkingStillKeepsTheSelectionInView() {
        var state = AppState(course: Self.longCourse, size: TerminalSize(width: 200, height: 50), showWelcome: false)
        for _ in 0..<40 { _ = apply([F.key(.down)], to: &state) }
        _ = App.update(&state, .input(.resize(width: 60, height: 18)))
        let row = state.map.lessonRows[state.selection]
        #expect(row >= state.mapScroll && row < state.mapScroll + state.mapHeight)
    }

    @Test func growingTheWindowShowsTheSearchMatchesFromTheFirst() {
        var state = AppState(course: Self.longCourse, size: TerminalSize(width: 60, height: 18), showWelcome: false)
        _ = apply([F.key(.character("/"))] + F.type("lesson"), to: &state)
        for _ in 0..<30 { _ = apply([F.key(.down)], to: &state) }
        guard case .search(let scrolled) = state.top else { Issue.record("no search"); return }
        #expect(scrolled.scroll > 0)
        _ = App.update(&state, .input(.resize(width: 200, height: 50)))
        guard case .search(let grown) = state.top else { Issue.record("no search"); return }
        #expect(grown.scroll == 0)
        #expect(App.view(state).plainText().contains("Lesson 1.1"))
    }

    // MARK: - Search field

    @Test func escClearsAQueryFirstThenClosesAndTheBarSaysWhich() {
        var state = FixtureCourse.state(welcome: false)
        _ = apply([F.key(.character("/"))] + F.type("lock"), to: &state)
        #expect(App.view(state).plainText().contains("Esc clear"))
        _ = apply([F.key(.escape)], to: &state)
        guard case .search(let search) = state.top else { Issue.record("Esc closed the search with a query in it"); return }
        #expect(search.query == "")
        #expect(search.matches.count == state.lessons.count)
        let bar = App.view(state).plainText()
        #expect(bar.contains("Esc close"))
        #expect(!bar.contains("Esc clear"))
        _ = apply([F.key(.escape)], to: &state)
        #expect(state.top == .courseMap)
    }
}

extension LearnerFlowTests {
    @Test func aReadLessonThatIsLoadingOrUnreadableCannotBeMarkedDone() {
        var state = AppState(course: F.course, size: TerminalSize(width: 80, height: 24), showWelcome: false)
        _ = App.update(&state, .command(.open))
        #expect(apply([F.key(.enter)], to: &state).isEmpty)
        _ = App.update(&state, .lessonLoaded(lessonID: F.read.id, .failure(LessonLoadFailure("lesson.md cannot be read"))))
        #expect(apply([F.key(.enter)], to: &state).isEmpty)
        #expect(state.openLesson?.lessonID == F.read.id)
        #expect(!App.view(state).plainText().contains("Enter done"))
    }
}
