import CrucibleEngine
import Foundation

/// A check's metrics as horizontal bar charts, built once and drawn by ``ResultPresentation`` on
/// the full screen and on the command line.
///
/// Names follow `SUBJECT.QUANTITY`: the charts group by QUANTITY and draw one bar per SUBJECT,
/// scaled to the group's largest figure; a name without a dot is a group of its own, and the two
/// names of a ratio share one group however they are named (`mine`/`base`). The latency
/// percentiles (`latency_p50`, `…_p90`, `…_p99`, `…_max`) form one chart with a row of bars per
/// percentile. Under each group: its comparisons' verdicts and, given the lesson's history, how
/// each compared metric moved over the attempts.
///
/// The model takes plain values (names, dimensions, medians) so it does not care where they came from.
public struct MetricCharts: Sendable, Equatable {
    /// One name's median, in its dimension's base unit.
    public struct Figure: Sendable, Equatable {
        public var name: String
        public var dimension: MetricDimension
        public var median: Double

        public init(name: String, dimension: MetricDimension, median: Double) {
            self.name = name
            self.dimension = dimension
            self.median = median
        }
    }

    /// A ratio or bound as evaluated: what the group's verdict line says.
    public struct Comparison: Sendable, Equatable {
        public var metric: String
        /// The ratio's other name; nil for a bound.
        public var baseline: String?
        /// The measured factor of a ratio (see ``MetricDimension/higherIsBetter``).
        public var factor: Double?
        public var atLeast: Double?
        /// A bound's limit, in the metric's base unit.
        public var atMost: Double?
        public var passed: Bool
        /// The metric's median, which a bound's verdict quotes.
        public var metricMedian: Double?

        public init(
            metric: String, baseline: String? = nil, factor: Double? = nil, atLeast: Double? = nil, atMost: Double? = nil,
            passed: Bool, metricMedian: Double? = nil
        ) {
            self.metric = metric
            self.metricMedian = metricMedian
            self.baseline = baseline
            self.factor = factor
            self.atLeast = atLeast
            self.atMost = atMost
            self.passed = passed
        }
    }

    /// The same lesson in the learner's other language, e.g. "your Go": its latest passing medians by name.
    public struct Rival: Sendable, Equatable {
        public var label: String
        public var medians: [String: Double]

        public init(label: String, medians: [String: Double]) {
            self.label = label
            self.medians = medians
        }
    }

    /// Which side of a comparison a bar shows, for its colour.
    public enum Role: Sendable, Hashable {
        case measured, baseline, rival, other
    }

    public struct Bar: Sendable, Equatable {
        /// The percentile row it starts ("p50"), for a latency chart's first bar of a row.
        public var row: String?
        public var label: String
        public var value: Double
        public var text: String
        public var role: Role
    }

    public struct Group: Sendable, Equatable {
        public var title: String
        public var bars: [Bar]
        public var verdicts: [Verdict]
        /// A compared metric's medians over the attempts, oldest first, with its label and dimension.
        public var trends: [Trend]
    }

    /// "learner 0.84× baseline, needs ≥ 0.5×" and whether it held.
    public struct Verdict: Sendable, Equatable {
        public var text: String
        public var passed: Bool
    }

    public struct Trend: Sendable, Equatable {
        public var label: String
        public var dimension: MetricDimension
        public var medians: [Double]
    }

    public var groups: [Group]

    /// The quantities of resource usage the engine measures for every step; the step usage chart
    /// shows them, so the metric charts do only when a comparison asks about them.
    static let usageQuantities: Set<String> = ["wall_time", "cpu_time", "peak_memory"]

