import CrucibleEngine
import Foundation

/// The learner's game as the app shows it: progress, achievements, and lessons whose tools are missing or broken.
///
/// A snapshot: the run loop owns the progress file and sends new snapshots back as actions.
public struct GameState: Sendable, Equatable {
    public var progress: CourseProgress {
        didSet { if activity != nil { countActivity() } }
    }
    /// XP and lessons per day for the stats: counted when the stats open and again on each
    /// progress change after that, rather than per frame (nil until then).
    public private(set) var activity: Activity?
    /// The course's achievements; empty until ``Action/achievementsLoaded(_:)``, read after the first frame.
    public var achievements: [Achievement]
    /// Lesson id → tools its check runs that are not on PATH; nil until probed, after the first frame.
    public var missingTools: [String: [String]]?
    /// Lesson id → tools its check runs that are on PATH but do not work (their version probe fails).
    public var brokenTools: [String: [String]] = [:]
    /// The learner's local day, for the streak and the stats calendar.
    public var today: LocalDay
    /// The learner's calendar and time zone, which turn activity dates into days; `Calendar.current`
    /// unless one was given, looked up only when needed since it loads ICU's data.
    public var calendar: Calendar { givenCalendar ?? .current }
    private let givenCalendar: Calendar?

    public init(progress: CourseProgress = CourseProgress(), achievements: [Achievement] = [],
                missingTools: [String: [String]]? = nil, brokenTools: [String: [String]] = [:],
                today: LocalDay? = nil, calendar: Calendar? = nil) {
        self.progress = progress
        self.achievements = achievements
        self.missingTools = missingTools
        self.brokenTools = brokenTools
        givenCalendar = calendar
        self.today = today ?? Self.localToday()
    }

    /// Counts ``activity`` from the progress as it is now.
    public mutating func countActivity() {
        activity = Activity(progress, calendar: calendar)
    }

    /// Today in the process's local time zone, from the C library: Foundation's time zones load
    /// ICU's data (about a millisecond and a few megabytes), which the first frame should not wait for.
    static func localToday() -> LocalDay {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return LocalDay(Date(), calendar: .current) }
        return LocalDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// How far the learner got with lesson `id`, as the map marks it.
    public func mark(for id: String) -> LessonMark {
        let record = progress.lessons[id] ?? LessonProgress()
        if record.isPassed { return record.updatedSincePass ? .updated : .passed }
        if toolProblem(for: id) != nil { return .needsTool }
        switch record.status {
        case .skipped: return .skipped
        case .opened, .attempted: return .inProgress
        case .notStarted, .passed: return .notStarted
        }
    }

    /// What stops lesson `id` from being checked here, as the map and `crucible list` say it:
    /// "needs rustc; go not working", or nil when its tools are all there and work.
    public func toolProblem(for id: String) -> String? {
        let missing = missingTools?[id] ?? [], broken = brokenTools[id] ?? []
        let problems = (missing.isEmpty ? [] : ["needs " + missing.joined(separator: ", ")])
            + (broken.isEmpty ? [] : [broken.joined(separator: ", ") + " not working"])
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// The lesson the learner left off at, when the course still has it.
    public var resumeLessonID: String? { progress.position?.lesson }
}

/// A lesson's status on the course map.
public enum LessonMark: Sendable, Equatable, CaseIterable {
    case notStarted, inProgress, passed
    /// Passed, but the lesson changed since; it stays passed.
    case updated
    case skipped
    /// Not passed, and a tool its check runs is not installed or does not work.
    case needsTool

    /// The one-cell symbol drawn before the lesson.
    public var symbol: String {
        switch self {
        case .notStarted: "○"
        case .inProgress: "◐"
        case .passed: "✓"
        case .updated: "↻"
        case .skipped: "»"
        case .needsTool: "✗"
        }
    }

    /// The status in words, for the bottom bar.
    public var label: String {
        switch self {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .passed: "passed"
        case .updated: "passed, changed since"
        case .skipped: "skipped"
        case .needsTool: "a tool it needs is missing or not working"
        }
    }
}

extension App {
    /// Applies what the run loop reports about progress, achievements and tools.
    static func updateGame(_ action: Action, on state: inout AppState) -> [Effect] {
        switch action {
        case .progressRecorded(_, _, let progress), .progressLoaded(let progress):
            state.game.progress = progress
        case .achievementsLoaded(let achievements):
            state.game.achievements = achievements
        case .toolsProbed(let missing, let broken):
            state.game.missingTools = missing
            state.game.brokenTools = broken
        case .notice(let text):
            // Several notices at once share one box instead of stacking boxes.
            if case .message(let shown) = state.top {
                state.screens[state.screens.count - 1] = .message(shown + "\n\n" + text)
            } else {
                state.screens.append(.message(text))
            }
        default:
            break
        }
        return []
    }

    /// Puts the map selection on the lesson the learner left off at, scrolled into view.
    ///
    /// Launch lands on the map, not inside the lesson: the learner sees their progress and the
    /// "continue" mark first, and Enter reopens the lesson at the line they had scrolled to.
    static func selectResumeLesson(_ state: inout AppState) {
        guard let id = state.game.resumeLessonID, let index = state.lessons.firstIndex(where: { $0.id == id }) else { return }
        state.selection = index
        state.mapScroll = state.map.scroll(showing: index, from: 0, height: state.mapHeight)
    }

    /// The line lesson `id` opens at: where the learner was when it is the resume position, else the top.
    static func resumeScroll(for id: String, in state: AppState) -> Int {
        guard let position = state.game.progress.position, position.lesson == id else { return 0 }
        return max(0, position.scroll)
    }

    /// The effect that saves where the learner is in `screen`, for the next launch.
    static func savePosition(of screen: LessonScreen) -> Effect {
        .recordProgress(.moved(to: ResumePosition(lesson: screen.lessonID, scroll: screen.scroll)))
    }

    /// Saves the open lesson's position before quitting; saving on every scroll key would cost a write per key.
    static func effectsBeforeQuit(_ state: AppState) -> [Effect] {
        state.openLesson.map { [savePosition(of: $0)] } ?? []
    }

    /// Marks the selected (or open) lesson skipped, goes back to the map, and selects the next lesson.
    static func skip(on state: inout AppState) -> [Effect] {
        let index: Int
        switch state.top {
        case .courseMap:
            index = state.selection
        case .lesson(let screen):
            guard let open = state.lessons.firstIndex(where: { $0.id == screen.lessonID }) else { return [] }
            state.screens.removeLast()
            index = open
        default:
            return []
        }
        guard state.lessons.indices.contains(index) else { return [] }
        let id = state.lessons[index].id
        var effects: [Effect] = [.recordProgress(.skipped(lesson: id))]
        let next = min(index + 1, state.lessons.count - 1)
        // The "continue" mark follows the learner past the skipped lesson.
        if next != index, state.game.resumeLessonID == nil || state.game.resumeLessonID == id {
            effects.append(.recordProgress(.moved(to: ResumePosition(lesson: state.lessons[next].id))))
        }
        state.selection = next
        state.mapScroll = state.map.scroll(showing: next, from: state.mapScroll, height: state.mapHeight)
        return effects
    }
}
