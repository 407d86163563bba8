import CrucibleEngine
import CrucibleUI
import Foundation

/// A full-screen session's side of course trust: decides when the course is in (and again after a
/// reload), keeps the question the learner may answer, and remembers a yes in the trust file.
struct CourseTrustSession {
    private let gate: TrustGate?
    private var question: CourseTrust.Question?
    /// Set until the first decision, so nothing runs before the course has been fingerprinted.
    private var undecided: Bool

    init(gate: TrustGate?, state: inout AppState) {
        self.gate = gate
        undecided = gate != nil
        if gate != nil { state.untrusted = TrustPrompt(lines: ["Crucible is still reading this course."]) }
    }

    var isTrusted: Bool { !undecided && question == nil }

    /// The decision for `course`, as the action that tells the screens.
    mutating func decide(_ course: Course) -> [Action] {
        guard let gate else { return [] }
        undecided = false
        switch gate.decide(course) {
        case .trusted:
            question = nil
            return [.trustDecided(nil)]
        case .ask(let asked):
            question = asked
            return [.trustDecided(TrustPrompt(lines: asked.lines + ["", "Or from a shell: \(asked.trustCommand)"]))]
        }
    }

    /// A reloaded course may run something new: decided again, unless the gate fingerprints a course of its own.
    mutating func decideAfterReload(_ course: Course) -> [Action] {
        gate?.course == nil ? decide(course) : []
    }

    /// The learner said yes: trusted from now on, and remembered unless the trust file cannot be saved.
    mutating func remember() -> [Action] {
        guard let gate, let asked = question else { return [] }
        question = nil
        do {
            return try CourseTrust.remember(asked, in: gate.store).map(Action.notice)
        } catch {
            return [.notice("Trusted for this session only: \(error.message)")]
        }
    }
}
