import Foundation

/// An achievement from a course's `achievements.yml`: data, not code.
public struct Achievement: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var description: String
    public var condition: AchievementCondition

    public init(id: String, title: String, description: String, condition: AchievementCondition) {
        self.id = id
        self.title = title
        self.description = description
        self.condition = condition
    }
}

/// The small, documented set of conditions an achievement may use (`Lessons/README.md`,
/// "Achievements"). Only lessons the course still has are counted.
public enum AchievementCondition: Sendable, Equatable, Hashable, Codable {
    /// Pass at least N lessons.
    case completeLessons(Int)
    /// Pass every lesson of the track.
    case completeTrack(String)
    /// Pass at least N lessons on their first check.
    case firstTryPasses(Int)
    /// Reach a daily streak of N days.
    case streakDays(Int)
    /// Pass every lesson of the track without revealing a hint or viewing a solution.
    case trackWithoutHints(String)
    /// Pass one named lesson, such as a track's final "boss" lesson.
    case passLesson(String)
    /// Reach level N.
    case reachLevel(Int)
    /// Pass every one of the named lessons, such as both languages of an arena task.
    case passLessons([String])
    /// A passing check of `lesson` measured `metric` at least `by` times better than the lesson's
    /// first recorded median of it (lower is better for times, bytes and counts; higher for rates).
    case improveMetric(lesson: String, metric: String, by: Double)

    /// The YAML key of each condition, in the order the reference lists them.
    public static let keys = [
        "completeLessons", "completeTrack", "firstTryPasses", "streakDays",
        "trackWithoutHints", "passLesson", "reachLevel", "passLessons", "improveMetric",
    ]
    /// Keys of `improveMetric`'s map.
    public static let improveMetricKeys = ["lesson", "metric", "by"]

    /// The key this condition is written with.
    public var key: String {
        switch self {
        case .completeLessons: "completeLessons"
        case .completeTrack: "completeTrack"
        case .firstTryPasses: "firstTryPasses"
        case .streakDays: "streakDays"
        case .trackWithoutHints: "trackWithoutHints"
        case .passLesson: "passLesson"
        case .reachLevel: "reachLevel"
        case .passLessons: "passLessons"
        case .improveMetric: "improveMetric"
        }
    }

    /// Whether `progress` meets the condition in the course `outline`.
    public func isMet(by progress: CourseProgress, in outline: CourseOutline) -> Bool {
        func passed(_ id: String) -> Bool { progress.lessons[id]?.isPassed == true }
        func passedCount(where extra: (LessonProgress) -> Bool = { _ in true }) -> Int {
            outline.lessonIDs.reduce(0) { count, id in
                guard let record = progress.lessons[id], record.isPassed, extra(record) else { return count }
                return count + 1
            }
        }
        func wholeTrack(_ id: String, _ each: (LessonProgress) -> Bool) -> Bool {
            guard let track = outline.track(id), !track.lessonIDs.isEmpty else { return false }
            return track.lessonIDs.allSatisfy { progress.lessons[$0].map { $0.isPassed && each($0) } ?? false }
        }
        switch self {
        case .completeLessons(let count): return passedCount() >= count
        case .completeTrack(let track): return wholeTrack(track) { _ in true }
        case .firstTryPasses(let count): return passedCount(where: \.passedFirstTry) >= count
        case .streakDays(let days): return progress.streak.best >= days
        case .trackWithoutHints(let track): return wholeTrack(track) { $0.hintsRevealed == 0 && !$0.solutionViewed }
        case .passLesson(let lesson): return outline.lesson(lesson) != nil && passed(lesson)
        case .reachLevel(let level): return Levels.level(for: progress.xp).number >= level
        case .passLessons(let lessons):
            return !lessons.isEmpty && lessons.allSatisfy { outline.lesson($0) != nil && passed($0) }
        case .improveMetric(let lesson, let metric, let by):
            guard outline.lesson(lesson) != nil, let history = progress.lessons[lesson]?.metricHistory else { return false }
            return Self.improvement(of: metric, in: history).map { $0 >= by } ?? false
        }
    }

    /// How many times better than its first recorded median a passing entry measured `metric` at
    /// best; `nil` without a first median or a passing entry. Only the kept history (the last 10
    /// checks) is seen, so "first" is the oldest kept.
    public static func improvement(of metric: String, in history: [MetricHistoryEntry]) -> Double? {
        guard let first = history.lazy.compactMap({ $0.medians[metric] }).first, first.median > 0 else { return nil }
        let factors = history.filter(\.passed).compactMap { entry -> Double? in
            guard let median = entry.medians[metric]?.median, median > 0 else { return nil }
            return first.dimension.higherIsBetter ? median / first.median : first.median / median
        }
        return factors.max()
    }
}
