import CrucibleEngine
import CrucibleUI
import Foundation

/// Progress on ``FixtureCourse`` with every lesson status, a streak and an earned achievement,
/// on a fixed day in UTC so screens and stats never depend on the clock.
enum MapProgressFixture {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static let today = LocalDay(year: 2026, month: 11, day: 29)

    /// Noon UTC `daysAgo` days before ``today``.
    static func date(daysAgo: Int) -> Date {
        let noon = calendar.date(from: DateComponents(year: 2026, month: 11, day: 29, hour: 12))!
        return noon.addingTimeInterval(Double(-daysAgo) * 86_400)
    }

    static let achievements = [
        Achievement(
            id: "first-steps", title: "First steps", description: "Pass your first lesson.",
            condition: .completeLessons(1)),
        Achievement(
            id: "basics-done", title: "Basics done", description: "Pass every lesson of the Basics track.",
            condition: .completeTrack("basics")),
        Achievement(
            id: "week", title: "A week in a row", description: "Work on lessons seven days in a row.",
            condition: .streakDays(7)),
    ]

    static func passed(daysAgo: Int, xp: Int, updated: Bool = false) -> LessonProgress {
        LessonProgress(
            status: .passed, attempts: 1, firstActivity: date(daysAgo: daysAgo + 1), lastActivity: date(daysAgo: daysAgo),
            passedAt: date(daysAgo: daysAgo), passedFirstTry: true, xpEarned: xp, updatedSincePass: updated)
    }

    /// Two lessons passed (one changed since), one opened and left at line 12, one skipped.
    static let progress = CourseProgress(
        xp: 85, level: 2, streak: Streak(current: 3, best: 5, lastActiveDay: today),
        achievements: ["first-steps": date(daysAgo: 9)],
        position: ResumePosition(lesson: "basics.fix", scroll: 12),
        lessons: [
            "basics.stack": passed(daysAgo: 9, xp: 5),
            "basics.heap": passed(daysAgo: 2, xp: 80, updated: true),
            "basics.fix": LessonProgress(status: .attempted, attempts: 2, firstActivity: date(daysAgo: 1), lastActivity: date(daysAgo: 0)),
            "threads.lock": LessonProgress(status: .skipped, firstActivity: date(daysAgo: 0), lastActivity: date(daysAgo: 0)),
        ])

    /// The game with ``progress``, achievements loaded and `go` missing for the predict lesson.
    static let game = GameState(
        progress: progress, achievements: achievements,
        missingTools: ["threads.race": ["go"]], today: today, calendar: calendar)

    /// The app as a returning learner launches it: no welcome, the map on the resume lesson.
    static func state(width: Int = 80, height: Int = 24, game: GameState = game) -> AppState {
        AppState(course: FixtureCourse.course, size: TerminalSize(width: width, height: height), showWelcome: false, game: game)
    }
}
