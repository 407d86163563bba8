import CrucibleEngine
import Foundation

/// What the progress file says about each day: XP earned by passes, and lessons worked on.
///
/// Progress keeps a lesson's first and last activity and its pass, not every visit, so these
/// are the days the stats can show.
public struct Activity: Sendable, Equatable {
    /// Day number → XP of the lessons first passed that day.
    public var xpByDay: [Int: Int] = [:]
    /// Day number → lessons with recorded activity that day.
    public var lessonsByDay: [Int: Int] = [:]

    public init(_ progress: CourseProgress, calendar: Calendar) {
        let zone = calendar.timeZone
        for record in progress.lessons.values {
            if let passed = record.passedAt {
                xpByDay[Self.dayNumber(passed, in: zone), default: 0] += record.xpEarned
            }
            let days = Set(
                [record.firstActivity, record.lastActivity, record.passedAt].compactMap { $0 }
                    .map { Self.dayNumber($0, in: zone) })
            for day in days { lessonsByDay[day, default: 0] += 1 }
        }
        if let last = progress.streak.lastActiveDay, lessonsByDay[last.dayNumber] == nil { lessonsByDay[last.dayNumber] = 1 }
    }

    /// The ``LocalDay/dayNumber`` of the day `date` falls on in `zone`: the zone's offset and a
    /// division, much cheaper than calendar components when thousands of records are counted.
    static func dayNumber(_ date: Date, in zone: TimeZone) -> Int {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }
}

extension LocalDay {
    /// The day `dayNumber` days after 1970-01-01 (the inverse of ``dayNumber``).
    init(dayNumber: Int) {
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
}
