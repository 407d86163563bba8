import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// The metric charts: grouped by quantity, scaled to each group's largest, fitting any width from
/// 40 columns, and in ASCII for a locale that is not UTF-8.
@Suite struct MetricChartsTests {
    typealias Figure = MetricCharts.Figure
    typealias Comparison = MetricCharts.Comparison

    /// An arena check: both servers loaded, their memory compared, the errors bounded, the build timed.
    static let arenaFigures: [Figure] = [
        Figure(name: "build.wall_time", dimension: .time, median: 3.2),
        Figure(name: "learner.throughput", dimension: .rate, median: 8_440),
        Figure(name: "learner.latency_p50", dimension: .time, median: 0.00121),
        Figure(name: "learner.latency_p90", dimension: .time, median: 0.0021),
        Figure(name: "learner.latency_p99", dimension: .time, median: 0.0048),
        Figure(name: "learner.latency_max", dimension: .time, median: 0.0121),
        Figure(name: "learner.errors", dimension: .count, median: 0),
        Figure(name: "baseline.throughput", dimension: .rate, median: 10_050),
        Figure(name: "baseline.latency_p50", dimension: .time, median: 0.00098),
        Figure(name: "baseline.latency_p90", dimension: .time, median: 0.0017),
        Figure(name: "baseline.latency_p99", dimension: .time, median: 0.0031),
        Figure(name: "baseline.latency_max", dimension: .time, median: 0.0094),
        Figure(name: "baseline.errors", dimension: .count, median: 0),
        Figure(name: "learner.peak_memory", dimension: .bytes, median: 50_541_363),
        Figure(name: "baseline.peak_memory", dimension: .bytes, median: 12_582_912),
        Figure(name: "learner.cpu_time", dimension: .time, median: 1.84),
    ]

    static let arenaComparisons: [Comparison] = [
        Comparison(metric: "learner.throughput", baseline: "baseline.throughput", factor: 0.84, atLeast: 0.5, passed: true),
        Comparison(metric: "learner.peak_memory", baseline: "baseline.peak_memory", factor: 0.249, atLeast: 0.25, passed: false),
        Comparison(metric: "learner.errors", atMost: 0, passed: true, metricMedian: 0),
    ]

    static let history: [[String: Double]] = [
        ["learner.throughput": 3_120, "learner.peak_memory": 80_000_000],
        ["learner.throughput": 6_900, "learner.peak_memory": 61_000_000],
        ["learner.throughput": 8_440, "learner.peak_memory": 50_541_363],
    ]

    static var arena: MetricCharts {
        MetricCharts(
            figures: arenaFigures, comparisons: arenaComparisons, history: history,
            rival: MetricCharts.Rival(label: "your Go", medians: ["learner.throughput": 11_200, "learner.peak_memory": 9_437_184]))
    }

