import Foundation

/// One judged code check that produced metrics, as the progress file keeps it: when, whether it
/// passed, the learner's lines of code, and each metric's median. The scoreboard reads a lesson's
/// latest passing entry; charts compare the learner's runs.
public struct MetricHistoryEntry: Codable, Sendable, Equatable {
    public var at: Date
    public var passed: Bool
    public var linesOfCode: Int?
    /// Metric name → its dimension and median, in base units.
    public var medians: [String: MetricMedian]

    /// Entries kept per lesson: the latest ones.
    public static let kept = 10
    /// Metrics kept per entry (the first by name): a harness printing thousands of names must
    /// not grow the progress file without end.
    public static let namesKept = 64

    public init(at: Date, passed: Bool, linesOfCode: Int? = nil, medians: [String: MetricMedian]) {
        self.at = at
        self.passed = passed
        self.linesOfCode = linesOfCode
        self.medians = medians
    }

    /// The entry of `measurement`, its numbers moved into ``NumberBounds`` and at most ``namesKept`` metrics.
    public init(_ measurement: CheckMeasurement, passed: Bool, at: Date) {
        var medians: [String: MetricMedian] = [:]
        for name in measurement.medians.keys.sorted().prefix(Self.namesKept) {
            var median = measurement.medians[name]!
            median.median = NumberBounds.metricMedian.clamp(median.median.isNaN ? 0 : median.median)
            medians[name] = median
        }
        self.init(
            at: at, passed: passed, linesOfCode: measurement.linesOfCode.map(NumberBounds.count.clamp), medians: medians)
    }
}

/// A metric's dimension and median, in a ``MetricHistoryEntry``.
public struct MetricMedian: Codable, Sendable, Equatable {
    public var dimension: MetricDimension
    public var median: Double

    public init(dimension: MetricDimension, median: Double) {
        self.dimension = dimension
        self.median = median
    }
}

/// What a check measured, as a ``LearnerAction/checked(lesson:passed:contentHash:summary:measured:)``
/// carries it to the progress: the medians and the lines of code, without the values.
public struct CheckMeasurement: Sendable, Equatable {
    public var linesOfCode: Int?
    public var medians: [String: MetricMedian]

    public init(linesOfCode: Int? = nil, medians: [String: MetricMedian]) {
        self.linesOfCode = linesOfCode
        self.medians = medians
    }

    /// The measurement of `result`, or nil when it measured nothing: no step printed a metric
    /// and no ratio or bound was evaluated. Usage metrics alone (every step named `build` has
    /// them) do not make a performance check, and would fill every lesson's record.
    public init?(_ result: CheckResult) {
        let printed = result.metrics.contains { series in !UsageMetric.allCases.contains { series.name.hasSuffix("." + $0.rawValue) } }
        guard printed || !result.comparisons.isEmpty else { return nil }
        var medians: [String: MetricMedian] = [:]
        for series in result.metrics.sorted(by: { $0.name < $1.name }).prefix(MetricHistoryEntry.namesKept)
        where series.median.isFinite {
            medians[series.name] = MetricMedian(dimension: series.dimension, median: series.median)
        }
        self.init(linesOfCode: result.linesOfCode, medians: medians)
    }
}

extension [MetricHistoryEntry] {
    /// Oldest first, without repeats, the latest ``MetricHistoryEntry/kept``.
    func latest() -> [MetricHistoryEntry] {
        var unique: [MetricHistoryEntry] = []
        for entry in self.sorted(by: { $0.at < $1.at }) where !unique.contains(entry) { unique.append(entry) }
        return Array(unique.suffix(MetricHistoryEntry.kept))
    }
}
