import Foundation

/// The metrics protocol between a hidden harness and the engine, for performance checks.
///
/// The harness times the baseline and the learner's code in the same run, several times
/// each, and prints one line per repetition on stdout:
///
///     crucible-metric NAME SECONDS
///
/// `NAME` is a word (no spaces) and `SECONDS` a decimal number such as `0.0123` or `1.5e-3`.
/// The engine takes the median of each name's figures and computes
/// `speedup = median(baseline) / median(metric)`, which must be at least `atLeast`: 5 means
/// the learner's code must be five times as fast as the baseline, 0.5 that it may be at most
/// twice as slow. Other lines are ignored, so the harness may print what it likes around them.
enum Metrics {
    static let prefix = "crucible-metric "

    /// Every metric line's figures, by name, in the order printed.
    static func samples(in stdout: String) -> [String: [Double]] {
        var samples: [String: [Double]] = [:]
        for line in stdout.split(separator: "\n") where line.hasPrefix(prefix) {
            let fields = line.dropFirst(prefix.count).split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2, let value = Double(fields[1]), value.isFinite, value >= 0 else { continue }
            samples[String(fields[0]), default: []].append(value)
        }
        return samples
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    struct Problem: Error {
        var message: String
    }

    /// The ratio figures for `ratio`, or why they cannot be computed.
    static func measure(_ ratio: RatioExpectation, stdout: String) -> Result<RatioMeasurement, Problem> {
        let samples = self.samples(in: stdout)
        for name in [ratio.metric, ratio.baseline] where samples[name, default: []].isEmpty {
            return .failure(Problem(message: "the harness printed no `crucible-metric \(name) SECONDS` line"))
        }
        let metric = median(samples[ratio.metric]!), baseline = median(samples[ratio.baseline]!)
        // A zero median means the timer could not resolve the work: count it as infinitely fast.
        let speedup = metric > 0 ? baseline / metric : .greatestFiniteMagnitude
        return .success(
            RatioMeasurement(
                metric: ratio.metric, baseline: ratio.baseline, metricMedian: metric, baselineMedian: baseline,
                speedup: speedup, required: ratio.atLeast,
                metricSamples: samples[ratio.metric]!.count, baselineSamples: samples[ratio.baseline]!.count))
    }
}
