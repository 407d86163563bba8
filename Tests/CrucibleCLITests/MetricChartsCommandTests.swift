import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check` on a lesson whose harness prints metrics draws them as bars, in block
/// characters under a UTF-8 locale and in ASCII outside one.
@Suite struct MetricChartsCommandTests {
    /// A course whose one code lesson's step prints fixed `crucible-metric` lines, which `expect` compares.
    static func course(metrics: [String], expect: String) throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        let lesson = root.appendingPathComponent("01-t/01-l")
        for sub in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: lesson.appendingPathComponent(sub), withIntermediateDirectories: true)
            try "".write(to: lesson.appendingPathComponent("\(sub)/x.txt"), atomically: true, encoding: .utf8)
        }
        try "id: charts-course\ntitle: Charts\nwelcome: Hello.\n".write(
            to: root.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: t\ntitle: T\nsummary: One lesson.\n".write(
            to: root.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
        let script = metrics.map { "echo crucible-metric \($0)" }.joined(separator: "; ")
        try """
        ---
        id: t.measure
        title: Measure it
        kind: code
        code:
          language: text
          starter: [x.txt]
          solution: [x.txt]
          starterPasses: true
          steps:
            - name: load
              run: [sh, -c, "\(script)"]
              expect:
        \(expect)
        ---
        Measure.

        """.write(to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        return root
    }

    static func environment(_ state: URL, locale: String = "C.UTF-8") -> [String: String] {
        [
            "LANG": locale, "LC_ALL": locale, "COLUMNS": "80",
            "XDG_CACHE_HOME": state.appendingPathComponent("cache").path,
            "CRUCIBLE_WORKSPACE": state.appendingPathComponent("workspace").path,
            "CRUCIBLE_PROGRESS": state.appendingPathComponent("progress.json").path,
        ]
    }

    /// The chart under a group's title: the lines after `title` up to the blank line or the end of the body.
    static func chart(_ stdout: String, after title: String) -> [String] {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "  " + title) else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("    ") })
    }

    @Test func aTimeRatioIsDrawnAsBarsWithItsVerdict() throws {
        let course = try Self.course(
            metrics: ["learner 0.002", "baseline 0.010", "learner 0.003", "baseline 0.011"],
            expect: "        ratio: { metric: learner, baseline: baseline, atLeast: 2 }")
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course); try? FileManager.default.removeItem(at: state) }
        let run = try CrucibleRunner.run(["check", "--lessons", course.path, "t.measure"], environment: Self.environment(state))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let chart = Self.chart(run.stdout, after: "learner vs baseline")
        let rows = chart.prefix(2)
        #expect(chart.count == 3, "\(run.stdout)")
        #expect(rows.first?.hasPrefix("    learner   █") == true && rows.first?.hasSuffix(" 2.50 ms") == true, "\(run.stdout)")
        #expect(rows.last?.hasPrefix("    baseline  █") == true && rows.last?.hasSuffix(" 10.5 ms") == true, "\(run.stdout)")
        #expect(chart.last == "    learner 4.2× baseline, needs ≥ 2× ✓", "\(run.stdout)")
        for line in chart { #expect(line.count <= 80, "\(line)") }
    }

    @Test func outsideAUTF8LocaleTheBarsAreASCII() throws {
        let course = try Self.course(
            metrics: ["learner 0.002", "baseline 0.010"],
            expect: "        ratio: { metric: learner, baseline: baseline, atLeast: 2 }")
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course); try? FileManager.default.removeItem(at: state) }
        let run = try CrucibleRunner.run(
            ["check", "--lessons", course.path, "t.measure"], environment: Self.environment(state, locale: "C"))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(run.stdout)")
        let chart = Self.chart(run.stdout, after: "learner vs baseline")
        #expect(chart.first?.hasPrefix("    learner   #") == true, "\(run.stdout)")
        #expect(run.stdout.contains("  learner 5x baseline, needs >= 2x v"), "\(run.stdout)")
    }

    /// The arena's figures: throughput compared by ratio, errors bounded, the percentiles in one chart.
    @Test func anArenaLoadIsDrawnByQuantity() throws {
        let course = try Self.course(
            metrics: [
                "learner.throughput 900 req/s", "baseline.throughput 1000 req/s", "learner.errors 0 count",
                "learner.latency_p50 1.5 ms", "baseline.latency_p50 1 ms", "learner.latency_p99 9 ms", "baseline.latency_p99 3 ms",
            ],
            expect: """
                        ratio: { metric: learner.throughput, baseline: baseline.throughput, atLeast: 0.5 }
                        bounds: { metric: learner.errors, atMost: 0 }
                """)
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course); try? FileManager.default.removeItem(at: state) }
        let run = try CrucibleRunner.run(["check", "--lessons", course.path, "t.measure"], environment: Self.environment(state))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let throughput = Self.chart(run.stdout, after: "throughput")
        #expect(throughput.count == 3, "\(run.stdout)")
        #expect(
            throughput.first?.hasPrefix("    learner   █") == true && throughput.first?.hasSuffix("  900 req/s") == true, "\(run.stdout)")
        #expect(throughput.dropFirst().first?.hasSuffix(" 1,000 req/s") == true, "\(run.stdout)")
        #expect(throughput.last == "    learner 0.9× baseline, needs ≥ 0.5× ✓", "\(run.stdout)")
        let latency = Self.chart(run.stdout, after: "latency")
        #expect(latency.map { $0.prefix(8) } == ["    p50 ", "        ", "    p99 ", "        "], "\(run.stdout)")
        #expect(Self.chart(run.stdout, after: "errors").last == "    learner.errors 0 count, needs ≤ 0 count ✓", "\(run.stdout)")
        // The step's own usage metrics are not compared, so the metric charts leave them out.
        #expect(!run.stdout.contains("load.cpu_time") && !run.stdout.contains("wall time"), "\(run.stdout)")
    }
}
