import CrucibleEngine
import Foundation

/// The learner's game as the app shows it: progress, achievements, and lessons whose tools are missing or broken.
///
/// A snapshot: the run loop owns the progress file and sends new snapshots back as actions.
public struct GameState: Sendable, Equatable {
    public var progress: CourseProgress {
        didSet {
            passedLessons = Self.passed(in: progress)
            if activity != nil { countActivity() }
        }
    }
    /// The ids of the passed lessons, kept with ``progress``, from which ``AppState`` counts each
    /// track's passed lessons (a lookup in ``progress`` copies a whole lesson record).
    public private(set) var passedLessons: Set<String>
    /// XP and lessons per day for the stats: counted when the stats open and again on each
    /// progress change after that, rather than per frame (nil until then).
    public private(set) var activity: Activity?
    /// The course's achievements; empty until ``Action/achievementsLoaded(_:)``, read after the first frame.
    public var achievements: [Achievement]
    /// Lesson id → tools its check runs that are not on PATH; nil until probed, after the first frame.
    public var missingTools: [String: [String]]?
    /// Lesson id → tools its check runs that are on PATH but do not work (their version probe fails).
    public var brokenTools: [String: [String]] = [:]
    /// Lesson id → the versions its check needs that are newer than installed ("go 1.22, have 1.19").
    public var tooOldTools: [String: [String]] = [:]
    /// Lesson id → why its check does not run on this platform ("Linux only"), from the engine's
    /// ``Lesson/platformProblem(on:)``; marked like a missing tool.
    public var otherPlatform: [String: String] = [:]
    /// The learner's local day, for the streak and the stats calendar.
    public var today: LocalDay
    /// The learner's calendar and time zone, which turn activity dates into days; `Calendar.current`
    /// unless one was given, looked up only when needed since it loads ICU's data.
    public var calendar: Calendar { givenCalendar ?? .current }
    private let givenCalendar: Calendar?

    public init(
        progress: CourseProgress = CourseProgress(), achievements: [Achievement] = [],
        missingTools: [String: [String]]? = nil, brokenTools: [String: [String]] = [:],
        tooOldTools: [String: [String]] = [:], otherPlatform: [String: String] = [:], today: LocalDay? = nil, calendar: Calendar? = nil
    ) {
        self.progress = progress
        passedLessons = Self.passed(in: progress)
        self.achievements = achievements
        self.missingTools = missingTools
        self.brokenTools = brokenTools
        self.tooOldTools = tooOldTools
        self.otherPlatform = otherPlatform
        givenCalendar = calendar
        self.today = today ?? Self.localToday()
    }

    private static func passed(in progress: CourseProgress) -> Set<String> {
        Set(progress.lessons.lazy.filter { $0.value.isPassed }.map(\.key))
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
    /// "Linux only" for a lesson not for this platform, else "needs rustc; go not working", or
    /// nil when its tools are all there and work.
    public func toolProblem(for id: String) -> String? {
        if let reason = otherPlatform[id] { return reason }
        let missing = missingTools?[id] ?? [], broken = brokenTools[id] ?? []
        let problems =
            (missing.isEmpty ? [] : ["needs " + missing.joined(separator: ", ")])
            + (tooOldTools[id] ?? []).map { "needs " + $0 }
            + (broken.isEmpty ? [] : [broken.joined(separator: ", ") + " not working"])
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// The lesson the learner left off at, when the course still has it.
    public var resumeLessonID: String? { progress.position?.lesson }
}
