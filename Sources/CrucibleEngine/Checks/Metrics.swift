import Foundation

/// The metrics protocol between a check's steps and the engine, for performance checks.
///
/// A step (a hidden harness, a load generator) prints one line per measurement on stdout:
///
///     crucible-metric NAME VALUE [UNIT]
///
/// `NAME` is a word (no spaces), `VALUE` a decimal number such as `0.0123` or `1.5e-3`, and
/// `UNIT` one of ``MetricUnit``'s; without a unit the value is seconds, the protocol's first form.
/// Other lines are ignored, so a step may print what it likes around them; a line that starts
/// with `crucible-metric ` but does not parse is an error in the lesson.
///
/// Every line of every step of a check goes into one ``MetricPool``, with the usage metrics the
/// engine adds for steps named like a metric (`build.wall_time`, `server.peak_memory`): a ratio
/// or bound of a later step can compare figures printed, or used, by earlier ones.
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

    /// One parsed metric line.
    struct Line: Equatable {
        var name: String
        var dimension: MetricDimension
        var value: Double
    }

    /// Every metric line of `stdout` in order, or the first that does not parse (`strict`);
    /// lines that do not parse are left out when not `strict`.
    static func lines(in stdout: String, strict: Bool = true) -> Result<[Line], Problem> {
        var lines: [Line] = []
        var dimensions: [String: MetricDimension] = [:]
        for (index, line) in stdout.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix(prefix) {
            switch parse(line, number: index + 1, dimensions: dimensions) {
            case .success(let parsed):
                dimensions[parsed.name] = parsed.dimension
                lines.append(parsed)
            case .failure(let problem):
                if strict { return .failure(problem) }
            }
        }
        return .success(lines)
    }

    private static func parse(_ line: Substring, number: Int, dimensions: [String: MetricDimension]) -> Result<Line, Problem> {
        func problem(_ why: String) -> Problem { Problem(message: "line \(number) `\(line)`: \(why)") }
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
        if let known = dimensions[name], known != unit.dimension {
            return .failure(problem("`\(name)` was a \(known.rawValue) on an earlier line, here a \(unit.dimension.rawValue)"))
        }
        return .success(Line(name: name, dimension: unit.dimension, value: number * unit.scale))
    }

    /// Every metric line's figures by name, or the first line that does not parse or whose
    /// dimension differs from the name's earlier lines.
    static func samples(in stdout: String) -> Result<[String: Series], Problem> {
        lines(in: stdout).map { lines in
            var samples: [String: Series] = [:]
            for line in lines {
                samples[line.name, default: Series(dimension: line.dimension, values: [])].values.append(line.value)
            }
            return samples
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Whether `name` can name a metric: one word of letters, digits, `_`, `-` and `.`. A step
    /// named so gets usage metrics (`build.wall_time`).
    static func isMetricWord(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0))
            }
    }

    /// The quantities the engine and the course's shared scripts print, by the `QUANTITY` of a
    /// `SUBJECT.QUANTITY` name: what lint knows of a metric's dimension before anything runs.
    static let knownQuantities: [String: MetricDimension] = [
        UsageMetric.wallTime.rawValue: .time, UsageMetric.cpuTime.rawValue: .time, UsageMetric.peakMemory.rawValue: .bytes,
        "throughput": .rate, "latency_p50": .time, "latency_p90": .time, "latency_p99": .time, "latency_max": .time,
        "errors": .count,
    ]

    /// The dimension a name's quantity is known to have (`learner.latency_p99` is a time), or nil.
    static func knownDimension(of name: String) -> MetricDimension? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return knownQuantities[String(name[name.index(after: dot)...])]
    }
}

/// The metrics the engine adds for a step whose name is a metric word: `STEP.wall_time`,
/// `STEP.cpu_time` (user + system) and `STEP.peak_memory`.
enum UsageMetric: String, CaseIterable {
    case wallTime = "wall_time"
    case cpuTime = "cpu_time"
    case peakMemory = "peak_memory"

    var dimension: MetricDimension { self == .peakMemory ? .bytes : .time }
}

