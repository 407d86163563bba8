import Foundation

/// What the scoreboard shows, decided once from the course's `scoreboard` and the learner's progress:
/// per task, each language's latest passing measurement, set side by side under the claims people
/// make about the languages ("faster", "leaner", …) with the measured answer to each.
///
/// The screen and `crucible scoreboard` only lay this out; neither decides a winner.
public struct ScoreboardStandings: Sendable, Equatable, Codable {
    public var title: String
    /// The languages compared, in the order the scoreboard first names them.
    public var languages: [String]
    public var tasks: [ScoreboardTaskStandings]
    /// Said once wherever the scoreboard is shown: what its figures are and are not.
    public var caveat: String
    /// Said when nothing is measured yet: which lessons fill the scoreboard.
    public var emptyNote: String

    /// Whether no task has a measured figure for any language.
    public var isEmpty: Bool

    public static let caveat =
        "These are your own solutions measured on this machine, not a law about the languages: "
        + "another program or another machine can answer differently."

    /// A wider winner margin than 10% counts; within it the row is a tie (runs on a busy machine vary).
    public static let tieMargin = 1.1

    /// The standings of `scoreboard` from `progress` (`nil` progress: nothing measured yet).
    public init(_ scoreboard: Scoreboard, progress: CourseProgress?) {
        title = scoreboard.title
        languages = scoreboard.languages
        tasks = scoreboard.tasks.map { ScoreboardTaskStandings($0, progress: progress) }
        isEmpty = tasks.allSatisfy { $0.measuredLanguages.isEmpty }
        caveat = Self.caveat
        let lessons = scoreboard.tasks.flatMap { $0.lessons.map(\.lessonID) }
        emptyNote =
            "Nothing measured yet. Pass the lessons "
            + lessons.map { "\(quoted: $0)" }.joined(separator: ", ")
            + " and each one's latest passing check fills its column here."
    }
}

/// One task's figures: a column per language and rows grouped under claims.
public struct ScoreboardTaskStandings: Sendable, Equatable, Codable {
    public var task: String
    /// The language of each column, with its lesson.
    public var lessons: [ScoreboardTask.Entry]
    /// The languages with a passing measurement.
    public var measuredLanguages: [String]
    public var claims: [ScoreboardClaim]

    init(_ task: ScoreboardTask, progress: CourseProgress?) {
        self.task = task.name
        lessons = task.lessons
        var latest: [String: (entry: MetricHistoryEntry, attempts: Int)] = [:]
        for lesson in task.lessons {
            guard let record = progress?.lessons[lesson.lessonID],
                let entry = record.metricHistory.last(where: \.passed)
            else { continue }
            latest[lesson.language] = (entry, record.attempts)
        }
        measuredLanguages = task.lessons.map(\.language).filter { latest[$0] != nil }
        claims = ScoreboardMeasure.claims.map { claim in
            ScoreboardClaim(
                claim: claim.name,
                rows: claim.measures.map { measure in
                    let values = task.lessons.map { lesson in
                        latest[lesson.language].flatMap { measure.value($0.entry, $0.attempts) }
                    }
                    return ScoreboardRow(measure: measure, languages: task.lessons.map(\.language), values: values)
                })
        }
    }
}

/// A claim such as "faster" and the rows that answer it.
public struct ScoreboardClaim: Sendable, Equatable, Codable {
    public var claim: String
    public var rows: [ScoreboardRow]
}

/// One measure of a task: each language's figure and which language it favours.
public struct ScoreboardRow: Sendable, Equatable, Codable {
    /// Such as "throughput".
    public var measure: String
    /// How its figures read, for formatting.
    public var unit: ScoreboardMeasure.Unit
    /// Whether more is better.
    public var higherIsBetter: Bool
    /// One per language of the task, in the task's order; `nil` where that language is not measured.
    public var values: [Figure]
    public var verdict: ScoreboardVerdict
    /// The verdict as people read it: "Rust, 1.8×".
    public var answer: String

    public struct Figure: Sendable, Equatable, Codable {
        public var language: String
        public var value: Double?
        /// The value as people read it ("12,030 req/s", "4.2 MiB"), or "–" when not measured.
        public var text: String
    }

    init(measure: ScoreboardMeasure, languages: [String], values: [Double?]) {
        self.measure = measure.name
        unit = measure.unit
        higherIsBetter = measure.higherIsBetter
        self.values = zip(languages, values).map { Figure(language: $0, value: $1, text: $1.map(measure.unit.text) ?? "–") }
        verdict = ScoreboardVerdict(languages: languages, values: values, higherIsBetter: measure.higherIsBetter)
        answer = verdict.text
    }
}