    /// `figures` grouped and scaled, with `comparisons`' verdicts; `history` holds the medians of
    /// the lesson's earlier judged checks, oldest first (a trend needs two); `rival` adds its bars.
    public init(figures: [Figure], comparisons: [Comparison], history: [[String: Double]] = [], rival: Rival? = nil) {
        let compared = Set(comparisons.flatMap { [$0.metric] + ($0.baseline.map { [$0] } ?? []) })
        let shown = figures.filter { figure in
            compared.contains(figure.name) || !Self.usageQuantities.contains(Self.split(figure.name).quantity ?? "")
        }
        // Group keys: the quantity (latency percentiles share one), or the whole name; a ratio joins its two keys.
        var keyOf: [String: String] = [:]
        for figure in shown { keyOf[figure.name] = Self.groupKey(figure.name) }
        func root(_ key: String) -> String {
            var key = key
            while let joined = merged[key], joined != key { key = joined }
            return key
        }
        var merged: [String: String] = [:]
        for comparison in comparisons {
            guard let baseline = comparison.baseline, let a = keyOf[comparison.metric], let b = keyOf[baseline] else { continue }
            let (first, second) = (root(a), root(b))
            if first != second { merged[second] = first }
        }
        var order: [String] = []
        var members: [String: [Figure]] = [:]
        for figure in shown {
            let key = root(keyOf[figure.name]!)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(figure)
        }
        let dimensions = Dictionary(figures.map { ($0.name, $0.dimension) }, uniquingKeysWith: { first, _ in first })
        groups = order.map { key in
            let figures = members[key]!
            let names = Set(figures.map(\.name))
            let keys = Set(figures.map { keyOf[$0.name]! })
            // "peak memory" for the quantity peak_memory; "mine vs base" for a ratio of unalike names.
            let title =
                keys.count == 1
                ? (figures.allSatisfy { Self.split($0.name).quantity != nil } ? key.replacingOccurrences(of: "_", with: " ") : key)
                : comparisons.first { names.contains($0.metric) && $0.baseline != nil }.map { "\($0.metric) vs \($0.baseline!)" }
                    ?? figures.map(\.name).joined(separator: " vs ")
            let mine = comparisons.filter { names.contains($0.metric) }
            var bars = Self.bars(figures, comparisons: comparisons, latency: key == "latency", rival: rival)
            if key == "latency" { bars = Self.latencyRows(bars) }
            let verdicts = mine.compactMap { Self.verdict($0, dimension: dimensions[$0.metric]) }
            let trends: [Trend] =
                history.count < 2
                ? []
                : mine.compactMap { comparison in
                    let medians = history.compactMap { $0[comparison.metric] }
                    guard medians.count >= 2, let dimension = dimensions[comparison.metric] else { return nil }
                    return Trend(label: comparison.metric, dimension: dimension, medians: medians)
                }
            return Group(title: title, bars: bars, verdicts: verdicts, trends: trends)
        }
    }

    /// `SUBJECT.QUANTITY` split at its first dot; a name without one has no quantity.
    static func split(_ name: String) -> (subject: String, quantity: String?) {
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else {
            return (name, nil)
        }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }

    /// The latency percentile a quantity names ("p50", "max"), if it is one.
    static func percentile(_ quantity: String?) -> String? {
        guard let quantity, quantity.hasPrefix("latency_") else { return nil }
        let rest = String(quantity.dropFirst("latency_".count))
        let isPercentile = rest == "max" || (rest.hasPrefix("p") && rest.count > 1 && rest.dropFirst().allSatisfy(\.isNumber))
        return isPercentile ? rest : nil
    }

    static func groupKey(_ name: String) -> String {
        let quantity = split(name).quantity
        if percentile(quantity) != nil { return "latency" }
        return quantity ?? name
    }

    private static func bars(_ figures: [Figure], comparisons: [Comparison], latency: Bool, rival: Rival?) -> [Bar] {
        // Colour by subject, so the learner's bars look alike in every group, compared or not.
        let measured = Set(comparisons.map { split($0.metric).subject })
        let baselines = Set(comparisons.compactMap { $0.baseline.map { split($0).subject } })
        // Subjects label the bars when the group shares one quantity; otherwise the whole names do.
        let oneQuantity = Set(figures.map { groupKey($0.name) }).count == 1 && figures.allSatisfy { split($0.name).quantity != nil }
        var bars: [Bar] = []
        for figure in figures {
            let parts = split(figure.name)
            let role: Role = measured.contains(parts.subject) ? .measured : baselines.contains(parts.subject) ? .baseline : .other
            let row = latency ? percentile(parts.quantity) : nil
            bars.append(
                Bar(
                    row: row, label: oneQuantity ? parts.subject : figure.name, value: figure.median,
                    text: figure.dimension.format(figure.median), role: role))
            // The rival's bar follows the learner's own: "your Go" beside "learner".
            if let rival, parts.subject == "learner", let median = rival.medians[figure.name] {
                bars.append(Bar(row: row, label: rival.label, value: median, text: figure.dimension.format(median), role: .rival))
            }
        }
        // The learner's bar first, then the other language's, then the baseline, whatever order they were printed in.
        let rank: [Role: Int] = [.measured: 0, .rival: 1, .baseline: 2, .other: 3]
        return bars.enumerated().sorted { (rank[$0.element.role]!, $0.offset) < (rank[$1.element.role]!, $1.offset) }.map(\.element)
    }

