import Foundation
import Testing

@testable import CrucibleEngine

@Suite struct ArenaAchievementTests {
    typealias F = GameFixtures

    static func entry(_ passed: Bool, _ medians: [String: MetricMedian]) -> MetricHistoryEntry {
        MetricHistoryEntry(at: F.now, passed: passed, medians: medians)
    }

    static func record(_ history: [MetricHistoryEntry]) -> LessonProgress {
        LessonProgress(status: .passed, attempts: history.count, metricHistory: history)
    }

    static let p99 = "learner.latency_p99"
    static func time(_ seconds: Double) -> [String: MetricMedian] { [p99: MetricMedian(dimension: .time, median: seconds)] }
    static func rate(_ value: Double) -> [String: MetricMedian] { ["learner.throughput": MetricMedian(dimension: .rate, median: value)] }

    @Test func passLessonsNeedsEveryOne() {
        let both = AchievementCondition.passLessons(["o.code", "m.boss"])
        #expect(!both.isMet(by: CourseProgress(lessons: ["o.code": F.passed()]), in: F.outline))
        #expect(
            !both.isMet(by: CourseProgress(lessons: ["o.code": F.passed(), "m.boss": LessonProgress(status: .attempted)]), in: F.outline))
        #expect(both.isMet(by: CourseProgress(lessons: ["o.code": F.passed(), "m.boss": F.passed()]), in: F.outline))
        // A lesson the course no longer has never counts.
        let gone = AchievementCondition.passLessons(["o.code", "gone.lesson"])
        #expect(!gone.isMet(by: CourseProgress(lessons: ["o.code": F.passed(), "gone.lesson": F.passed()]), in: F.outline))
    }

    @Test(arguments: [
        // A time: lower is better; 2 ms → 1.6 ms is 1.25×.
        ([entry(false, time(0.002)), entry(true, time(0.0016))], 1.2, true),
        ([entry(false, time(0.002)), entry(true, time(0.0018))], 1.2, false),
        // The improvement must come from a passing check.
        ([entry(true, time(0.002)), entry(false, time(0.001))], 1.2, false),
        // A rate: higher is better.
        ([entry(true, rate(1000)), entry(true, rate(1300))], 1.2, true),
        ([entry(true, rate(1000)), entry(true, rate(800))], 1.2, false),
        // One check has nothing to improve on.
        ([entry(true, time(0.002))], 1.2, false),
        ([MetricHistoryEntry](), 1.2, false),
    ])
    func improveMetric(history: [MetricHistoryEntry], by: Double, met: Bool) {
        let metric = history.first?.medians.keys.first ?? Self.p99
        let condition = AchievementCondition.improveMetric(lesson: "m.boss", metric: metric, by: by)
        #expect(condition.isMet(by: CourseProgress(lessons: ["m.boss": Self.record(history)]), in: F.outline) == met)
    }

    @Test func parsesBothAndLintsTheirMistakes() {
        let good = AchievementsFile.parse(
            """
            - id: both
              title: Both
              description: Both languages.
              condition: { passLessons: [o.code, m.boss] }
            - id: tuned
              title: Tuned
              description: Tuned.
              condition: { improveMetric: { lesson: m.boss, metric: learner.latency_p99, by: 1.2 } }
            """, file: "achievements.yml")
        #expect(good.diagnostics.isEmpty, "\(good.diagnostics)")
        #expect(
            good.achievements.map(\.condition) == [
                .passLessons(["o.code", "m.boss"]), .improveMetric(lesson: "m.boss", metric: "learner.latency_p99", by: 1.2),
            ])
        let bad = AchievementsFile.parse(
            """
            - id: none
              title: None
              description: None.
              condition: { passLessons: [] }
            - id: flat
              title: Flat
              description: Flat.
              condition: { improveMetric: { lesson: m.boss, metric: learner.latency_p99, by: 1 } }
            - id: typo
              title: Typo
              description: Typo.
              condition: { improveMetric: { lesson: m.boss, metirc: learner.latency_p99, by: 2 } }
            """, file: "achievements.yml")
        #expect(bad.achievements.isEmpty)
        let messages = bad.diagnostics.map { "\($0.line):\($0.column) \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("4:29 `passLessons` is empty") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("8:82 `by` is 1.0, which any check meets") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("12:49 unknown key `metirc`; did you mean `metric`?") }, "\(messages)")
    }

    @Test func lessonsTheCourseLacksAreWarnedAbout() {
        let warnings = AchievementsFile.check(
            [
                Achievement(id: "both", title: "B", description: "", condition: .passLessons(["o.code", "m.bos"])),
                Achievement(id: "tuned", title: "T", description: "", condition: .improveMetric(lesson: "x.y", metric: "m", by: 2)),
            ], against: F.outline, file: "a.yml")
        #expect(
            warnings.map(\.message) == [
                "achievement `both` names `m.bos`, a lesson the course does not have, so it cannot be earned yet",
                "achievement `tuned` names lesson `x.y`, which the course does not have, so it cannot be earned yet",
            ])
    }
}

extension ArenaAchievementTests {
    /// Importing progress from another machine keeps both machines' measured checks, so an
    /// `improveMetric` earned on either still holds.
    @Test func mergingProgressKeepsBothMachinesHistory() {
        let early = MetricHistoryEntry(at: F.now, passed: false, medians: Self.time(0.002))
        let late = MetricHistoryEntry(at: F.now.addingTimeInterval(60), passed: true, medians: Self.time(0.001))
        let merged = Self.record([late]).merged(with: Self.record([early, late]))
        #expect(merged.metricHistory == [early, late])
    }
}
