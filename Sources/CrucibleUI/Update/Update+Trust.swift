import CrucibleEngine

/// What the learner is asked before a course that is not trusted runs anything: what the course
/// is, what it runs and what changed, one line each (the run loop words it; see `CourseTrust`).
public struct TrustPrompt: Sendable, Equatable {
    public var lines: [String]

    public init(lines: [String]) { self.lines = lines }
}

/// Course trust on the full screen: `c` (or `w`) in a course that is not trusted opens
/// ``Screen/trustQuestion(lessonID:)``; `y` trusts it (``Effect/rememberTrust``) and checks,
/// `n` or Esc runs nothing. Checks started any other way (a predict program, a watched save) are
/// dropped until the course is trusted.
extension App {
    /// Opens the question over the lesson screen, for a code lesson with no check running.
    static func askTrust(for command: Command, on state: inout AppState) -> [Effect] {
        guard case .lesson(let screen) = state.top, let lesson = state.lesson(withID: screen.lessonID), lesson.code != nil,
            !screen.activity.check.isActive
        else { return withoutUntrustedChecks(performLesson(command, on: &state), on: &state) }
        state.screens.append(.trustQuestion(lessonID: lesson.id))
        return []
    }

    /// `y`: the course is trusted from now on, remembered, and the lesson checked.
    static func acceptTrust(on state: inout AppState) -> [Effect] {
        guard case .trustQuestion = state.top else { return [] }
        state.screens.removeLast()
        state.untrusted = nil
        return [.rememberTrust] + performLesson(.check, on: &state)
    }

    /// `n` or Esc: nothing runs, and the lesson says so.
    static func declineTrust(on state: inout AppState) -> [Effect] {
        guard case .trustQuestion(let id) = state.top else { return [] }
        state.screens.removeLast()
        updateLesson(id, on: &state) { screen, _ in
            screen.activity.notice = "Not trusted: nothing was run. Press c to be asked again."
        }
        return []
    }

    /// `effects` without the checks an untrusted course may not run, their lessons' screens idle again.
    static func withoutUntrustedChecks(_ effects: [Effect], on state: inout AppState) -> [Effect] {
        guard state.untrusted != nil else { return effects }
        return effects.filter { effect in
            guard case .runCheck(let lesson) = effect else { return true }
            updateLesson(lesson.id, on: &state) { screen, _ in
                if case .running = screen.activity.check { screen.activity.check = .idle }
                if lesson.kind == .predict {
                    screen.activity.notice = "The program was not run: this course is not trusted yet (a code lesson's c asks)."
                }
            }
            return false
        }
    }
}