    /// A latency chart's bars ordered by percentile (p50, p90, p99, then max), subjects in their order within a row.
    private static func latencyRows(_ bars: [Bar]) -> [Bar] {
        func rank(_ row: String?) -> Double {
            guard let row else { return .infinity }
            return row == "max" ? 1000 : Double(row.dropFirst()) ?? 999
        }
        return bars.enumerated().sorted { (rank($0.element.row), $0.offset) < (rank($1.element.row), $1.offset) }.map(\.element)
    }

    /// "learner 0.84× baseline, needs ≥ 0.5×" for a ratio (the factor as the engine's messages write
    /// it); "learner.errors 3 count, needs ≤ 0 count" for a bound.
    static func verdict(_ comparison: Comparison, dimension: MetricDimension?) -> Verdict? {
        if let baseline = comparison.baseline, let factor = comparison.factor {
            let (metric, base) = (split(comparison.metric), split(baseline))
            let shared = metric.quantity != nil && metric.quantity == base.quantity
            let names = shared ? (metric.subject, base.subject) : (comparison.metric, baseline)
            let required = comparison.atLeast.map { ", needs ≥ " + MetricComparison.times($0) } ?? ""
            return Verdict(text: "\(names.0) \(MetricComparison.times(factor)) \(names.1)" + required, passed: comparison.passed)
        }
        guard let dimension, let median = comparison.metricMedian else { return nil }
        let limits = [comparison.atLeast.map { "≥ " + dimension.format($0) }, comparison.atMost.map { "≤ " + dimension.format($0) }]
        let needs = limits.compactMap { $0 }.joined(separator: " and ")
        guard !needs.isEmpty else { return nil }
        return Verdict(text: "\(comparison.metric) \(dimension.format(median)), needs \(needs)", passed: comparison.passed)
    }

    // MARK: - Step usage

    /// Each step's CPU time (user + system) and peak memory as two groups, for the steps that have usage.
    public init(stepUsage steps: [(name: String, usage: ResourceUsage)]) {
        guard !steps.isEmpty else {
            groups = []
            return
        }
        func group(_ title: String, _ dimension: MetricDimension, _ value: (ResourceUsage) -> Double) -> Group {
            let bars = steps.map { step in
                Bar(row: nil, label: step.name, value: value(step.usage), text: dimension.format(value(step.usage)), role: .other)
            }
            return Group(title: title, bars: bars, verdicts: [], trends: [])
        }
        groups = [
            group("CPU time", .time) { $0.cpuSeconds },
            group("peak memory", .bytes) { Double($0.peakMemoryBytes) },
        ]
    }

    // MARK: - Drawing

    /// What the charts are drawn with: block characters, or ASCII for a terminal whose locale is not UTF-8.
    public struct Glyphs: Sendable {
        var bar: String
        var levels: [Character]
        var atLeast: String
        var atMost: String
        var times: String
        var pass: String
        var fail: String
        var arrow: String
        /// Whether the rest (µ in "45.6 µs", names) goes through ``ASCIIFallback`` too.
        var ascii = false

        public static let unicode = Glyphs(
            bar: "█", levels: Array("▁▂▃▄▅▆▇█"), atLeast: "≥", atMost: "≤", times: "×", pass: "✓", fail: "✗", arrow: "→")
        /// `#` for bars and the digits 1 to 8 for a sparkline's levels, so no level is lost.
        public static let ascii = Glyphs(
            bar: "#", levels: Array("12345678"), atLeast: ">=", atMost: "<=", times: "x", pass: "v", fail: "x", arrow: "->", ascii: true)
    }

    /// The longest a bar is drawn: wider panels give the labels room, not longer bars.
    static let longestBar = 64

