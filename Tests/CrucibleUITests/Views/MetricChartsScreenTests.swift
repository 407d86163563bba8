import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// The result screen of a check that measured something: the charts under the reason, the lesson's
/// trend from progress, and the step usage chart atop the Output section; in ASCII too.
@Suite struct MetricChartsScreenTests {
    typealias F = LessonFixture

    /// The learner's server answered fast enough but used over four times the baseline's memory.
    static var overBudget: CheckResult {
        var result = CheckResult(
            lessonID: F.code.id, outcome: .failed, reason: .overBudget,
            message:
                "learner.peak_memory was 0.24× as lean as baseline.peak_memory (48.2 MiB vs 11.6 MiB, lower is better), needs at least 0.5×"
        )
        result.metrics = [
            MetricSeries(name: "learner.throughput", dimension: .rate, values: [8_440], median: 8_440),
            MetricSeries(name: "baseline.throughput", dimension: .rate, values: [10_050], median: 10_050),
            MetricSeries(name: "learner.latency_p50", dimension: .time, values: [0.00121], median: 0.00121),
            MetricSeries(name: "baseline.latency_p50", dimension: .time, values: [0.00098], median: 0.00098),
            MetricSeries(name: "learner.latency_p99", dimension: .time, values: [0.0048], median: 0.0048),
            MetricSeries(name: "baseline.latency_p99", dimension: .time, values: [0.0031], median: 0.0031),
            MetricSeries(name: "learner.peak_memory", dimension: .bytes, values: [50_541_363], median: 50_541_363),
            MetricSeries(name: "baseline.peak_memory", dimension: .bytes, values: [12_163_481], median: 12_163_481),
        ]
        result.comparisons = [
            MetricComparison(
                kind: .ratio, metric: "learner.throughput", dimension: .rate, metricMedian: 8_440, baseline: "baseline.throughput",
                baselineMedian: 10_050, factor: 0.84, atLeast: 0.5, passed: true),
            MetricComparison(
                kind: .ratio, metric: "learner.peak_memory", dimension: .bytes, metricMedian: 50_541_363, baseline: "baseline.peak_memory",
                baselineMedian: 12_163_481, factor: 0.24, atLeast: 0.5, passed: false),
        ]
        var build = F.step(
            name: "build", command: ["go", "build"], exitCode: 0, signal: nil, termination: "exited with code 0", duration: 1.2,
            stdout: "", stderr: "", passed: true)
        build.usage = ResourceUsage(userSeconds: 1.9, systemSeconds: 0.4, peakMemoryBytes: 180 << 20)
        var load = F.step(
            name: "load", command: ["sh", "-c", "wrk …"], exitCode: 0, signal: nil, termination: "exited with code 0", duration: 4.1,
            stdout: "", stderr: "", passed: false)
        load.usage = ResourceUsage(userSeconds: 0.61, systemSeconds: 0.9, peakMemoryBytes: 9 << 20)
        result.steps = [build, load]
        return result
    }

    static func state(width: Int, height: Int) -> AppState {
        var state = F.state(opening: F.code.id, width: width, height: height)
        func entry(_ throughput: Double, _ memory: Double) -> MetricHistoryEntry {
            MetricHistoryEntry(
                at: Date(timeIntervalSince1970: 0), passed: false,
                medians: [
                    "learner.throughput": MetricMedian(dimension: .rate, median: throughput),
                    "learner.peak_memory": MetricMedian(dimension: .bytes, median: memory),
                ])
        }
        state.game.progress.lessons[F.code.id] = LessonProgress(
            status: .attempted, attempts: 3, metricHistory: [entry(3_120, 90e6), entry(6_900, 61e6), entry(8_440, 50_541_363)])
        for action in [F.key(.character("c")), .checkFinished(lessonID: F.code.id, overBudget)] { _ = App.update(&state, action) }
        return state
    }

    @Test func theResultScreenChartsTheMetrics() {
        let state = Self.state(width: 100, height: 48)
        let grid = App.view(state)
        expectSnapshot(grid, named: "result-metric-charts-100x48")
        let text = grid.plainText()
        #expect(text.contains("learner 0.84× baseline, needs ≥ 0.5× ✓"), "\(text)")
        #expect(text.contains("learner 0.24× baseline, needs ≥ 0.5× ✗"), "\(text)")
        #expect(text.contains("learner.throughput over 3 checks ▁▆█"), "\(text)")
        #expect(text.contains("\n  learner.peak_memory was 0.24× as lean"), "a metric's name keeps its case: \(text)")
    }

    @Test func outsideAUTF8LocaleTheChartsAreASCII() {
        let grid = App.view(Self.state(width: 80, height: 40)).inASCII()
        expectSnapshot(grid, named: "ascii-result-metric-charts-80x40")
        let text = grid.plainText()
        // No glyph without a stand-in: the only `?`s are the screen's own ("Stuck?", "? help").
        #expect(text.filter { $0 == "?" }.count == 2, "\(text)")
        #expect(text.contains("learner   ####"), "\(text)")
    }
}
