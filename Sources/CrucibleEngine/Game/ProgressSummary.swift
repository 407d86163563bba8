import Foundation

/// What `crucible progress` shows, and its `--json` form: XP, level, streak, a line per
/// track, achievements. Lessons the course no longer has are not counted.
public struct ProgressSummary: Codable, Sendable, Equatable {
    /// One track's progress.
    public struct TrackLine: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var passed: Int
        public var total: Int
    }

    /// An achievement and when it was earned (`nil`: not yet).
    public struct AchievementLine: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var description: String
        public var earned: Date?
    }

    public var course: String
    public var xp: Int
    public var level: Int
    public var levelName: String
    /// XP still needed for the next level.
    public var xpToNextLevel: Int
    /// The streak as it stands today (0 once a day was missed).
    public var streak: Int
    public var bestStreak: Int
    public var lastActiveDay: LocalDay?
    public var lessonsPassed: Int
    public var lessonsTotal: Int
    public var tracks: [TrackLine]
    public var achievements: [AchievementLine]
    /// Passed lessons that changed since (still passed).
    public var updatedLessons: [String]
    /// Records kept for lessons the course no longer has.
    public var lessonsNoLongerInCourse: [String]
    /// Where the learner was.
    public var position: ResumePosition?
    /// The first lesson in the recommended order not yet passed (skipped ones included); the
    /// order is shown, never enforced.
    public var nextInOrder: String?

    public init(progress: CourseProgress, outline: CourseOutline, achievements: [Achievement], today: LocalDay) {
        func passed(_ id: String) -> Bool { progress.lessons[id]?.isPassed == true }
        let level = Levels.level(for: progress.xp)
        course = outline.courseID
        xp = progress.xp
        self.level = level.number
        levelName = level.name
        xpToNextLevel = Levels.xpToNext(from: progress.xp)
        streak = progress.streak.current(on: today)
        bestStreak = progress.streak.best
        lastActiveDay = progress.streak.lastActiveDay
        tracks = outline.tracks.map { track in
            TrackLine(id: track.id, title: track.title, passed: track.lessonIDs.filter(passed).count, total: track.lessonIDs.count)
        }
        lessonsPassed = tracks.reduce(0) { $0 + $1.passed }
        lessonsTotal = tracks.reduce(0) { $0 + $1.total }
        self.achievements = achievements.map {
            AchievementLine(id: $0.id, title: $0.title, description: $0.description, earned: progress.achievements[$0.id])
        }
        updatedLessons = outline.lessonIDs.filter { progress.lessons[$0]?.updatedSincePass == true }
        lessonsNoLongerInCourse = progress.lessons.keys.filter { outline.lesson($0) == nil }.sorted()
        position = progress.position
        nextInOrder = outline.lessonIDs.first { !passed($0) }
    }
}