    /// The charts laid out in `width` columns (at least 40 expected): a title per group, one row per
    /// bar with its label and value, bars shrinking with the width while labels and values stay whole.
    public func lines(width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, group) in groups.enumerated() {
            if index > 0 { lines.append(StyledLine()) }
            lines.append(StyledLine(DisplayWidth.printable(group.title), style: Paint.strong))
            lines += barLines(group.bars, width: width, glyphs: glyphs)
            for verdict in group.verdicts {
                let text = glyphed(verdict.text, glyphs)
                let mark = Span(" " + (verdict.passed ? glyphs.pass : glyphs.fail), style: verdict.passed ? Paint.goodMark : Paint.badMark)
                lines += fitted(text, mark: mark, width: width)
            }
            for trend in group.trends {
                lines.append(trendLine(trend, width: width, glyphs: glyphs))
            }
        }
        guard glyphs.ascii else { return lines }
        return lines.map { StyledLine($0.spans.map { Span(ASCIIFallback.text($0.text), style: $0.style) }) }
    }

    private func glyphed(_ text: String, _ glyphs: Glyphs) -> String {
        text.replacingOccurrences(of: "≥", with: glyphs.atLeast).replacingOccurrences(of: "≤", with: glyphs.atMost)
            .replacingOccurrences(of: "×", with: glyphs.times)
    }

    /// A verdict after two spaces; when it does not fit, broken before ", needs" with the rest under it.
    private func fitted(_ text: String, mark: Span, width: Int) -> [StyledLine] {
        let whole = StyledLine([Span("  " + text), mark])
        guard whole.displayWidth > width, let cut = text.range(of: ", needs ") else { return [whole] }
        return [StyledLine("  " + text[..<cut.lowerBound] + ","), StyledLine([Span("    " + text[cut.upperBound...]), mark])]
    }

    private func barLines(_ bars: [Bar], width: Int, glyphs: Glyphs) -> [StyledLine] {
        guard !bars.isEmpty else { return [] }
        let rowWidth = bars.compactMap(\.row).map { DisplayWidth.of($0) + 1 }.max() ?? 0
        let valueWidth = bars.map { DisplayWidth.of($0.text) }.max() ?? 0
        var labelWidth = bars.map { DisplayWidth.of(DisplayWidth.printable($0.label)) }.max() ?? 0
        // indent, row, label, gap, bar, gap, value: a bar keeps at least 4 columns, taken from long labels only.
        let fixed = 2 + rowWidth + 2 + 1 + valueWidth
        labelWidth = max(4, min(labelWidth, width - fixed - 4))
        let barSpace = max(1, min(Self.longestBar, width - fixed - labelWidth))
        // A latency chart scales each percentile's row on its own: the max would dwarf p50.
        let scales = Dictionary(grouping: bars, by: { $0.row ?? "" }).mapValues { $0.map(\.value).max() ?? 0 }
        var lines: [StyledLine] = []
        var previousRow: String?
        for bar in bars {
            let largest = scales[bar.row ?? ""] ?? 0
            var length = largest > 0 ? Int((bar.value / largest * Double(barSpace)).rounded()) : 0
            if bar.value > 0 { length = max(1, length) }
            let row = bar.row.map { $0 == previousRow ? "" : $0 } ?? ""
            previousRow = bar.row
            let label = Self.cut(DisplayWidth.printable(bar.label), to: labelWidth)
            lines.append(
                StyledLine([
                    Span("  " + Self.pad(row, rowWidth) + Self.pad(label, labelWidth) + "  "),
                    Span(String(repeating: glyphs.bar, count: length), style: Self.style(bar.role)),
                    Span(String(repeating: " ", count: barSpace - length) + " "),
                    Span(String(repeating: " ", count: valueWidth - DisplayWidth.of(bar.text)) + bar.text),
                ]))
        }
        return lines
    }

    /// "learner.throughput ▂▄▆█ 900 → 1,150 req/s": the medians of the lesson's last checks, oldest
    /// first, each scaled between the lowest and the highest; the figures go when the width is short.
    private func trendLine(_ trend: Trend, width: Int, glyphs: Glyphs) -> StyledLine {
        let low = trend.medians.min() ?? 0, high = trend.medians.max() ?? 0
        let top = glyphs.levels.count - 1
        let spark = String(
            trend.medians.map { value in
                glyphs.levels[high > low ? Int(((value - low) / (high - low) * Double(top)).rounded()) : top / 2]
            })
        let label = "  " + DisplayWidth.printable(trend.label) + " over \(trend.medians.count) checks "
        let figures = " " + trend.dimension.format(trend.medians.first!) + " \(glyphs.arrow) " + trend.dimension.format(trend.medians.last!)
        let line = StyledLine([Span(label, style: Paint.quiet), Span(spark, style: Paint.advice), Span(figures, style: Paint.quiet)])
        return line.displayWidth <= width ? line : StyledLine([Span(label, style: Paint.quiet), Span(spark, style: Paint.advice)])
    }

    private static func style(_ role: Role) -> Style {
        switch role {
        case .measured: Style(foreground: .cyan)
        case .baseline: Style(foreground: .yellow)
        case .rival: Style(foreground: .magenta)
        case .other: Style(foreground: .blue)
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// `text` cut to `width` columns with "…" when longer.
    private static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept = "", used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            kept.append(character)
            used += columns
        }
        return kept + "…"
    }
}
