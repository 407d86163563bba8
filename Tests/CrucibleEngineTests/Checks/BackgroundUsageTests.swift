import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// Usage metrics of background steps: live from /proc while they run, so a later step can
/// compare two servers' memory, and their peak read just before they are stopped.
@Suite struct BackgroundUsageTests {
    /// Holds about 52 MiB: `tail` keeps the 50 MiB it read (there is no newline in it) while it
    /// waits to write to a reader that never reads; "up" once the allocation is done.
    static let hog = CheckStep(
        name: "hog", run: ["sh", "-c", "head -c 50M /dev/zero | tail | { head -c 1 >/dev/null; echo up; sleep 60; }"], timeout: 10
    )
    .inBackground(ready: .stdout("^up$"))
    /// A shell and a sleep: one or two MiB.
    static let idle = CheckStep(name: "idle", run: ["sh", "-c", "echo up; sleep 60"], timeout: 10)
        .inBackground(ready: .stdout("^up$"))

    static func check(_ expect: StepExpectation) async throws -> CheckResult {
        let lesson = try TemporaryLesson(
            starter: ["x": ""], steps: [hog, idle, CheckStep(name: "compare", run: ["true"], expect: expect)])
        defer { lesson.remove() }
        return await lesson.check(["x": ""])
    }

    @Test func aLaterStepComparesTheLivePeaksOfRunningServers() async throws {
        let mebibyte = 1_048_576.0
        let result = try await Self.check(
            StepExpectation(
                ratios: [RatioExpectation(metric: "idle.peak_memory", baseline: "hog.peak_memory", atLeast: 10)],
                bounds: [
                    BoundExpectation(metric: "hog.peak_memory", atLeast: 45 * mebibyte),
                    BoundExpectation(metric: "idle.peak_memory", atMost: 10 * mebibyte),
                ]))
        #expect(result.outcome == .passed, "\(result.message)")
        let live = try #require(result.comparisons.first)
        #expect(live.metricMedian < 10 * mebibyte, "\(live)")
        #expect(live.baselineMedian ?? 0 > 45 * mebibyte, "\(live)")

        // The final report: each service's peak is its group's VmHWM before the SIGTERM, so the idle
        // one has no floor inherited from the test process at fork.
        let hog = try #require(result.steps.first { $0.name == "hog" }?.usage)
        let idle = try #require(result.steps.first { $0.name == "idle" }?.usage)
        #expect(Double(hog.peakMemoryBytes) > 45 * mebibyte, "\(hog)")
        #expect(Double(idle.peakMemoryBytes) < 10 * mebibyte, "\(idle)")
        #expect(result.metrics.first { $0.name == "hog.peak_memory" }?.values == [Double(hog.peakMemoryBytes)])
        let wall = try #require(result.metrics.first { $0.name == "hog.wall_time" })
        #expect(wall.dimension == .time)
        #expect(wall.median > 0)
        #expect(result.metrics.contains { $0.name == "idle.cpu_time" })
    }

    @Test func theServerThatHoldsMoreMemoryIsOverBudget() async throws {
        let result = try await Self.check(
            StepExpectation(ratios: [RatioExpectation(metric: "hog.peak_memory", baseline: "idle.peak_memory", atLeast: 0.5)]))
        #expect(result.outcome == .failed)
        #expect(result.reason == .overBudget)
        #expect(result.failedStep == "compare")
        #expect(result.message.hasPrefix("hog.peak_memory was 0.0"), "\(result.message)")
        #expect(result.message.hasSuffix("lower is better), needs at least 0.5×"), "\(result.message)")
    }
}
