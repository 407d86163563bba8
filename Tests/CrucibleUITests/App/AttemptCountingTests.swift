import CrucibleEngine
import Testing

@testable import CrucibleUI

private typealias F = LessonFixture

/// The full screen counts attempts by ``CheckResult/countsAsAttempt``, as `check` and `watch` do:
/// a cached failure is shown but neither recorded nor counted towards the solution.
@Suite struct AttemptCountingTests {
    static func finish(_ result: CheckResult, on state: inout AppState) -> [Effect] {
        _ = App.update(&state, .input(.key(.character("c"))))
        return App.update(&state, .checkFinished(lessonID: F.code.id, result))
    }

    static func failedChecks(_ state: AppState) -> Int? { state.openLesson?.activity.failedChecks }

    @Test func aCachedFailureIsShownButNotCounted() {
        var state = F.state(opening: F.code.id)
        #expect(!Self.finish(F.compileError, on: &state).isEmpty)
        #expect(Self.failedChecks(state) == 1)

        var cached = F.compileError
        cached.fromCache = true
        #expect(Self.finish(cached, on: &state).isEmpty, "a cached failure was recorded")
        #expect(Self.failedChecks(state) == 1)
        #expect(state.openLesson?.activity.result == cached)
    }

    @Test func aCachedPassIsRecorded() {
        var state = F.state(opening: F.code.id)
        var cached = F.pass
        cached.fromCache = true
        #expect(
            Self.finish(cached, on: &state) == [
                .recordProgress(
                    .checked(
                        lesson: F.code.id, passed: true,
                        summary: CheckSummary(cached, origin: .fullScreen)))
            ])
        #expect(state.openLesson?.activity.passed == true)
    }
}
