import CrucibleEngine
import CrucibleUI
import Foundation
import Synchronization

/// A course's progress file, outline and achievements: what everything that reads or changes
/// progress needs, opened the same way by the command line and the full-screen UI.
///
/// Learner actions go through the game rules here, and only here, so a pass recorded by
/// `crucible check`, `crucible watch` or the full screen earns the same XP and content hash.
/// Safe to share between threads (`crucible watch` records from its check task).
public final class ProgressSession: Sendable {
    /// Nil for a session-only progress (see ``init(sessionOnly:)``).
    public let store: ProgressStore?
    private let state: Mutex<State>

    private struct State {
        var course: Course
        var outline: CourseOutline
        var achievements: [Achievement] = []
        /// Progress when there is no store, kept only while the program runs.
        var sessionOnly = CourseProgress()
    }

    /// Opens `file`'s progress for `course`. Throws when the file cannot be used (a newer Crucible wrote it).
    public init(course: Course, file: URL) throws(ProgressError) {
        store = try ProgressStore(courseID: course.id, file: file)
        state = Mutex(State(course: course, outline: CourseOutline(course)))
    }

    /// Progress kept in memory only, for when the file cannot be used: the game still plays.
    public init(sessionOnly course: Course) {
        store = nil
        state = Mutex(State(course: course, outline: CourseOutline(course)))
    }

    /// The course as it is now; the full screen follows live reloads with ``follow(_:)``.
    public var course: Course { state.withLock { $0.course } }
    public var outline: CourseOutline { state.withLock { $0.outline } }
    /// Empty until ``loadAchievements()``.
    public var achievements: [Achievement] { state.withLock { $0.achievements } }

    /// The progress as it is now.
    public var current: CourseProgress { store?.current ?? state.withLock { $0.sessionOnly } }

    /// Reads the course's achievements file; returns its problems, for the caller to show.
    @discardableResult
    public func loadAchievements() -> [Diagnostic] {
        let file = AchievementsFile.load(courseRoot: course.root)
        state.withLock { $0.achievements = file.achievements }
        return file.diagnostics
    }

    /// Uses `course`, loaded again after its files changed, for what is recorded from now on.
    public func follow(_ course: Course) {
        let outline = CourseOutline(course)
        state.withLock {
            $0.course = course
            $0.outline = outline
        }
    }

    /// What happened to the progress file (moved aside, recovered, migrated) since the last call.
    public func takeNotices() -> [ProgressNotice] {
        store?.takeNotices() ?? []
    }

    /// Applies `change` and saves it atomically; returns what `change` returned.
    /// A save that fails throws, and the store keeps the change for the next save.
    @discardableResult
    public func update<Result>(_ change: @escaping (inout CourseProgress) throws -> Result) throws -> Result {
        guard let store else { return try state.withLock { try change(&$0.sessionOnly) } }
        return try store.update(change)
    }

    /// Records a learner action through the game rules and returns the events to celebrate.
    public func record(_ action: LearnerAction, now: Date = Date()) throws -> [GameEvent] {
        let outcome = recordKeepingUnsaved(action, now: now)
        if let failure = outcome.failure { throw failure }
        return outcome.events
    }

    /// Like ``record(_:now:)``, but a save that fails still reports what the action earned: the
    /// store keeps the change and saves it with the next one, and `failure` says why it was not saved.
    public func recordKeepingUnsaved(_ action: LearnerAction, now: Date = Date())
        -> (recorded: LearnerAction, events: [GameEvent], failure: (any Error)?)
    {
        let recorded = withContentHash(action)
        let (outline, achievements) = state.withLock { ($0.outline, $0.achievements) }
        var events: [GameEvent] = []
        do {
            try update { progress in
                events = GameRules.apply(
                    recorded, to: &progress, outline: outline, achievements: achievements, now: now,
                    calendar: .current)
            }
        } catch {
            return (recorded, events, error)
        }
        return (recorded, events, nil)
    }

    /// A passing check without a content hash gets the lesson's, read from its files now, so a
    /// later change to the lesson shows it as updated.
    public func withContentHash(_ action: LearnerAction) -> LearnerAction {
        guard case .checked(let id, true, nil, let summary, let measured) = action,
            let lesson = course.lessons.first(where: { $0.id == id })
        else { return action }
        return .checked(lesson: id, passed: true, contentHash: LessonContentHash.of(lesson), summary: summary, measured: measured)
    }

    /// Whether another process saved the file since the last look (one stat); reloads it if so.
    public func reloadIfChanged() -> Bool {
        guard let store else { return false }
        return (try? store.reloadIfChanged()) == true
    }
}