/// A step's share of a check's metrics: what it printed, and what it used.
struct MetricSource {
    var step: String
    var stdout: String
    /// Wall seconds, CPU seconds and peak bytes; nil when the step did not run.
    var wallSeconds: Double? = nil
    var usage: ResourceUsage? = nil
}

/// Every metric of a check so far, by name, in the order first seen: a name printed by several
/// steps pools their values.
struct MetricPool: Equatable {
    private(set) var names: [String] = []
    private(set) var series: [String: Metrics.Series] = [:]

    /// The pool of `sources`, or the first line that does not parse (naming its step) when
    /// `strict`; otherwise such lines are left out.
    static func collect(_ sources: [MetricSource], strict: Bool = true) -> Result<MetricPool, Metrics.Problem> {
        var pool = MetricPool()
        for source in sources {
            func problem(_ why: String) -> Metrics.Problem { Metrics.Problem(message: "step `\(source.step)`: \(why)") }
            switch Metrics.lines(in: source.stdout, strict: strict) {
            case .success(let lines):
                for line in lines {
                    if let known = pool.series[line.name]?.dimension, known != line.dimension {
                        if strict {
                            return .failure(
                                problem("`\(line.name)` is a \(line.dimension.rawValue) here but a \(known.rawValue) in an earlier step"))
                        }
                        continue
                    }
                    pool.add(line.name, line.dimension, line.value)
                }
            case .failure(let why):
                return .failure(problem(why.message))
            }
            guard Metrics.isMetricWord(source.step) else { continue }
            var figures: [(UsageMetric, Double)] = []
            if let wall = source.wallSeconds { figures.append((.wallTime, wall)) }
            if let usage = source.usage {
                figures += [(.cpuTime, usage.cpuSeconds), (.peakMemory, Double(usage.peakMemoryBytes))]
            }
            for (metric, value) in figures {
                let name = source.step + "." + metric.rawValue
                if let known = pool.series[name]?.dimension, known != metric.dimension {
                    if strict {
                        return .failure(
                            problem("`\(name)` was printed as a \(known.rawValue), but it is the step's \(metric.dimension.rawValue) usage")
                        )
                    }
                    continue
                }
                pool.add(name, metric.dimension, value)
            }
        }
        return .success(pool)
    }

    private mutating func add(_ name: String, _ dimension: MetricDimension, _ value: Double) {
        if series[name] == nil { names.append(name) }
        series[name, default: Metrics.Series(dimension: dimension, values: [])].values.append(value)
    }

    /// Every metric, for the result.
    var all: [MetricSeries] {
        names.map { name in
            let figures = series[name]!
            return MetricSeries(name: name, dimension: figures.dimension, values: figures.values, median: Metrics.median(figures.values))
        }
    }

    /// The figures of `name`, or why there are none.
    func figures(_ name: String) -> Result<Metrics.Series, Metrics.Problem> {
        if let found = series[name], !found.values.isEmpty { return .success(found) }
        let usage = UsageMetric.allCases.first { name.hasSuffix("." + $0.rawValue) }
        let hint =
            usage.map { _ in
                "; usage metrics are measured for steps named like `\(name.split(separator: ".").dropLast().joined(separator: "."))`"
            }
            ?? ""
        return .failure(
            Metrics.Problem(message: "no step printed a `crucible-metric \(name) VALUE [UNIT]` line before this expectation\(hint)"))
    }