    /// The chart lines drawn into a grid as wide as `width`, for a snapshot with styles.
    static func grid(_ lines: [StyledLine], width: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: lines.count)
        grid.put(lines, in: Rect(x: 0, y: 0, width: width, height: lines.count))
        return grid
    }

    @Test func metricsAreGroupedByQuantityWithTheLatencyPercentilesInOneChart() {
        let charts = Self.arena
        // Usage metrics nobody compared (build.wall_time, learner.cpu_time) are the step usage chart's.
        #expect(charts.groups.map(\.title) == ["throughput", "latency", "errors", "peak memory"])
        let latency = charts.groups[1]
        #expect(latency.bars.map(\.row) == ["p50", "p50", "p90", "p90", "p99", "p99", "max", "max"])
        #expect(latency.bars.map(\.label) == Array(repeating: ["learner", "baseline"], count: 4).flatMap { $0 })
        #expect(charts.groups[0].bars.map(\.label) == ["learner", "your Go", "baseline"])
        #expect(charts.groups[0].bars.map(\.text) == ["8,440 req/s", "11,200 req/s", "10,050 req/s"])
    }

    @Test func theTwoNamesOfARatioShareAGroupHoweverTheyAreNamed() {
        let charts = MetricCharts(
            figures: [
                Figure(name: "base", dimension: .time, median: 0.06), Figure(name: "allocations", dimension: .count, median: 12),
                Figure(name: "mine", dimension: .time, median: 0.012),
            ],
            comparisons: [Comparison(metric: "mine", baseline: "base", factor: 5, atLeast: 3, passed: true)])
        // Named as the ratio is, the learner's side first, though the harness printed the baseline first.
        #expect(charts.groups.map(\.title) == ["mine vs base", "allocations"])
        #expect(charts.groups[0].bars.map(\.label) == ["mine", "base"])
        #expect(charts.groups[0].verdicts.map(\.text) == ["mine 5× base, needs ≥ 3×"])
        #expect(charts.groups[1].bars.map(\.text) == ["12 count"])
    }

    @Test func verdictsSayTheFactorAndTheRequirement() {
        let verdicts = Self.arena.groups.flatMap(\.verdicts)
        #expect(
            verdicts.map(\.text) == [
                "learner 0.84× baseline, needs ≥ 0.5×", "learner.errors 0 count, needs ≤ 0 count",
                "learner 0.25× baseline, needs ≥ 0.25×",
            ])
        #expect(verdicts.map(\.passed) == [true, true, false])
    }

    @Test func barsAreScaledToTheGroupsLargest() {
        let lines = Self.arena.lines(width: 80).map(\.plainText)
        func bar(_ line: String) -> Int { line.filter { $0 == "█" }.count }
        let throughput = lines.drop { $0 != "throughput" }.dropFirst().prefix(3).map(bar)
        // The rival's 11,200 is the largest: the longest bar; the others in proportion.
        #expect(throughput[1] == throughput.max())
        #expect(abs(Double(throughput[0]) / Double(throughput[1]) - 8_440.0 / 11_200) < 0.05)
    }

    @Test(arguments: [80, 120]) func snapshot(width: Int) {
        expectSnapshot(Self.grid(Self.arena.lines(width: width), width: width), named: "metric-charts-\(width)")
    }

    @Test func asciiSnapshot() {
        let lines = Self.arena.lines(width: 80, glyphs: .ascii)
        #expect(lines.allSatisfy { $0.plainText.utf8.allSatisfy { $0 < 0x80 } }, "\(lines.map(\.plainText))")
        expectSnapshot(Self.grid(lines, width: 80), named: "metric-charts-ascii-80")
    }

    /// From 40 columns up every line fits, every label and value stays whole, and bars grow with the width.
    @Test func everyWidthFromFortyColumnsFits() {
        var previous = 0
        for width in 40...140 {
            let lines = Self.arena.lines(width: width).map(\.plainText)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(width): \(line)") }
            let throughput = lines.drop { $0 != "throughput" }.dropFirst().prefix(3)
            #expect(throughput.map { $0.contains("your Go") && $0.hasSuffix("11,200 req/s") } == [false, true, false], "\(width)")
            let longest = throughput.map { $0.filter { $0 == "█" }.count }.max() ?? 0
            #expect(longest >= previous && longest >= 8, "\(width)")
            previous = longest
        }
    }

    @Test func aTrendNeedsTwoChecks() {
        let once = MetricCharts(figures: Self.arenaFigures, comparisons: Self.arenaComparisons, history: [Self.history[0]])
        #expect(once.groups.allSatisfy { $0.trends.isEmpty })
        let lines = Self.arena.lines(width: 80).map(\.plainText)
        #expect(lines.contains("  learner.throughput over 3 checks ▁▆█ 3,120 req/s → 8,440 req/s"), "\(lines)")
        let ascii = Self.arena.lines(width: 80, glyphs: .ascii).map(\.plainText)
        #expect(ascii.contains("  learner.throughput over 3 checks 168 3,120 req/s -> 8,440 req/s"), "\(ascii)")
    }

    @Test func stepUsageIsTwoGroupsOfOneBarPerStep() {
        let charts = MetricCharts(stepUsage: [
            ("build", ResourceUsage(userSeconds: 2.5, systemSeconds: 0.5, peakMemoryBytes: 200 << 20)),
            ("run", ResourceUsage(userSeconds: 0.38, systemSeconds: 0.03, peakMemoryBytes: 12_897_485)),
        ])
        #expect(charts.groups.map(\.title) == ["CPU time", "peak memory"])
        #expect(charts.groups.map { $0.bars.map(\.text) } == [["3.00 s", "410 ms"], ["200 MiB", "12.3 MiB"]])
        #expect(MetricCharts(stepUsage: []).groups.isEmpty)
    }
}

/// The trend and the other language's bar come from the learner's progress and course.yml's scoreboard.
@Suite struct MeasurementHistoryTests {
    static let scoreboard = Scoreboard(
        title: "Arena",
        tasks: [
            ScoreboardTask(
                name: "JSON endpoint", lessons: [.init(language: "go", lessonID: "a.go"), .init(language: "rust", lessonID: "a.rust")])
        ])

    static func entry(passed: Bool, throughput: Double) -> MetricHistoryEntry {
        MetricHistoryEntry(
            at: Date(timeIntervalSince1970: 0), passed: passed,
            medians: ["learner.throughput": MetricMedian(dimension: .rate, median: throughput)])
    }

    @Test func theLessonsHistoryAndThePairedLessonsLatestPass() {
        var progress = CourseProgress()
        progress.lessons["a.rust"] = LessonProgress(metricHistory: [
            Self.entry(passed: false, throughput: 900), Self.entry(passed: true, throughput: 1_200),
        ])
        progress.lessons["a.go"] = LessonProgress(metricHistory: [
            Self.entry(passed: true, throughput: 5_000), Self.entry(passed: true, throughput: 7_000),
            Self.entry(passed: false, throughput: 100),
        ])
        let history = MeasurementHistory(lessonID: "a.rust", progress: progress, scoreboard: Self.scoreboard)
        #expect(history.medians == [["learner.throughput": 900], ["learner.throughput": 1_200]])
        #expect(history.rival == MetricCharts.Rival(label: "your Go", medians: ["learner.throughput": 7_000]))
    }

    @Test func noRivalWithoutAPassOrAPairing() {
        var progress = CourseProgress()
        progress.lessons["a.go"] = LessonProgress(metricHistory: [Self.entry(passed: false, throughput: 100)])
        #expect(MeasurementHistory(lessonID: "a.rust", progress: progress, scoreboard: Self.scoreboard).rival == nil)
        progress.lessons["a.go"] = LessonProgress(metricHistory: [Self.entry(passed: true, throughput: 100)])
        #expect(MeasurementHistory(lessonID: "a.rust", progress: progress, scoreboard: nil).rival == nil)
        #expect(MeasurementHistory(lessonID: "a.rust", progress: progress, scoreboard: Self.scoreboard).rival != nil)
    }
}
