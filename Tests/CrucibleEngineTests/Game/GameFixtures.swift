import CrucibleEngine
import Foundation

/// A small course outline and clocks shared by the game tests.
enum GameFixtures {
    /// Two tracks: orientation (read, quiz, code) and memory (predict, code with 40 XP).
    static let outline = CourseOutline(
        courseID: "test",
        tracks: [
            .init(id: "orientation", title: "Orientation", lessonIDs: ["o.read", "o.quiz", "o.code"]),
            .init(id: "memory", title: "Memory", lessonIDs: ["m.predict", "m.boss"]),
        ],
        lessons: [
            .init(id: "o.read", trackID: "orientation", kind: .read),
            .init(id: "o.quiz", trackID: "orientation", kind: .quiz),
            .init(id: "o.code", trackID: "orientation", kind: .code),
            .init(id: "m.predict", trackID: "memory", kind: .predict),
            .init(id: "m.boss", trackID: "memory", kind: .code, xp: 40),
        ])

    static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    /// An instant from a UTC ISO 8601 text, such as `2026-03-08T06:30:00Z`.
    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static let utc = calendar("UTC")
    static let now = instant("2026-11-29T10:00:00Z")

    /// A lesson record that is passed, with optional first-try and hint details.
    static func passed(firstTry: Bool = true, hints: Int = 0, solution: Bool = false, xp: Int = 10) -> LessonProgress {
        LessonProgress(
            status: .passed, attempts: firstTry ? 1 : 3, hintsRevealed: hints, solutionViewed: solution,
            passedAt: now, passedFirstTry: firstTry, xpEarned: xp)
    }
}