/// The measured answer of a row.
public enum ScoreboardVerdict: Sendable, Equatable, Codable {
    /// A language lacks a figure.
    case notMeasured
    /// The best and the runner-up are within ``ScoreboardStandings/tieMargin``.
    case tie
    /// `language` is better than the runner-up by `factor` (≥ the tie margin).
    case ahead(language: String, factor: Double)

    init(languages: [String], values: [Double?], higherIsBetter: Bool) {
        let known = values.compactMap { $0 }
        guard languages.count >= 2, known.count == values.count else {
            self = .notMeasured
            return
        }
        // Best first; a factor compares it with the runner-up.
        let ranked = zip(languages, known).sorted { higherIsBetter ? $0.1 > $1.1 : $0.1 < $1.1 }
        let best = ranked[0].1, next = ranked[1].1
        let factor: Double
        if best == next {
            factor = 1
        } else if higherIsBetter {
            factor = next > 0 ? best / next : .infinity
        } else {
            factor = best > 0 ? next / best : .infinity
        }
        self = factor < ScoreboardStandings.tieMargin ? .tie : .ahead(language: ranked[0].0, factor: factor)
    }

    /// "Rust, 1.8×", "a tie (within 10%)", "not measured yet".
    public var text: String {
        switch self {
        case .notMeasured: return "not measured yet"
        case .tie: return "a tie (within 10%)"
        case .ahead(let language, let factor):
            let name = ScoreboardMeasure.displayName(language)
            guard factor.isFinite else { return "\(name), by far" }
            return factor < 10 ? String(format: "%@, %.1f×", name, factor) : String(format: "%@, %.0f×", name, factor)
        }
    }
}

/// A measure the scoreboard reads from a passing history entry.
public struct ScoreboardMeasure: Sendable {
    public var name: String
    public var unit: Unit
    public var higherIsBetter: Bool
    /// The figure from an entry and the lesson's attempts; `nil` when the entry lacks it.
    var value: @Sendable (MetricHistoryEntry, Int) -> Double?

    /// How a figure reads.
    public enum Unit: String, Sendable, Equatable, Codable {
        case seconds, bytes, count, perSecond, factor

        /// "12,030 req/s", "850 µs", "4.2 MiB", "113", "2.4×": a metric's figure as the check's messages write it.
        public func text(_ value: Double) -> String {
            switch self {
            case .seconds: MetricDimension.time.format(value)
            case .bytes: MetricDimension.bytes.format(value)
            // Attempts and lines of code: a plain number, without the metrics' "count".
            case .count: MetricDimension.number(value)
            case .perSecond: MetricDimension.rate.format(value)
            case .factor: String(format: "%.1f×", value)
            }
        }
    }

    static func metric(_ name: String, _ label: String, _ unit: Unit, higherIsBetter: Bool = false) -> ScoreboardMeasure {
        ScoreboardMeasure(name: label, unit: unit, higherIsBetter: higherIsBetter) { entry, _ in entry.medians[name]?.median }
    }

    /// The claims and their rows, in the order shown.
    static let claims: [(name: String, measures: [ScoreboardMeasure])] = [
        (
            "faster",
            [
                metric("learner.throughput", "throughput", .perSecond, higherIsBetter: true),
                metric("learner.latency_p50", "p50 latency", .seconds),
            ]
        ),
        ("leaner", [metric("learner.peak_memory", "peak memory", .bytes), metric("learner.cpu_time", "CPU time", .seconds)]),
        (
            "steadier latency",
            [
                metric("learner.latency_p99", "p99 latency", .seconds),
                ScoreboardMeasure(name: "p99 / p50", unit: .factor, higherIsBetter: false) { entry, _ in
                    guard let p99 = entry.medians["learner.latency_p99"]?.median,
                        let p50 = entry.medians["learner.latency_p50"]?.median, p50 > 0
                    else { return nil }
                    return p99 / p50
                },
            ]
        ),
        (
            "simpler to write",
            [
                ScoreboardMeasure(name: "lines of code", unit: .count, higherIsBetter: false) { entry, _ in
                    entry.linesOfCode.map(Double.init)
                },
                ScoreboardMeasure(name: "attempts", unit: .count, higherIsBetter: false) { _, attempts in Double(attempts) },
                metric("build.wall_time", "build time", .seconds),
            ]
        ),
    ]

    /// "Go", "Rust", "C", "Swift": a language key as a name.
    public static func displayName(_ language: String) -> String {
        language == "c" ? "C" : language.prefix(1).uppercased() + language.dropFirst()
    }
}
