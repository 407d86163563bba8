import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// `App.update` for a reloaded course: effects carry the lesson as reloaded, and a running check
/// of a lesson whose check changed or that is gone is cancelled with a message.
@Suite struct UpdateReloadTests {
    typealias F = LessonFixture

    /// The fixture course with `code` in place of the code lesson (or without it when nil).
    func course(code: Lesson?) -> Course {
        let lessons = [F.read, F.quiz, F.predict] + (code.map { [$0] } ?? [])
        return Course(
            id: F.course.id, title: F.course.title, welcome: "", final: nil, root: F.root,
            tracks: [Track(id: "memory", title: "Memory", summary: "Reloaded.", folder: F.root, lessons: lessons)])
    }

    func running() -> AppState {
        var state = F.state(opening: F.code.id)
        #expect(App.update(&state, .input(.key(.character("c")))) == [.runCheck(F.code)])
        return state
    }

    @Test func aChangedCheckUnderARunningCheckCancelsItAndTheResultSaysWhy() {
        var state = running()
        var changed = F.code
        changed.code?.steps[0].run = ["swiftc", "-O", "sum.swift"]
        let effects = App.update(&state, .courseReloaded(course(code: changed), diagnostics: []))
        #expect(effects == [.cancelCheck(lessonID: F.code.id), .loadLessonBody(changed)])
        let cancelled = CheckResult(lessonID: F.code.id, outcome: .engineError, message: "the check was cancelled")
        #expect(App.update(&state, .checkFinished(lessonID: F.code.id, cancelled)).isEmpty, "a cancelled check records nothing")
        #expect(state.openLesson?.activity.check == .idle)
        #expect(state.openLesson?.activity.notice?.contains("the lesson's check changed while it ran") == true)
        // The next check runs the lesson as reloaded.
        #expect(App.update(&state, .input(.key(.character("c")))) == [.runCheck(changed)])
    }

    @Test func aRemovedLessonUnderARunningCheckCancelsItAndItsScreenStopsWaiting() {
        var state = running()
        let effects = App.update(&state, .courseReloaded(course(code: nil), diagnostics: []))
        #expect(effects == [.cancelCheck(lessonID: F.code.id)])
        let cancelled = CheckResult(lessonID: F.code.id, outcome: .engineError, message: "the check was cancelled")
        _ = App.update(&state, .checkFinished(lessonID: F.code.id, cancelled))
        #expect(state.openLesson?.activity.check == .idle)
        #expect(state.openLesson?.activity.notice?.contains("left the course while it ran") == true)
    }

    @Test func aReloadThatKeepsTheCheckLetsItRun() {
        var state = running()
        var retitled = F.code
        retitled.title = "Fix the sum, again"
        retitled.hints.append("A third hint.")
        #expect(App.update(&state, .courseReloaded(course(code: retitled), diagnostics: [])) == [.loadLessonBody(retitled)])
        #expect(state.openLesson?.activity.check == .running(elapsed: 0))
    }
}
