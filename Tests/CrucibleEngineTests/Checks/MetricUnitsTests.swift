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

    @Test func aRatioComparesTimesInAnyTimeUnit() throws {
        let stdout = "crucible-metric base 10 ms\ncrucible-metric mine 2000 µs\n"
        let measurement = try Metrics.measure(RatioExpectation(metric: "mine", baseline: "base", atLeast: 1), stdout: stdout).get()
        #expect(abs(measurement.speedup - 5) < 1e-9)
    }

    @Test func aRatioOfBytesIsRefused() {
        let stdout = "crucible-metric base 10 MB\ncrucible-metric mine 2 MB\n"
        let result = Metrics.measure(RatioExpectation(metric: "mine", baseline: "base", atLeast: 1), stdout: stdout)
        #expect(result.failureMessage == "`mine` is a bytes metric, but a ratio compares times")
    }
}

extension Result where Failure == Metrics.Problem {
    fileprivate var failureMessage: String? {
        if case .failure(let problem) = self { problem.message } else { nil }
    }
}
