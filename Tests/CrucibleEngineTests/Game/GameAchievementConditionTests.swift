import CrucibleEngine
import Foundation
import Testing

@Suite struct GameAchievementConditionTests {
    typealias F = GameFixtures

    struct Row: CustomTestStringConvertible, Sendable {
        var condition: AchievementCondition
        var lessons: [String: LessonProgress]
        var streakBest = 0
        var xp = 0
        var met: Bool
        var testDescription: String { "\(condition) with \(lessons.keys.sorted()) → \(met)" }
    }

    static let passed = F.passed()
    static let retried = F.passed(firstTry: false)
    static let hinted = F.passed(hints: 1)
    static let peeked = F.passed(solution: true)
    static let tried = LessonProgress(status: .attempted, attempts: 2)

    @Test(arguments: [
        Row(condition: .completeLessons(1), lessons: [:], met: false),
        Row(condition: .completeLessons(1), lessons: ["o.read": tried], met: false),
        Row(condition: .completeLessons(1), lessons: ["o.read": passed], met: true),
        Row(condition: .completeLessons(2), lessons: ["o.read": passed, "gone.lesson": passed], met: false),
        Row(condition: .completeLessons(2), lessons: ["o.read": passed, "m.boss": retried], met: true),
        Row(condition: .completeLessons(0), lessons: [:], met: true),
        Row(condition: .completeTrack("memory"), lessons: ["m.predict": passed], met: false),
        Row(condition: .completeTrack("memory"), lessons: ["m.predict": passed, "m.boss": tried], met: false),
        Row(condition: .completeTrack("memory"), lessons: ["m.predict": hinted, "m.boss": peeked], met: true),
        Row(condition: .completeTrack("no-such-track"), lessons: ["m.predict": passed], met: false),
        Row(condition: .firstTryPasses(2), lessons: ["o.quiz": passed, "o.code": retried], met: false),
        Row(condition: .firstTryPasses(2), lessons: ["o.quiz": passed, "o.code": passed], met: true),
        Row(condition: .firstTryPasses(1), lessons: ["gone.lesson": passed], met: false),
        Row(condition: .streakDays(3), lessons: [:], streakBest: 2, met: false),
        Row(condition: .streakDays(3), lessons: [:], streakBest: 3, met: true),
        Row(condition: .trackWithoutHints("memory"), lessons: ["m.predict": passed, "m.boss": passed], met: true),
        Row(condition: .trackWithoutHints("memory"), lessons: ["m.predict": passed, "m.boss": hinted], met: false),
        Row(condition: .trackWithoutHints("memory"), lessons: ["m.predict": passed, "m.boss": peeked], met: false),
        Row(condition: .trackWithoutHints("memory"), lessons: ["m.predict": passed], met: false),
        Row(condition: .passLesson("m.boss"), lessons: ["m.boss": tried], met: false),
        Row(condition: .passLesson("m.boss"), lessons: ["m.boss": retried], met: true),
        Row(condition: .passLesson("gone.lesson"), lessons: ["gone.lesson": passed], met: false),
        Row(condition: .reachLevel(2), lessons: [:], xp: 49, met: false),
        Row(condition: .reachLevel(2), lessons: [:], xp: 50, met: true),
    ])
    func condition(row: Row) {
        let progress = CourseProgress(xp: row.xp, streak: Streak(current: 1, best: row.streakBest), lessons: row.lessons)
        #expect(row.condition.isMet(by: progress, in: F.outline) == row.met)
    }

    @Test func everyConditionKeyIsCovered() {
        let covered: [AchievementCondition] = [
            .completeLessons(1), .completeTrack("t"), .firstTryPasses(1), .streakDays(1),
            .trackWithoutHints("t"), .passLesson("l"), .reachLevel(1), .passLessons(["l"]),
            .improveMetric(lesson: "l", metric: "m", by: 2),
        ]
        #expect(covered.map(\.key) == AchievementCondition.keys)
    }
}
