import CrucibleEngine
import CrucibleUI
import Foundation

/// The full-screen UI's progress file, achievements and tool probe: the I/O behind
/// ``Effect/recordProgress(_:)`` and the actions that keep the app's ``GameState`` current.
///
/// Opening the store (one small JSON read) happens before the first frame, because the
/// welcome box and the resume position depend on it; everything slower (achievements,
/// content hashes of passed lessons) waits for ``afterFirstFrame()``.
final class FullScreenProgress {
    let course: Course
    /// Nil when the file cannot be used (a newer Crucible wrote it); progress is then not kept.
    let store: ProgressStore?
    private let outline: CourseOutline
    private var achievements: [Achievement] = []
    /// Progress when there is no store, kept only while the UI runs.
    private var sessionOnly = CourseProgress()
    /// Messages for the first frame's box, such as a corrupt file moved aside.
    private(set) var openingNotices: [String] = []

    init(course: Course, file: URL) {
        self.course = course
        outline = CourseOutline(course)
        do {
            let store = try ProgressStore(courseID: course.id, file: file)
            openingNotices = store.takeNotices().map { Self.sentence($0.message) }
            self.store = store
        } catch {
            openingNotices = [Self.sentence(error.description) + "\n\nThis session's progress will not be saved."]
            store = nil
        }
    }

    /// The progress as the app starts with it.
    var initial: CourseProgress { store?.current ?? CourseProgress() }

    /// Loads achievements and marks passed lessons whose content changed; returns the actions
    /// that report them. (Tools are probed by ``LessonWork/startToolProbe()``, off the run loop.)
    func afterFirstFrame() -> [Action] {
        var actions: [Action] = []
        let file = AchievementsFile.load(courseRoot: course.root)
        achievements = file.achievements
        actions.append(.achievementsLoaded(achievements))
        if let store {
            var progress = store.current
            if !progress.markUpdatedLessons(in: course).isEmpty {
                actions += save { [course] in $0.markUpdatedLessons(in: course) }
                actions.append(.progressLoaded(store.current))
            }
        }
        return actions
    }

    /// Records `action` through the game rules and reports the result (and any notice).
    func record(_ action: LearnerAction) -> [Action] {
        var action = action
        // The content hash needs the lesson's files: read here, not in `update`.
        if case .checked(let id, true, nil, let summary) = action, let lesson = course.lessons.first(where: { $0.id == id }) {
            action = .checked(lesson: id, passed: true, contentHash: LessonContentHash.of(lesson), summary: summary)
        }
        let outline = outline, achievements = achievements, recorded = action
        let apply = { (progress: inout CourseProgress) in
            GameRules.apply(recorded, to: &progress, outline: outline, achievements: achievements, now: Date(), calendar: .current)
        }
        guard let store else {
            // The file cannot be used (the opening notice said so): the game still plays, for this session only.
            let events = apply(&sessionOnly)
            return [.progressRecorded(recorded, events: events, progress: sessionOnly)]
        }
        var events: [GameEvent] = []
        var actions = save { events = apply(&$0) }
        actions.insert(.progressRecorded(recorded, events: events, progress: store.current), at: 0)
        return actions
    }

    /// Progress saved by another process since the last look (one stat), as an action.
    func reloadIfChanged() -> [Action] {
        guard let store, (try? store.reloadIfChanged()) == true else { return [] }
        return [.progressLoaded(store.current)]
    }

    /// `message` with a capital first letter: the store words notices for `crucible: ` prefixes, the box shows them alone.
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }

    /// Applies `change` and saves; a failure is kept by the store for the next save and reported as a notice.
    private func save(_ change: @escaping (inout CourseProgress) -> Void) -> [Action] {
        guard let store else { return [] }
        var actions: [Action] = []
        do {
            try store.update(change)
        } catch {
            actions.append(.notice(Self.sentence("\(error)") + "\n\nThe change is kept and saved with the next one."))
        }
        actions += store.takeNotices().map { .notice(Self.sentence($0.message)) }
        return actions
    }
}
