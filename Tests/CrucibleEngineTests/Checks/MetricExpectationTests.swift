import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// Ratios and bounds in real checks: over the metrics of every step so far, in the result's
/// `metrics` and `comparisons`, failing as too slow or over budget.
@Suite struct MetricExpectationTests {
    /// A ratio in a later step sees what an earlier step printed; the result keeps every metric.
    @Test func aLaterStepComparesFiguresOfEarlierSteps() async throws {
        let lesson = try TemporaryLesson(
            starter: ["x": "one\n\n  \ntwo\n"],
            steps: [
                shellStep("echo crucible-metric baseline.throughput 1000 req/s; echo crucible-metric learner.errors 0 count", name: "warm"),
                shellStep(
                    "echo crucible-metric learner.throughput 3000 req/s", name: "load",
                    expect: StepExpectation(
                        ratios: [RatioExpectation(metric: "learner.throughput", baseline: "baseline.throughput", atLeast: 2)],
                        bounds: [BoundExpectation(metric: "learner.errors", atMost: 0)])),
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["x": "one\n\n  \ntwo\n"])
        #expect(result.outcome == .passed, "\(result.message)")
        #expect(result.comparisons.map(\.kind) == [.ratio, .bound])
        #expect(result.comparisons[0].factor == 3)
        #expect(result.comparisons.allSatisfy { $0.passed })
        let names = result.metrics.map(\.name)
        let first: [String] = Array(names.prefix(5))
        let wanted = ["baseline.throughput", "learner.errors", "warm.wall_time", "warm.cpu_time", "warm.peak_memory"]
        #expect(first == wanted)
        #expect(names.contains("load.peak_memory"))
        #expect(result.metrics.first { $0.name == "learner.throughput" }?.median == 3000)
        #expect(result.linesOfCode == 2)
    }

    @Test func aBytesRatioOrABoundThatFailsIsOverBudget() async throws {
        let print = "echo crucible-metric learner.heap 80 MiB; echo crucible-metric baseline.heap 10 MiB"
        let ratio = try TemporaryLesson(
            starter: ["x": ""],
            steps: [
                shellStep(
                    print, name: "bench",
                    expect: StepExpectation(ratios: [RatioExpectation(metric: "learner.heap", baseline: "baseline.heap", atLeast: 0.25)]))
            ])
        defer { ratio.remove() }
        let failed = await ratio.check(["x": ""])
        #expect(failed.outcome == .failed)
        #expect(failed.reason == .overBudget)
        #expect(
            failed.message
                == "learner.heap was 0.12× as lean as baseline.heap (80.0 MiB vs 10.0 MiB, lower is better), needs at least 0.25×")
        #expect(failed.verdict == .overBudget(failed.comparisons[0]))
        #expect(failed.outcomeLabel == "failed (over budget)")
        #expect(!CheckCache.isReproducible(failed))

        let bound = try TemporaryLesson(
            starter: ["x": ""],
            steps: [
                shellStep(
                    print, name: "bench",
                    expect: StepExpectation(bounds: [
                        BoundExpectation(metric: "learner.heap", atMost: 64 * 1_048_576, unitDimension: .bytes)
                    ]))
            ])
        defer { bound.remove() }
        let over = await bound.check(["x": ""])
        #expect(over.reason == .overBudget)
        #expect(over.message == "learner.heap was 80.0 MiB, needs at most 64.0 MiB")
        #expect(over.failedStep == "bench")
    }

    @Test func aRateRatioThatFailsIsTooSlow() async throws {
        let lesson = try TemporaryLesson(
            starter: ["x": ""],
            steps: [
                shellStep(
                    "echo crucible-metric learner.throughput 3120 req/s; echo crucible-metric baseline.throughput 10050 req/s",
                    name: "load",
                    expect: StepExpectation(
                        ratios: [RatioExpectation(metric: "learner.throughput", baseline: "baseline.throughput", atLeast: 0.5)]))
            ])
        defer { lesson.remove() }
        let failed = await lesson.check(["x": ""])
        #expect(failed.reason == .tooSlow)
        #expect(failed.message == "learner.throughput was 0.31× baseline.throughput (3,120 req/s vs 10,050 req/s), needs at least 0.5×")
    }

    /// A step named like a metric is measured: a later step may compare its CPU time.
    @Test func usageMetricsOfFinishedStepsAreInThePool() async throws {
        let lesson = try TemporaryLesson(
            starter: ["x": ""],
            steps: [
                shellStep("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done", name: "busy"),
                shellStep("true", name: "idle"),
                shellStep(
                    "true", name: "compare",
                    expect: StepExpectation(ratios: [RatioExpectation(metric: "idle.cpu_time", baseline: "busy.cpu_time", atLeast: 2)])),
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .passed, "\(result.message)")
        let busy = try #require(result.metrics.first { $0.name == "busy.cpu_time" })
        #expect(busy.dimension == .time)
        #expect(busy.median > 0.01)
    }
}

/// How lint reads `ratio` and `bounds`, with line and column.
@Suite struct MetricExpectationLintTests {
    private static let code =
        "id: track.lesson\ntitle: Lesson\nkind: code\ncode:\n  language: text\n  starter: [x.txt]\n  solution: [x.txt]\n"

