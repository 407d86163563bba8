import CrucibleEngine
import Testing

@testable import CrucibleUI

/// The lesson screen's panels at 80x24 and 120x40, compared with their snapshots
/// (re-record with CRUCIBLE_RECORD_SNAPSHOTS=1, see `expectSnapshot`).
@Suite struct LessonSnapshotTests {
    typealias F = LessonFixture
    static let sizes = ScreenSnapshotTests.sizes

    func expect(
        _ name: String, _ size: TerminalSize, lesson: String, after actions: [Action],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var state = F.state(opening: lesson, width: size.width, height: size.height)
        for action in actions { _ = App.update(&state, action) }
        expectSnapshot(App.view(state), named: "\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
    }

    let wrongQuiz: [Action] = [F.key(.enter), F.key(.character("1")), F.key(.character("1")), F.key(.enter)]

    @Test(arguments: sizes) func quizBeforeAnswering(size: TerminalSize) {
        expect("quiz", size, lesson: F.quiz.id, after: [F.key(.enter), F.key(.down)])
    }

    @Test(arguments: sizes) func quizAnsweredWrongly(size: TerminalSize) {
        expect("quiz-wrong", size, lesson: F.quiz.id, after: wrongQuiz)
    }

    @Test(arguments: sizes) func predictTyping(size: TerminalSize) {
        expect("predict-typing", size, lesson: F.predict.id, after: [F.key(.enter)] + F.type("0 1 — 記憶") + [F.key(.left)])
    }

    @Test(arguments: sizes) func predictResult(size: TerminalSize) {
        expect(
            "predict-result", size, lesson: F.predict.id,
            after: [F.key(.enter)] + F.type("1 1") + [F.key(.enter), .checkElapsed(lessonID: F.predict.id, seconds: 0.4)])
    }

    @Test(arguments: sizes) func codeLessonFiles(size: TerminalSize) {
        expect("code-files", size, lesson: F.code.id, after: [])
    }

    @Test(arguments: sizes) func codeCheckRunning(size: TerminalSize) {
        expect(
            "code-running", size, lesson: F.code.id,
            after: [F.key(.character("c")), .checkElapsed(lessonID: F.code.id, seconds: 3.2)])
    }

    @Test(arguments: sizes) func codePassWithXP(size: TerminalSize) {
        expect(
            "code-pass", size, lesson: F.code.id,
            after: [
                F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.pass),
                .progressRecorded(.checked(lesson: F.code.id, passed: true), events: F.passEvents, progress: CourseProgress()),
            ]
                + Array(repeating: .timer, count: LessonRules.celebrationFrames))
    }

    @Test(arguments: sizes) func codePassShowingOutput(size: TerminalSize) {
        expect(
            "code-pass-output", size, lesson: F.code.id,
            after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.passShowingOutput(lines: 25))]
                + Array(repeating: .timer, count: LessonRules.celebrationFrames))
    }

    @Test(arguments: sizes) func codeCompileError(size: TerminalSize) {
        expect(
            "code-compile-error", size, lesson: F.code.id,
            after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.compileError)])
    }

    @Test(arguments: sizes) func codeFailingTests(size: TerminalSize) {
        expect(
            "code-failing-tests", size, lesson: F.code.id,
            after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.failingTests)])
    }

    @Test(arguments: sizes) func codePanic(size: TerminalSize) {
        expect("code-panic", size, lesson: F.code.id, after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.panic)])
    }

    @Test(arguments: sizes) func codeLint(size: TerminalSize) {
        expect("code-lint", size, lesson: F.code.id, after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.lint)])
    }

    @Test(arguments: sizes) func codeOutputDiff(size: TerminalSize) {
        expect(
            "code-diff", size, lesson: F.code.id,
            after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.wrongOutput)])
    }

    @Test(arguments: sizes) func codeHostileOutput(size: TerminalSize) {
        expect(
            "code-hostile-output", size, lesson: F.code.id,
            after: [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.hostileOutput)])
    }

    /// Issue 12: a program's escape sequences show as visible stand-ins in the result panel, in
    /// the diff and in the full output alike, and no cell of the screen holds a control character.
    @Test func hostileProgramOutputIsShownVisibly() throws {
        var state = F.state(opening: F.code.id, width: 120, height: 40)
        for action: Action in [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.hostileOutput)] {
            _ = App.update(&state, action)
        }
        let grid = App.view(state)
        #expect(grid.plainText().contains("+ ␛]0;pwned␇␛[2J␛[31m␈␍sum"), "\(grid.plainText())")
        #expect(!grid.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } })
        let screen = try #require(F.screen(state))
        let panel = ResultView.lines(activity: screen.activity, lesson: F.code, width: 100, theme: state.theme).map(\.plainText)
        for shown in ["␛]0;pwned␇␛[2J␛[31m␈␍sum", "err ␛]0;pwned␇␛[2J␛[31m␈", "run ␛]0;pwned␇"] {
            #expect(panel.contains { $0.contains(shown) }, "\(shown) not in \(panel)")
        }
    }

    @Test(arguments: sizes) func hints(size: TerminalSize) {
        expect("hints", size, lesson: F.code.id, after: [F.key(.character("h"))])
    }

    @Test(arguments: sizes) func solution(size: TerminalSize) {
        var passed: [Action] = [F.key(.character("c")), .checkFinished(lessonID: F.code.id, F.pass), F.key(.character("s"))]
        passed.append(
            .solutionLoaded(
                lessonID: F.code.id,
                .success([
                    SolutionFile(
                        name: "sum.swift",
                        text: "func sumTo(_ n: Int) -> Int {\n    var total = 0\n    for i in 0...n { total += i }\n    return total\n}\n")
                ])))
        expect("solution", size, lesson: F.code.id, after: passed)
    }

    @Test(arguments: sizes) func resultHelp(size: TerminalSize) {
        expect("result-help", size, lesson: F.quiz.id, after: wrongQuiz + [F.key(.character("?"))])
    }
}
