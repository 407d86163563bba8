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
