import Foundation

// The reading side of `LessonProgress.metricHistory` as the arena contract fixes it
// (/work/briefs/a16/contract.md, "Result model"); the engine branch writes it after each judged check.

/// One judged code check that produced metrics.
public struct MetricHistoryEntry: Codable, Sendable, Equatable {
    public var at: Date
    public var passed: Bool
    /// Non-blank lines of the learner's files, when the check counted them.
    public var linesOfCode: Int?
    /// Each metric's median by name, such as `learner.throughput`.
    public var medians: [String: MetricMedian]

    public init(at: Date, passed: Bool, linesOfCode: Int? = nil, medians: [String: MetricMedian]) {
        self.at = at
        self.passed = passed
        self.linesOfCode = linesOfCode
        self.medians = medians
    }
}

/// A metric's median in its dimension's base unit (s, B, count, req/s).
public struct MetricMedian: Codable, Sendable, Equatable {
    public var dimension: MetricDimension
    public var median: Double

    public init(dimension: MetricDimension, median: Double) {
        self.dimension = dimension
        self.median = median
    }
}
