import Foundation

/// The metrics protocol between a hidden harness and the engine, for performance checks.
///
/// The harness measures the baseline and the learner's code in the same run, several times
/// each, and prints one line per repetition on stdout:
///
///     crucible-metric NAME VALUE [UNIT]
///
/// `NAME` is a word (no spaces), `VALUE` a decimal number such as `0.0123` or `1.5e-3`, and
/// `UNIT` one of ``MetricUnit``'s; without a unit the value is seconds, the protocol's first form.
/// For a `ratio` (times only) the engine takes the median of each name's figures and computes
/// `speedup = median(baseline) / median(metric)`, which must be at least `atLeast`: 5 means
/// the learner's code must be five times as fast as the baseline, 0.5 that it may be at most
/// twice as slow. Other lines are ignored, so the harness may print what it likes around them; a line
/// that starts with `crucible-metric ` but does not parse is an error in the harness.
enum Metrics {
    static let prefix = "crucible-metric "

    struct Problem: Error, Equatable {
        var message: String
    }

    /// One name's figures, in base units, in the order printed.
    struct Series: Equatable {
        var dimension: MetricDimension
        var values: [Double]
    }

    /// Every metric line's figures by name, or the first line that does not parse or whose
    /// dimension differs from the name's earlier lines.
    static func samples(in stdout: String) -> Result<[String: Series], Problem> {
        var samples: [String: Series] = [:]
        for (index, line) in stdout.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix(prefix) {
            func problem(_ why: String) -> Problem { Problem(message: "line \(index + 1) `\(line)`: \(why)") }
            let fields = line.dropFirst(prefix.count).split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2 || fields.count == 3 else {
                return .failure(problem("expected `crucible-metric NAME VALUE [UNIT]`"))
            }
            guard let number = Double(fields[1]), number.isFinite, number >= 0 else {
                return .failure(problem("`\(fields[1])` is not a number of zero or more"))
            }
            let unitName = fields.count == 3 ? String(fields[2]) : "s"
            guard let unit = MetricUnit.named(unitName) else {
                return .failure(problem("unknown unit `\(unitName)`; use \(MetricUnit.names)"))
            }
            let name = String(fields[0])
            if let known = samples[name]?.dimension, known != unit.dimension {
                return .failure(problem("`\(name)` was a \(known.rawValue) on an earlier line, here a \(unit.dimension.rawValue)"))
            }
            samples[name, default: Series(dimension: unit.dimension, values: [])].values.append(number * unit.scale)
        }
        return .success(samples)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The ratio figures for `ratio`, or why they cannot be computed.
    static func measure(_ ratio: RatioExpectation, stdout: String) -> Result<RatioMeasurement, Problem> {
        let samples: [String: Series]
        switch self.samples(in: stdout) {
        case .success(let parsed): samples = parsed
        case .failure(let problem): return .failure(problem)
        }
        for name in [ratio.metric, ratio.baseline] where samples[name]?.values.isEmpty ?? true {
            return .failure(Problem(message: "the harness printed no `crucible-metric \(name) VALUE [UNIT]` line"))
        }
        let metricSeries = samples[ratio.metric]!, baselineSeries = samples[ratio.baseline]!
        for (name, series) in [(ratio.metric, metricSeries), (ratio.baseline, baselineSeries)] where series.dimension != .time {
            return .failure(Problem(message: "`\(name)` is a \(series.dimension.rawValue) metric, but a ratio compares times"))
        }
        let metric = median(metricSeries.values), baseline = median(baselineSeries.values)
        // A zero median means the timer could not resolve the work: count it as infinitely fast.
        let speedup = metric > 0 ? baseline / metric : .greatestFiniteMagnitude
        return .success(
            RatioMeasurement(
                metric: ratio.metric, baseline: ratio.baseline, metricMedian: metric, baselineMedian: baseline,
                speedup: speedup, required: ratio.atLeast,
                metricSamples: metricSeries.values.count, baselineSamples: baselineSeries.values.count))
    }
}

/// What a metric measures; its figures are kept in the dimension's base unit.
public enum MetricDimension: String, Sendable, Equatable, Codable, CaseIterable {
    /// Seconds.
    case time
    /// Bytes.
    case bytes
    /// A plain number: allocations, collections.
    case count
    /// Events per second.
    case rate
}

/// A unit of the metrics protocol: its dimension and how many base units one of it is.
struct MetricUnit: Equatable {
    var dimension: MetricDimension
    var scale: Double

    /// Every unit by name; KB, MB and GB are powers of 1000, KiB, MiB and GiB of 1024.
    static let all: [(name: String, unit: MetricUnit)] = [
        ("s", MetricUnit(dimension: .time, scale: 1)), ("ms", MetricUnit(dimension: .time, scale: 1e-3)),
        ("µs", MetricUnit(dimension: .time, scale: 1e-6)), ("us", MetricUnit(dimension: .time, scale: 1e-6)),
        ("ns", MetricUnit(dimension: .time, scale: 1e-9)),
        ("B", MetricUnit(dimension: .bytes, scale: 1)), ("KB", MetricUnit(dimension: .bytes, scale: 1e3)),
        ("KiB", MetricUnit(dimension: .bytes, scale: 1024)), ("MB", MetricUnit(dimension: .bytes, scale: 1e6)),
        ("MiB", MetricUnit(dimension: .bytes, scale: 1_048_576)), ("GB", MetricUnit(dimension: .bytes, scale: 1e9)),
        ("GiB", MetricUnit(dimension: .bytes, scale: 1_073_741_824)),
        ("count", MetricUnit(dimension: .count, scale: 1)),
        ("req/s", MetricUnit(dimension: .rate, scale: 1)),
    ]

    static func named(_ name: String) -> MetricUnit? {
        all.first { $0.name == name }?.unit
    }

    /// "s, ms, µs, …": for messages.
    static var names: String { all.map(\.name).joined(separator: ", ") }
}

extension MetricDimension {
    /// A figure in this dimension's base unit as people read it, the one text for metric values
    /// in messages, charts and tables: "12.3 ms", "48.2 MiB", "10,050 req/s", "12 count".
    /// Times keep three significant digits in the largest unit under the figure; bytes are
    /// ``ProcessResult/byteCountText(_:)``'s; rates and counts are grouped by thousands.
    public func text(_ value: Double) -> String {
        switch self {
        case .time:
            let magnitude = abs(value)
            for (unit, size) in [("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)] where magnitude >= size {
                return Self.significant(value / size) + " " + unit
            }
            return value == 0 ? "0 s" : Self.significant(value / 1e-9) + " ns"
        case .bytes: return ProcessResult.byteCountText(Int(value.rounded()))
        case .count: return Self.grouped(value) + " count"
        case .rate: return Self.grouped(value) + " req/s"
        }
    }

    /// Three significant digits: 1.23, 12.3, 123, 1234 (never fewer digits than the whole part).
    private static func significant(_ value: Double) -> String {
        let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        return String(format: "%.\(decimals)f", value)
    }

    /// A whole figure with thousands separated by commas ("10,050"); under 100 a fraction keeps one decimal ("12.5").
    private static func grouped(_ value: Double) -> String {
        if value < 100, value != value.rounded() { return String(format: "%.1f", value) }
        let digits = String(Int64(value.rounded()))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
