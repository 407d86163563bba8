import CrucibleEngine
import CrucibleUI
import Foundation

/// The progress session as the full screen uses it: what it reports comes back as actions
/// that keep the app's ``GameState`` current, and notices go in a box instead of to stderr.
///
/// Opening the store (one small JSON read) happens before the first frame, because the welcome
/// box and the resume position depend on it, and so is reading the achievements; what is slower
/// (content hashes of passed lessons) waits for ``afterFirstFrame()``.
extension ProgressSession {
    /// Opens `file`; one that cannot be used leaves progress for this session only, and says so.
    static func openForFullScreen(course: Course, file: URL) -> (session: ProgressSession, notices: [String]) {
        do {
            let session = try ProgressSession(course: course, file: file)
            return (session, session.takeNotices().map { sentence($0.message) })
        } catch {
            return (ProgressSession(sessionOnly: course), [sentence(error.description) + "\n\nThis session's progress will not be saved."])
        }
    }

    /// Loads achievements (one small file; the header counts them), as an action.
    func beforeFirstFrame() -> [Action] {
        loadAchievements()
        return [.achievementsLoaded(achievements)]
    }

    /// Marks passed lessons whose content changed (which hashes every passed lesson's files);
    /// returns the actions that report it.
    func afterFirstFrame() -> [Action] {
        var actions: [Action] = []
        var progress = current
        if store != nil, !progress.markUpdatedLessons(in: course).isEmpty {
            actions += save { [course] in $0.markUpdatedLessons(in: course) }
            actions.append(.progressLoaded(current))
        }
        return actions
    }

    /// Records `action` through the game rules and reports the result (and any notice).
    func recordActions(_ action: LearnerAction) -> [Action] {
        let outcome = recordKeepingUnsaved(action)
        var actions: [Action] = [.progressRecorded(outcome.recorded, events: outcome.events, progress: current)]
        if let failure = outcome.failure {
            actions.append(.notice(Self.sentence("\(failure)") + "\n\nThe change is kept and saved with the next one."))
        }
        return actions + takeNotices().map { .notice(Self.sentence($0.message)) }
    }

    /// Progress saved by another process since the last look (one stat), as an action.
    func reloadActions() -> [Action] {
        reloadIfChanged() ? [.progressLoaded(current)] : []
    }

    /// `message` with a capital first letter: the store words notices for `crucible: ` prefixes, the box shows them alone.
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }

    /// Applies `change` and saves; a failure is kept by the store for the next save and reported as a notice.
    private func save(_ change: @escaping (inout CourseProgress) -> Void) -> [Action] {
        var actions: [Action] = []
        do {
            try update(change)
        } catch {
            actions.append(.notice(Self.sentence("\(error)") + "\n\nThe change is kept and saved with the next one."))
        }
        return actions + takeNotices().map { .notice(Self.sentence($0.message)) }
    }
}