    /// Evaluates a ratio: the measured factor against `atLeast`.
    func compare(_ ratio: RatioExpectation) -> Result<MetricComparison, Metrics.Problem> {
        let metric: Metrics.Series, baseline: Metrics.Series
        switch (figures(ratio.metric), figures(ratio.baseline)) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        case (.success(let found), .success(let base)): (metric, baseline) = (found, base)
        }
        guard metric.dimension == baseline.dimension else {
            return .failure(
                Metrics.Problem(
                    message: "`\(ratio.metric)` is a \(metric.dimension.rawValue) metric but `\(ratio.baseline)` a "
                        + "\(baseline.dimension.rawValue) one; a ratio compares two metrics of one kind"))
        }
        let metricMedian = Metrics.median(metric.values), baselineMedian = Metrics.median(baseline.values)
        let factor = MetricComparison.factor(metric: metricMedian, baseline: baselineMedian, dimension: metric.dimension)
        return .success(
            MetricComparison(
                kind: .ratio, metric: ratio.metric, dimension: metric.dimension, metricMedian: metricMedian,
                baseline: ratio.baseline, baselineMedian: baselineMedian, factor: factor, atLeast: ratio.atLeast,
                passed: factor >= ratio.atLeast))
    }

    /// Evaluates a bound on a bytes or count metric's median.
    func compare(_ bound: BoundExpectation) -> Result<MetricComparison, Metrics.Problem> {
        let metric: Metrics.Series
        switch figures(bound.metric) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): metric = found
        }
        guard metric.dimension.acceptsBounds else {
            return .failure(
                Metrics.Problem(message: "`\(bound.metric)` is a \(metric.dimension.rawValue) metric: \(BoundExpectation.whyNoTimes)"))
        }
        if let unit = bound.unitDimension, unit != metric.dimension {
            return .failure(
                Metrics.Problem(
                    message: "`\(bound.metric)` is a \(metric.dimension.rawValue) metric, but its bound is given in \(unit.rawValue)"))
        }
        let median = Metrics.median(metric.values)
        let passed = (bound.atMost.map { median <= $0 } ?? true) && (bound.atLeast.map { median >= $0 } ?? true)
        return .success(
            MetricComparison(
                kind: .bound, metric: bound.metric, dimension: metric.dimension, metricMedian: median, atLeast: bound.atLeast,
                atMost: bound.atMost, passed: passed))
    }
}

/// What a metric measures; its figures are kept in the dimension's base unit.
public enum MetricDimension: String, Codable, Sendable, Equatable, CaseIterable {
    /// Seconds; lower is better.
    case time
    /// Bytes; lower is better.
    case bytes
    /// A plain number (allocations, collections, errors); lower is better.
    case count
    /// Events per second; higher is better.
    case rate

    /// Whether more of it is better: only for rates.
    public var higherIsBetter: Bool { self == .rate }

    /// Whether an absolute bound may judge it: bytes and counts are the program's own; times
    /// and rates depend on the machine and its load.
    var acceptsBounds: Bool { self == .bytes || self == .count }

    /// A figure in base units for people: "2.50 ms", "48.0 MiB", "5,231", "10,050 req/s".
    public func format(_ value: Double) -> String {
        switch self {
        case .time:
            for (unit, scale) in [("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)] where value >= scale {
                return Self.significant(value / scale) + " " + unit
            }
            return value == 0 ? "0 s" : Self.significant(value / 1e-9) + " ns"
        case .bytes:
            for (unit, scale) in [("GiB", 1_073_741_824.0), ("MiB", 1_048_576.0), ("KiB", 1024.0)] where value >= scale {
                return String(format: "%.1f %@", value / scale, unit)
            }
            return "\(Int(value.rounded())) B"
        case .count: return value >= 100 || value == value.rounded() ? Self.grouped(value) : Self.significant(value)
        case .rate: return (value >= 100 ? Self.grouped(value) : Self.significant(value)) + " req/s"
        }
    }

    /// Three significant figures: "2.50", "31.2", "312".
    private static func significant(_ value: Double) -> String {
        if value >= 100 { return grouped(value) }
        return String(format: value >= 10 ? "%.1f" : "%.2f", value)
    }

    /// A whole number with thousands separators: "10,050".
    private static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var result = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return String(result.reversed())
    }
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

    /// A figure with a unit, `64 MiB` or `1.5 GB` (the space optional), or nil.
    static func quantity(_ text: String) -> (value: Double, unit: MetricUnit)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let split = trimmed.firstIndex(where: { !($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") })
        else { return nil }
        let number = trimmed[..<split], unitName = trimmed[split...].trimmingCharacters(in: .whitespaces)
        guard let value = Double(number), value.isFinite, value >= 0, let unit = named(unitName) else { return nil }
        return (value * unit.scale, unit)
    }
}

/// A metric's figures from one check: every value in base units, in the order measured, and their median.
public struct MetricSeries: Codable, Sendable, Equatable {
    public var name: String
    public var dimension: MetricDimension
    public var values: [Double]
    public var median: Double

    public init(name: String, dimension: MetricDimension, values: [Double], median: Double) {
        self.name = name
        self.dimension = dimension
        self.values = values
        self.median = median
    }
}

/// One evaluated `ratio` or `bound` of a check, passed or not.
public struct MetricComparison: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case ratio, bound
    }

