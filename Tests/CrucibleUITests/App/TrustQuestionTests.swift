import CrucibleEngine
import Testing

@testable import CrucibleUI

/// The trust question on the full screen: `c` in a course that is not trusted asks first; `y` trusts
/// and checks, `n` or Esc runs nothing; the dialog as drawn.
@Suite struct TrustQuestionTests {
    typealias F = LessonFixture

    static let prompt = TrustPrompt(lines: [
        "This course did not ship with Crucible; its checks run programs as you.",
        "  course: Lesson Fixture", "  folder: /fixture-lessons", "  runs: swift, swiftc", "  hidden harnesses: 0 lessons",
    ])

    private func untrustedState(width: Int = 80, height: Int = 24) -> AppState {
        var state = F.state(opening: F.code.id, width: width, height: height)
        _ = App.update(&state, .trustDecided(Self.prompt))
        return state
    }

    @Test func checkingAnUntrustedCourseAsksFirstAndRunsNothing() {
        var state = untrustedState()
        let effects = App.update(&state, F.key(.character("c")))
        #expect(effects.isEmpty)
        #expect(state.top == .trustQuestion(lessonID: F.code.id))
        #expect(F.screen(state)?.activity.check == .idle)
        // A stray key neither answers nor closes it.
        #expect(App.update(&state, F.key(.character("c"))).isEmpty)
        #expect(state.top == .trustQuestion(lessonID: F.code.id))
    }

    @Test func yesTrustsRemembersAndChecks() {
        var state = untrustedState()
        _ = App.update(&state, F.key(.character("c")))
        let effects = App.update(&state, F.key(.character("y")))
        #expect(effects == [.rememberTrust, .runCheck(F.code)])
        #expect(state.untrusted == nil)
        #expect(F.screen(state)?.activity.check == .running(elapsed: 0))
        #expect(state.top == state.base)
        // Trusted now: the next check does not ask.
        _ = App.update(&state, .checkFinished(lessonID: F.code.id, F.compileError))
        #expect(App.update(&state, F.key(.character("c"))) == [.runCheck(F.code)])
    }

    @Test(arguments: [Key.character("n"), .escape]) func noOrEscapeRunsNothing(key: Key) {
        var state = untrustedState()
        _ = App.update(&state, F.key(.character("c")))
        #expect(App.update(&state, F.key(key)).isEmpty)
        #expect(state.top == state.base)
        #expect(state.untrusted == Self.prompt)
        #expect(F.screen(state)?.activity.notice?.contains("Not trusted: nothing was run") == true)
        #expect(F.screen(state)?.activity.check == .idle)
    }

    @Test func aTrustedCourseChecksAtOnce() {
        var state = F.state(opening: F.code.id)
        #expect(App.update(&state, F.key(.character("c"))) == [.runCheck(F.code)])
    }

    @Test func aPredictProgramDoesNotRunUntilTrusted() {
        var state = F.state(opening: F.predict.id)
        _ = App.update(&state, .trustDecided(Self.prompt))
        var effects: [Effect] = []
        for action in [F.key(.character("a"))] + F.type("0 1") + [F.key(.enter)] { effects += App.update(&state, action) }
        #expect(!effects.contains { if case .runCheck = $0 { true } else { false } })
        #expect(F.screen(state)?.activity.check == .idle)
        #expect(F.screen(state)?.activity.notice?.contains("The program was not run") == true)
    }

    @Test func theDialogShowsWhatIsTrustedAndTheTwoAnswers() {
        var state = untrustedState(width: 80, height: 24)
        _ = App.update(&state, F.key(.character("c")))
        let grid = App.view(state)
        let text = grid.plainText()
        for shown in [
            "Trust this course?", "course: Lesson Fixture", "folder: /fixture-lessons",
            "runs: swift, swiftc", "hidden harnesses: 0 lessons", "Trust this course and run its checks?",
            "y trust and check · n/Esc cancel",
        ] {
            #expect(text.contains(shown), "\(shown) not in\n\(text)")
        }
        // The bottom bar offers the same two answers.
        #expect(grid.rowText(23).contains("y trust and check"), "\(grid.rowText(23))")
        #expect(grid.rowText(23).contains("n/Esc cancel"), "\(grid.rowText(23))")
    }

    @Test func aLongLineWrapsInsideTheBoxOnANarrowTerminal() {
        var state = untrustedState(width: 40, height: 20)
        _ = App.update(&state, F.key(.character("c")))
        let text = App.view(state).plainText()
        #expect(text.contains("Trust this course"), "\(text)")
        #expect(text.contains("n/Esc"), "\(text)")
    }
}
