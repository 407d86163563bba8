import Foundation
import Testing

@testable import CrucibleEngine

/// `metricHistory`: the last ten judged code checks that produced metrics, through the game
/// rules, merging, saving and loading, and the bounds a loaded file is clamped to.
@Suite struct MetricHistoryTests {
    typealias F = GameFixtures

    static func measured(_ throughput: Double, lines: Int? = 40) -> CheckMeasurement {
        CheckMeasurement(linesOfCode: lines, medians: ["learner.throughput": MetricMedian(dimension: .rate, median: throughput)])
    }

    static func entry(_ hour: Int, _ throughput: Double = 1000) -> MetricHistoryEntry {
        MetricHistoryEntry(Self.measured(throughput), passed: true, at: F.now.addingTimeInterval(Double(hour) * 3600))
    }

    @Test func aResultWithMetricsIsMeasuredAndOneWithoutIsNot() {
        var result = CheckResult(lessonID: "o.code", outcome: .passed, message: "every step passed")
        #expect(CheckMeasurement(result) == nil)
        result.metrics = [MetricSeries(name: "build.wall_time", dimension: .time, values: [2.5], median: 2.5)]
        #expect(CheckMeasurement(result) == nil, "usage alone is no performance check")
        result.metrics.insert(
            MetricSeries(name: "learner.throughput", dimension: .rate, values: [900, 1100, 1000], median: 1000), at: 0)
        result.linesOfCode = 42
        #expect(
            CheckMeasurement(result)
                == CheckMeasurement(
                    linesOfCode: 42,
                    medians: [
                        "learner.throughput": MetricMedian(dimension: .rate, median: 1000),
                        "build.wall_time": MetricMedian(dimension: .time, median: 2.5),
                    ]))
    }

    @Test func eachMeasuredCheckIsAppendedAndOnlyTheLastTenAreKept() {
        var progress = CourseProgress()
        for attempt in 0..<12 {
            _ = GameRules.apply(
                .checked(lesson: "o.code", passed: attempt == 11, measured: Self.measured(Double(attempt))), to: &progress,
                outline: F.outline, now: F.now.addingTimeInterval(Double(attempt) * 60), calendar: F.utc)
        }
        _ = GameRules.apply(.checked(lesson: "o.code", passed: false), to: &progress, outline: F.outline, now: F.now, calendar: F.utc)
        let history = progress[lesson: "o.code"].metricHistory
        #expect(history.count == MetricHistoryEntry.kept)
        #expect(history.map { $0.medians["learner.throughput"]?.median } == (2..<12).map(Double.init))
        #expect(history.map(\.passed) == Array(repeating: false, count: 9) + [true])
        #expect(history.last?.at == F.now.addingTimeInterval(11 * 60))
        #expect(history.last?.linesOfCode == 40)
    }

    @Test func mergingKeepsTheLatestOfBothHistoriesOldestFirst() {
        let mine = LessonProgress(status: .passed, metricHistory: (0..<8).map { Self.entry($0 * 2) })
        let theirs = LessonProgress(status: .attempted, metricHistory: (0..<8).map { Self.entry($0 * 2 + 1) } + [Self.entry(14)])
        let merged = mine.merged(with: theirs).metricHistory
        #expect(merged == (6..<16).map { Self.entry($0) })
        #expect(mine.merged(with: mine).metricHistory == mine.metricHistory)
    }

    @Test func aFileWithoutItLoadsAndOneWithItRoundTrips() throws {
        let old = """
            {"schemaVersion":1,"courses":{"c":{"xp":0,"level":1,"streak":{"current":0,"best":0},"achievements":{},
            "settings":{"watchMode":false},"lessons":{"o.code":{"status":"attempted","attempts":1,"hintsRevealed":0,
            "solutionViewed":false,"timeSpent":0,"passedFirstTry":false,"xpEarned":0,"updatedSincePass":false}}}}}
            """
        var progress = try ProgressCoding.decode(Data(old.utf8)).progress
        #expect(progress[course: "c"][lesson: "o.code"].metricHistory.isEmpty)
        progress.courses["c"]?.lessons["o.code"]?.metricHistory = [Self.entry(0), Self.entry(1, 2500.5)]
        let text = String(decoding: try ProgressCoding.encode(progress), as: UTF8.self)
        #expect(text.contains("\"metricHistory\""))
        #expect(text.contains("\"dimension\" : \"rate\""))
        let decoded = try ProgressCoding.decode(Data(text.utf8))
        #expect(decoded.progress == progress)
        #expect(decoded.unknownKeys == .none)
    }

    @Test func aLoadedHistoryIsClampedIntoItsBounds() throws {
        var record = LessonProgress(metricHistory: (0..<13).map { Self.entry(12 - $0) })
        record.metricHistory[0].linesOfCode = -5
        record.metricHistory[0].medians["learner.throughput"]?.median = -1
        var notes: [String] = []
        record.clampMetricHistory(place: "lesson `o.code`", notes: &notes)
        #expect(
            record.metricHistory
                == (3...12).map { Self.entry($0) }.enumerated().map { index, entry in
                    var entry = entry
                    if index == 9 {
                        entry.linesOfCode = 0
                        entry.medians["learner.throughput"]?.median = 0
                    }
                    return entry
                })
        #expect(notes.count == 3, "\(notes)")
        #expect(notes.last == "lesson `o.code`: `metricHistory` had 13 entries, some repeated or beyond the latest 10; kept 10")
        #expect(NumberFuzzing.outOfBounds(CourseProgress(lessons: ["o.code": record])).isEmpty)
        var unclamped = LessonProgress(metricHistory: (0..<11).map { Self.entry($0) })
        unclamped.metricHistory[0].linesOfCode = -1
        #expect(NumberFuzzing.outOfBounds(CourseProgress(lessons: ["o.code": unclamped])).count == 2)
    }
}
