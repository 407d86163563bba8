import Foundation
import Testing

@testable import CrucibleEngine

/// `crucible-metric NAME VALUE [UNIT]`: every unit to its dimension and base unit, the old
/// seconds form, and the lines a harness gets wrong, each named with its line.
struct MetricUnitsTests {
    @Test(arguments: [
        ("2 s", MetricDimension.time, 2.0), ("1.5", .time, 1.5), ("250 ms", .time, 0.25), ("4 µs", .time, 4e-6),
        ("4 us", .time, 4e-6), ("7 ns", .time, 7e-9),
        ("512 B", .bytes, 512), ("3 KB", .bytes, 3000), ("3 KiB", .bytes, 3072), ("2 MB", .bytes, 2e6),
        ("2 MiB", .bytes, 2_097_152), ("1 GB", .bytes, 1e9), ("1 GiB", .bytes, 1_073_741_824),
        ("5231 count", .count, 5231), ("12000 req/s", .rate, 12000),
    ])
    func everyUnitIsNormalisedToItsBaseUnit(field: String, dimension: MetricDimension, base: Double) throws {
        let samples = try Metrics.samples(in: "crucible-metric m \(field)\n").get()
        let series = try #require(samples["m"])
        #expect(series.dimension == dimension)
        #expect(abs(series.values[0] - base) <= base * 1e-12, "\(series.values[0]) for \(field)")
    }

    @Test(arguments: [
        ("crucible-metric m", "line 2 `crucible-metric m`: expected `crucible-metric NAME VALUE [UNIT]`"),
        ("crucible-metric m 1 s extra", "line 2 `crucible-metric m 1 s extra`: expected `crucible-metric NAME VALUE [UNIT]`"),
        ("crucible-metric m x", "line 2 `crucible-metric m x`: `x` is not a number of zero or more"),
        ("crucible-metric m -1", "line 2 `crucible-metric m -1`: `-1` is not a number of zero or more"),
        ("crucible-metric m inf", "line 2 `crucible-metric m inf`: `inf` is not a number of zero or more"),
        (
            "crucible-metric m 3 furlongs",
            "line 2 `crucible-metric m 3 furlongs`: unknown unit `furlongs`; use s, ms, µs, us, ns, B, KB, KiB, MB, MiB, GB, GiB, count, req/s"
        ),
        ("crucible-metric m 3 MB", "line 2 `crucible-metric m 3 MB`: `m` was a time on an earlier line, here a bytes"),
    ])
    func aMalformedLineIsReportedWithItsLine(line: String, message: String) {
        #expect(Metrics.samples(in: "crucible-metric m 1\n\(line)\n") == .failure(Metrics.Problem(message: message)))
    }

    @Test(arguments: [
        ("64 MiB", MetricDimension.bytes, 67_108_864.0), ("64MiB", .bytes, 67_108_864), ("1.5 GB", .bytes, 1.5e9),
        ("12 count", .count, 12), ("250 ms", .time, 0.25),
    ])
    func aQuantityWithItsUnitIsParsed(text: String, dimension: MetricDimension, base: Double) throws {
        let (value, unit) = try #require(MetricUnit.quantity(text))
        #expect(unit.dimension == dimension)
        #expect(abs(value - base) <= base * 1e-12)
    }

    @Test(arguments: ["64", "MiB", "64 mebibytes", "-1 MiB", "", "1e999 B"])
    func aQuantityWithoutAKnownUnitIsNot(text: String) {
        #expect(MetricUnit.quantity(text) == nil, "\(text)")
    }

    static func pool(_ stdout: String) throws -> MetricPool {
        try MetricPool.collect([MetricSource(step: "bench", stdout: stdout)]).get()
    }

    @Test func aRatioComparesTimesInAnyTimeUnit() throws {
        let pool = try Self.pool("crucible-metric base 10 ms\ncrucible-metric mine 2000 µs\n")
        let comparison = try pool.compare(RatioExpectation(metric: "mine", baseline: "base", atLeast: 1)).get()
        #expect(abs(comparison.factor! - 5) < 1e-9)
        #expect(comparison.passed)
    }

    /// Rates are better higher, times, bytes and counts lower: the factor is "how many times
    /// better", so `atLeast` reads the same way for every dimension.
    @Test(arguments: [
        ("req/s", 2000.0, 1000.0, 2.0, FailureReason.tooSlow), ("ms", 2, 1, 0.5, .tooSlow),
        ("MiB", 20, 40, 2, .overBudget), ("count", 30, 10, 1.0 / 3, .overBudget),
    ])
    func aRatioIsHowManyTimesBetterInItsDimension(
        unit: String, mine: Double, base: Double, factor: Double, reason: FailureReason
    ) throws {
        let pool = try Self.pool("crucible-metric learner.x \(mine) \(unit)\ncrucible-metric baseline.x \(base) \(unit)\n")
        let comparison = try pool.compare(RatioExpectation(metric: "learner.x", baseline: "baseline.x", atLeast: 1)).get()
        #expect(abs(comparison.factor! - factor) < 1e-9)
        #expect(comparison.passed == (factor >= 1))
        #expect(comparison.failureReason == reason)
    }

