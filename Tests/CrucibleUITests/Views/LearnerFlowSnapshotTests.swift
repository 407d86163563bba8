import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// Screens of the learner's flow at 80x24 and 120x40: a read lesson offering Enter done, what it
/// earned told on the next lesson, a code lesson's last recorded check, and the quiz reopened.
@Suite struct LearnerFlowSnapshotTests {
    typealias F = LessonFixture
    static let sizes = ScreenSnapshotTests.sizes

    func expect(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSnapshot(App.view(state), named: "\(name)-\(state.size.width)x\(state.size.height)", sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes) func readLesson(size: TerminalSize) {
        expect("read-lesson", F.state(opening: F.read.id, width: size.width, height: size.height))
    }

    @Test(arguments: sizes) func readLessonDoneOnTheNextLesson(size: TerminalSize) {
        var state = F.state(opening: F.read.id, width: size.width, height: size.height)
        _ = App.update(&state, F.key(.enter))
        _ = App.update(&state, .lessonLoaded(lessonID: F.quiz.id, .success(LessonSource(body: F.body))))
        let events: [GameEvent] = [.lessonPassed(lesson: F.read.id), .xpAwarded(lesson: F.read.id, base: 5, bonuses: [])]
        _ = App.update(&state, .progressRecorded(.checked(lesson: F.read.id, passed: true), events: events, progress: CourseProgress()))
        expect("read-done-next", state)
    }

    @Test(arguments: sizes) func codeLessonLastCheck(size: TerminalSize) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var progress = CourseProgress()
        let at = ISO8601DateFormatter().date(from: "2026-12-01T07:45:00Z")!
        progress[lesson: F.code.id] = LessonProgress(
            status: .attempted, attempts: 1,
            lastCheck: LastCheck(CheckSummary(F.compileError, origin: .commandLine), at: at))
        var state = AppState(
            course: F.course, size: size, showWelcome: false,
            game: GameState(progress: progress, today: LocalDay(year: 2026, month: 12, day: 3), calendar: calendar))
        state.selection = 3
        _ = App.update(&state, .command(.open))
        _ = App.update(&state, .lessonLoaded(lessonID: F.code.id, .success(LessonSource(body: F.body))))
        let files = WorkspaceFiles(
            folder: "/home/learner/.local/share/crucible/workspace/lessons/memory.fix",
            files: ["/home/learner/.local/share/crucible/workspace/lessons/memory.fix/sum.swift"])
        _ = App.update(&state, .workspacePrepared(lessonID: F.code.id, .success(files)))
        expect("code-last-check", state)
    }

    @Test(arguments: sizes) func quizReopened(size: TerminalSize) {
        var state = F.state(opening: F.quiz.id, width: size.width, height: size.height)
        for key in [Key.enter, .character("1"), .character("1"), .character("3"), .enter, .escape, .enter] {
            _ = App.update(&state, F.key(key))
        }
        expect("quiz-reopened", state)
    }
}