    public var kind: Kind
    public var metric: String
    /// The dimension of `metric` (and of `baseline`).
    public var dimension: MetricDimension
    /// The median of `metric`, in base units.
    public var metricMedian: Double
    /// A ratio's baseline metric and its median.
    public var baseline: String?
    public var baselineMedian: Double?
    /// A ratio's measured factor, how many times better than the baseline: `metric / baseline`
    /// for rates, `baseline / metric` for times, bytes and counts.
    public var factor: Double?
    /// A ratio's required factor, or a bound's lowest median allowed.
    public var atLeast: Double?
    /// A bound's highest median allowed.
    public var atMost: Double?
    public var passed: Bool

    public init(
        kind: Kind, metric: String, dimension: MetricDimension, metricMedian: Double, baseline: String? = nil,
        baselineMedian: Double? = nil, factor: Double? = nil, atLeast: Double? = nil, atMost: Double? = nil, passed: Bool
    ) {
        self.kind = kind
        self.metric = metric
        self.dimension = dimension
        self.metricMedian = metricMedian
        self.baseline = baseline
        self.baselineMedian = baselineMedian
        self.factor = factor
        self.atLeast = atLeast
        self.atMost = atMost
        self.passed = passed
    }

    /// How many times better `metric` is than `baseline`. A zero in the denominator counts as
    /// infinitely better (a timer that could not resolve the work); two zeros as equal.
    static func factor(metric: Double, baseline: Double, dimension: MetricDimension) -> Double {
        let (numerator, denominator) = dimension.higherIsBetter ? (metric, baseline) : (baseline, metric)
        if denominator > 0 { return numerator / denominator }
        return numerator > 0 ? .greatestFiniteMagnitude : 1
    }

    /// The failure reason when it does not hold: too slow for times and rates, over budget for bytes and counts.
    public var failureReason: FailureReason {
        kind == .ratio && (dimension == .time || dimension == .rate) ? .tooSlow : .overBudget
    }

    /// One sentence for people: "learner.throughput was 0.31× baseline.throughput (3,120 vs
    /// 10,050 req/s), needs at least 0.5×", "learner.peak_memory was 80.0 MiB, needs at most 64.0 MiB".
    public var summary: String {
        switch kind {
        case .ratio:
            let measured = factor.map(Self.times) ?? "?"
            let comparative =
                switch dimension {
                case .rate: ""
                case .time: "as fast as "
                case .bytes, .count: "as lean as "
                }
            let figures = "\(dimension.format(metricMedian)) vs \(baselineMedian.map(dimension.format) ?? "?")"
            let lowerIsBetter = dimension.higherIsBetter || dimension == .time ? "" : ", lower is better"
            return "\(metric) was \(measured) \(comparative)\(baseline ?? "?") (\(figures)\(lowerIsBetter)), "
                + "needs at least \(atLeast.map(Self.times) ?? "?")"
        case .bound:
            let limits = [atMost.map { "at most \(dimension.format($0))" }, atLeast.map { "at least \(dimension.format($0))" }]
                .compactMap { $0 }.joined(separator: " and ")
            return "\(metric) was \(dimension.format(metricMedian)), needs \(limits)"
        }
    }

    /// "0.31×", "5×", "12.5×".
    static func times(_ factor: Double) -> String {
        if factor >= 1e6 { return "over 1,000,000×" }
        let text = factor >= 10 ? String(format: "%.1f", factor) : String(format: "%.2f", factor)
        let trimmed = text.contains(".") ? String(text.reversingTrimmed()) : text
        return trimmed + "×"
    }
}

extension String {
    /// Without trailing zeros after the decimal point, nor a trailing point: "0.50" → "0.5", "5.00" → "5".
    fileprivate func reversingTrimmed() -> Substring {
        var text = Substring(self)
        while text.hasSuffix("0") { text = text.dropLast() }
        if text.hasSuffix(".") { text = text.dropLast() }
        return text
    }
}