    @Test func aFailedRatioSaysWhatWasMeasuredAndWhatIsNeeded() throws {
        let pool = try Self.pool("crucible-metric learner.throughput 3120 req/s\ncrucible-metric baseline.throughput 10050 req/s\n")
        let comparison = try pool.compare(
            RatioExpectation(metric: "learner.throughput", baseline: "baseline.throughput", atLeast: 0.5)
        ).get()
        #expect(!comparison.passed)
        #expect(
            comparison.summary
                == "learner.throughput was 0.31× baseline.throughput (3,120 req/s vs 10,050 req/s), needs at least 0.5×")
    }

    @Test func aRatioOfTwoDimensionsIsRefused() throws {
        let pool = try Self.pool("crucible-metric base 10 MB\ncrucible-metric mine 2 ms\n")
        let result = pool.compare(RatioExpectation(metric: "mine", baseline: "base", atLeast: 1))
        #expect(
            result.failureMessage == "`mine` is a time metric but `base` a bytes one; a ratio compares two metrics of one kind")
    }

    @Test func boundsJudgeTheMedianOfBytesAndCounts() throws {
        let pool = try Self.pool(
            "crucible-metric learner.peak_heap 60 MiB\ncrucible-metric learner.peak_heap 70 MiB\ncrucible-metric learner.peak_heap 90 MiB\n"
                + "crucible-metric learner.errors 0 count\n")
        let within = try pool.compare(BoundExpectation(metric: "learner.peak_heap", atMost: 70 * 1_048_576, unitDimension: .bytes)).get()
        #expect(within.passed)
        #expect(within.metricMedian == 70 * 1_048_576)
        let over = try pool.compare(BoundExpectation(metric: "learner.peak_heap", atMost: 64 * 1_048_576, unitDimension: .bytes)).get()
        #expect(!over.passed)
        #expect(over.failureReason == .overBudget)
        #expect(over.summary == "learner.peak_heap was 70.0 MiB, needs at most 64.0 MiB")
        let floor = try pool.compare(BoundExpectation(metric: "learner.errors", atMost: 0)).get()
        #expect(floor.passed)
        let least = try pool.compare(BoundExpectation(metric: "learner.errors", atLeast: 1)).get()
        #expect(!least.passed)
    }

    @Test func aBoundOnATimeOrAMismatchedUnitIsRefused() throws {
        let pool = try Self.pool("crucible-metric learner.latency 3 ms\ncrucible-metric learner.allocs 3 count\n")
        #expect(
            pool.compare(BoundExpectation(metric: "learner.latency", atMost: 1)).failureMessage?
                .hasPrefix("`learner.latency` is a time metric: bounds are for bytes and counts only; absolute times") == true)
        #expect(
            pool.compare(BoundExpectation(metric: "learner.allocs", atMost: 1e6, unitDimension: .bytes)).failureMessage
                == "`learner.allocs` is a count metric, but its bound is given in bytes")
    }

    /// Lines of every step pool by name, and steps named like a metric add their usage.
    @Test func thePoolGathersEveryStepsLinesAndUsage() throws {
        let usage = ResourceUsage(userSeconds: 0.5, systemSeconds: 0.25, peakMemoryBytes: 4096)
        let pool = try MetricPool.collect([
            MetricSource(step: "build", stdout: "crucible-metric n 1 count\n", wallSeconds: 2, usage: usage),
            MetricSource(step: "load the servers", stdout: "crucible-metric n 3 count\n", wallSeconds: 1, usage: usage),
        ]).get()
        #expect(
            pool.all.map(\.name) == ["n", "build.wall_time", "build.cpu_time", "build.peak_memory"])
        #expect(pool.all[0].values == [1, 3])
        #expect(pool.all[0].median == 2)
        #expect(pool.all[2].values == [0.75])
        #expect(pool.all[3].dimension == .bytes)
        #expect(
            pool.compare(RatioExpectation(metric: "load.cpu_time", baseline: "build.cpu_time", atLeast: 1)).failureMessage?
                .contains("`crucible-metric load.cpu_time VALUE [UNIT]`") == true)
    }

    @Test func aLineThatDoesNotParseNamesItsStepUnlessLeftOut() throws {
        let sources = [
            MetricSource(step: "a", stdout: "crucible-metric n 1 ms\n"),
            MetricSource(step: "b", stdout: "crucible-metric n 2 MiB\ncrucible-metric m 2 furlongs\n"),
        ]
        #expect(
            MetricPool.collect(sources).failureMessage?.hasPrefix("step `b`: line 2 `crucible-metric m 2 furlongs`: unknown unit") == true)
        #expect(
            MetricPool.collect(Array(sources.prefix(1)) + [MetricSource(step: "b", stdout: "crucible-metric n 2 MiB\n")]).failureMessage
                == "step `b`: `n` is a bytes here but a time in an earlier step")
        let lenient = try MetricPool.collect(sources, strict: false).get()
        #expect(lenient.all.map(\.name) == ["n"])
        #expect(lenient.all[0].values == [0.001])
    }

    @Test(arguments: [
        (1.0, "1.00 s"), (0.0025, "2.50 ms"), (4e-6, "4.00 µs"), (123_456.0, "123,456 s"),
    ])
    func timesAreShownInAReadableUnit(value: Double, text: String) {
        #expect(MetricDimension.time.format(value) == text)
    }
}

extension Result where Failure == Metrics.Problem {
    fileprivate var failureMessage: String? {
        if case .failure(let problem) = self { problem.message } else { nil }
    }
}
