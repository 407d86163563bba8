import Foundation

/// Everything the progress file holds: one ``CourseProgress`` per course id. (Not `Progress`,
/// which would clash with Foundation's `Progress` in every file that imports both.)
///
/// Several courses (the bundled one and third-party ones) share one file and never
/// see each other's records.
public struct SavedProgress: Codable, Sendable, Equatable {
    /// The layout version of the file. Files with a higher number are left untouched;
    /// lower ones are migrated (see ``ProgressCoding``).
    public var schemaVersion: Int
    /// Progress per course, keyed by the course's `id`.
    public var courses: [String: CourseProgress]

    public init(schemaVersion: Int = ProgressCoding.currentSchemaVersion, courses: [String: CourseProgress] = [:]) {
        self.schemaVersion = schemaVersion
        self.courses = courses
    }

    /// The progress of course `id`, empty when the learner has not started it.
    public subscript(course id: String) -> CourseProgress {
        get { courses[id] ?? CourseProgress() }
        set { courses[id] = newValue }
    }
}

/// A learner's progress in one course: points, streak, achievements, where they were,
/// their settings, and a record per lesson.
public struct CourseProgress: Codable, Sendable, Equatable {
    /// Points earned; the sum of the lessons' ``LessonProgress/xpEarned``, kept even for
    /// lessons the course no longer has.
    public var xp: Int
    /// The level ``xp`` reaches on ``Levels``' curve (stored so the file reads on its own).
    public var level: Int
    public var streak: Streak
    /// Achievement id → when it was earned.
    public var achievements: [String: Date]
    /// Where the learner was, so a launch returns them there.
    public var position: ResumePosition?
    public var settings: LearnerSettings
    /// Lesson id → that lesson's record. Records of lessons the course no longer has are
    /// kept (a lesson may come back) but not counted.
    public var lessons: [String: LessonProgress]

    public init(
        xp: Int = 0, level: Int = 1, streak: Streak = Streak(), achievements: [String: Date] = [:],
        position: ResumePosition? = nil, settings: LearnerSettings = LearnerSettings(),
        lessons: [String: LessonProgress] = [:]
    ) {
        self.xp = xp
        self.level = level
        self.streak = streak
        self.achievements = achievements
        self.position = position
        self.settings = settings
        self.lessons = lessons
    }

    /// The record of lesson `id`, empty (not started) when there is none.
    public subscript(lesson id: String) -> LessonProgress {
        get { lessons[id] ?? LessonProgress() }
        set { lessons[id] = newValue }
    }

    /// Whether nothing has been recorded: a fresh course.
    public var isEmpty: Bool { self == CourseProgress() }
}

/// How far a learner got with one lesson.
///
/// Ordered by how much it says: merging two records keeps the greater one, so a pass is
/// never lowered by an import.
public enum LessonStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case notStarted, opened, skipped, attempted, passed

    public static func < (lhs: LessonStatus, rhs: LessonStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Decodes the status, naming the lesson and the value when it is not one of the known ones.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let status = LessonStatus(rawValue: text) else {
            // The path ends …lessons.<id>.status; the value is quoted with escapes and shortened.
            let lesson =
                decoder.codingPath.dropLast().last.map { " for lesson \(String(reflecting: String($0.stringValue.prefix(80))))" } ?? ""
            let known = LessonStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "unknown status \(String(reflecting: String(text.prefix(40))))\(lesson) (a status is one of \(known))")
        }
        self = status
    }
}

/// The record of one lesson.
public struct LessonProgress: Codable, Sendable, Equatable {
    public var status: LessonStatus
    /// Checks run (failed and passed alike).
    public var attempts: Int
    /// How many of the lesson's hints the learner has revealed.
    public var hintsRevealed: Int
    public var solutionViewed: Bool
    public var firstActivity: Date?
    public var lastActivity: Date?
    /// When the lesson was first passed.
    public var passedAt: Date?
    /// Seconds spent in the lesson, summed over visits.
    public var timeSpent: Double
    /// ``LessonContentHash`` of the lesson when it was passed, to notice later changes.
    public var contentHash: String?
    /// Whether the lesson was passed on its first check.
    public var passedFirstTry: Bool
    /// Points this lesson earned, bonuses included (subtracted again when it is reset).
    public var xpEarned: Int
    /// Set when the lesson changed after the learner passed it: it stays passed.
    public var updatedSincePass: Bool
    /// The latest check, from whichever front end ran it; nil in files written before it was kept.
    public var lastCheck: LastCheck?
    /// The last ``MetricHistoryEntry/kept`` judged code checks that produced metrics, oldest first;
    /// empty in files written before it was kept.
    public var metricHistory: [MetricHistoryEntry]

    public init(
        status: LessonStatus = .notStarted, attempts: Int = 0, hintsRevealed: Int = 0,
        solutionViewed: Bool = false, firstActivity: Date? = nil, lastActivity: Date? = nil,
        passedAt: Date? = nil, timeSpent: Double = 0, contentHash: String? = nil,
        passedFirstTry: Bool = false, xpEarned: Int = 0, updatedSincePass: Bool = false,
        lastCheck: LastCheck? = nil, metricHistory: [MetricHistoryEntry] = []
    ) {
        self.status = status
        self.attempts = attempts
        self.hintsRevealed = hintsRevealed
        self.solutionViewed = solutionViewed
        self.firstActivity = firstActivity
        self.lastActivity = lastActivity
        self.passedAt = passedAt
        self.timeSpent = timeSpent
        self.contentHash = contentHash
        self.passedFirstTry = passedFirstTry
        self.xpEarned = xpEarned
        self.updatedSincePass = updatedSincePass
        self.lastCheck = lastCheck
        self.metricHistory = metricHistory
    }