    private func load(_ expect: String) throws -> (diagnostics: [String], lesson: Lesson?) {
        try loadOneLessonCourse(Self.code + "  steps:\n    - run: [sh]\n      expect:\n" + expect)
    }

    @Test func oneMapOrAListOfRatiosAndBoundsLoad() throws {
        let (diagnostics, lesson) = try load(
            """
                    ratio:
                      - { metric: learner.throughput, baseline: baseline.throughput, atLeast: 0.5 }
                      - { metric: learner.peak_memory, baseline: baseline.peak_memory, atLeast: 0.25 }
                    bounds:
                      - { metric: learner.gc_cycles, atMost: 12 }
                      - { metric: learner.peak_memory, atMost: "64 MiB", atLeast: 1024 }

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let expect = try #require(lesson?.code?.steps.first?.expect)
        #expect(expect.ratios.map(\.metric) == ["learner.throughput", "learner.peak_memory"])
        #expect(
            expect.bounds == [
                BoundExpectation(metric: "learner.gc_cycles", atMost: 12),
                BoundExpectation(metric: "learner.peak_memory", atMost: 67_108_864, atLeast: 1024, unitDimension: .bytes),
            ])
        let (single, one) = try load(
            "        ratio: { metric: mine, baseline: base, atLeast: 5 }\n        bounds: { metric: n, atLeast: 1 }\n")
        #expect(single.isEmpty, "\(single)")
        #expect(one?.code?.steps.first?.expect.ratios == [RatioExpectation(metric: "mine", baseline: "base", atLeast: 5)])
        #expect(one?.code?.steps.first?.expect.bounds.count == 1)
    }

    @Test(arguments: [
        (
            "        bounds: { metric: learner.latency_p99, atMost: 5 }\n",
            "12:27: error: `learner.latency_p99` is a time metric: bounds are for bytes and counts only; absolute times and rates "
                + "are never judged because machines differ: compare with a baseline measured in the same run with `ratio`"
        ),
        (
            "        bounds: { metric: learner.custom, atMost: \"200 ms\" }\n",
            "12:51: error: `atMost` is a time: bounds are for bytes and counts only; absolute times and rates "
                + "are never judged because machines differ: compare with a baseline measured in the same run with `ratio`"
        ),
        (
            "        bounds: { metric: learner.peak_memory, atMost: \"64 mebibytes\" }\n",
            "12:56: error: `atMost` must be a number of zero or more, or a size with its unit such as `\"64 MiB\"` "
                + "(units: s, ms, µs, us, ns, B, KB, KiB, MB, MiB, GB, GiB, count, req/s), found string `64 mebibytes`"
        ),
        (
            "        bounds: { metric: learner.errors }\n",
            "12:17: error: a bound needs `atMost`, `atLeast` or both, such as `{ metric: learner.errors, atMost: \"64 MiB\" }`"
        ),
        (
            "        bounds: { metric: learner.errors, atMost: -1 }\n",
            "12:51: error: `atMost` must be a number of zero or more, or a size with its unit such as `\"64 MiB\"` "
                + "(units: s, ms, µs, us, ns, B, KB, KiB, MB, MiB, GB, GiB, count, req/s), found number `-1`"
        ),
        (
            "        bounds: { metric: n, atMost: 1, atLeast: 2 }\n",
            "12:50: error: `atLeast` is above `atMost`, so no figure could pass"
        ),
        (
            "        ratio: { metric: learner.throughput, baseline: baseline.peak_memory, atLeast: 1 }\n",
            "12:26: error: `learner.throughput` is a rate metric but `baseline.peak_memory` a bytes one; a ratio compares two metrics of one kind"
        ),
        (
            "        ratio: []\n",
            "12:16: error: `ratio` must be a map such as `{ metric: NAME, … }`, or a non-empty list of them, found a list"
        ),
        (
            "        ratio: { metric: a, baseline: b, atleast: 1 }\n",
            "12:42: error: unknown key `atleast`; did you mean `atLeast`?"
        ),
    ])
    func lintReports(_ expect: String, _ expected: String) throws {
        let (diagnostics, lesson) = try load(expect)
        #expect(diagnostics.contains(expected), "\(diagnostics)")
        #expect(lesson == nil)
    }
}