    public var isPassed: Bool { status == .passed }
}

/// A daily streak counted in the learner's local calendar days.
public struct Streak: Codable, Sendable, Equatable {
    /// Consecutive active days ending at ``lastActiveDay``.
    public var current: Int
    public var best: Int
    public var lastActiveDay: LocalDay?

    public init(current: Int = 0, best: Int = 0, lastActiveDay: LocalDay? = nil) {
        self.current = current
        self.best = best
        self.lastActiveDay = lastActiveDay
    }

    /// The streak as it stands on `today`: zero once a whole day was missed.
    public func current(on today: LocalDay) -> Int {
        guard let lastActiveDay else { return 0 }
        return today.daysSince(lastActiveDay) <= 1 ? current : 0
    }
}

/// A calendar date with no time or zone, such as 2026-03-29; stored as `"2026-03-29"`.
///
/// Streaks compare these, never instants, so a day is a day whatever its length
/// (23 or 25 hours across a daylight-saving change) and wherever the learner is.
public struct LocalDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `calendar`'s time zone (the learner's local day).
    public init(_ date: Date, calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Parses `YYYY-MM-DD` with a year in ``NumberBounds/year``.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
            NumberBounds.year.contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (pure arithmetic, no zones).
    /// Parts out of range count as their nearest valid value, so the arithmetic cannot overflow.
    public var dayNumber: Int {
        let year = NumberBounds.year.clamp(year), month = (1...12).clamp(month), day = (1...31).clamp(day)
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01 (the inverse of ``dayNumber``).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Whole calendar days from `earlier` to this day (negative when `earlier` is later).
    public func daysSince(_ earlier: LocalDay) -> Int { dayNumber - earlier.dayNumber }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = LocalDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(String(reflecting: String(text.prefix(40)))) is not a YYYY-MM-DD day with a year from 1 to 9999")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Where the learner was: the lesson and how far down it they had scrolled.
public struct ResumePosition: Codable, Sendable, Equatable {
    public var lesson: String
    /// The first visible line of the lesson's text.
    public var scroll: Int

    public init(lesson: String, scroll: Int = 0) {
        self.lesson = lesson
        self.scroll = scroll
    }
}

/// Choices the learner made that should survive a restart.
public struct LearnerSettings: Codable, Sendable, Equatable {
    /// A theme name the UI understands; `nil` for its default.
    public var theme: String?
    /// Whether saved files are checked automatically.
    public var watchMode: Bool

    public init(theme: String? = nil, watchMode: Bool = false) {
        self.theme = theme
        self.watchMode = watchMode
    }
}

// Decoding reads numbers too large for `Int` (such as `1e300`) as `Int.max` or `Int.min` instead of
// failing the whole file; ``SavedProgress/clampToBounds()`` then brings them into range and says so.

extension KeyedDecodingContainer {
    /// A whole number; one beyond `Int`'s range (written as `1e300` or with 20 digits) saturates.
    func decodeWholeNumber(forKey key: Key) throws -> Int {
        do { return try decode(Int.self, forKey: key) } catch {
            guard let value = try? decode(Double.self, forKey: key), !value.isNaN else { throw error }
            // Foundation reports 2.5 as "not valid JSON" with no place; say what and where.
            guard value == value.rounded() else {
                throw DecodingError.typeMismatch(Int.self, .init(codingPath: codingPath + [key], debugDescription: "\(value) is not whole"))
            }
            if value >= 0x1p63 { return .max }
            if value < -0x1p63 { return .min }
            return Int(value)
        }
    }
}

extension CourseProgress {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            xp: try container.decodeWholeNumber(forKey: .xp), level: try container.decodeWholeNumber(forKey: .level),
            streak: try container.decode(Streak.self, forKey: .streak),
            achievements: try container.decode([String: Date].self, forKey: .achievements),
            position: try container.decodeIfPresent(ResumePosition.self, forKey: .position),
            settings: try container.decode(LearnerSettings.self, forKey: .settings),
            lessons: try container.decode([String: LessonProgress].self, forKey: .lessons))
    }
}

extension LessonProgress {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            status: try container.decode(LessonStatus.self, forKey: .status),
            attempts: try container.decodeWholeNumber(forKey: .attempts),
            hintsRevealed: try container.decodeWholeNumber(forKey: .hintsRevealed),
            solutionViewed: try container.decode(Bool.self, forKey: .solutionViewed),
            firstActivity: try container.decodeIfPresent(Date.self, forKey: .firstActivity),
            lastActivity: try container.decodeIfPresent(Date.self, forKey: .lastActivity),
            passedAt: try container.decodeIfPresent(Date.self, forKey: .passedAt),
            timeSpent: try container.decode(Double.self, forKey: .timeSpent),
            contentHash: try container.decodeIfPresent(String.self, forKey: .contentHash),
            passedFirstTry: try container.decode(Bool.self, forKey: .passedFirstTry),
            xpEarned: try container.decodeWholeNumber(forKey: .xpEarned),
            updatedSincePass: try container.decode(Bool.self, forKey: .updatedSincePass),
            lastCheck: try container.decodeIfPresent(LastCheck.self, forKey: .lastCheck),
            metricHistory: try container.decodeIfPresent([MetricHistoryEntry].self, forKey: .metricHistory) ?? [])
    }
}

extension Streak {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            current: try container.decodeWholeNumber(forKey: .current), best: try container.decodeWholeNumber(forKey: .best),
            lastActiveDay: try container.decodeIfPresent(LocalDay.self, forKey: .lastActiveDay))
    }
}

extension ResumePosition {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(lesson: try container.decode(String.self, forKey: .lesson), scroll: try container.decodeWholeNumber(forKey: .scroll))
    }
}
