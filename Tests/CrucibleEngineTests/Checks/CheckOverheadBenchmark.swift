import Foundation
import Testing

@testable import CrucibleEngine

/// Engine overhead per check, for `scripts/bench-check`; skipped unless CRUCIBLE_BENCH_CHECK is set.
@Suite struct CheckOverheadBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CRUCIBLE_BENCH_CHECK"] != nil))
    func engineVersusRunningTrueDirectly() async throws {
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [CheckStep(name: "true", run: ["true"])])
        defer { lesson.remove() }
        let engine = CheckEngine(cache: nil, tools: ToolProbe(cacheFile: lesson.folder.appendingPathComponent("tools.json")))
        _ = await lesson.check(["x": ""], engine: engine)  // warm: reads `true`'s version once
        let clock = ContinuousClock()
        var checked: [Double] = [], direct: [Double] = []
        for _ in 0..<200 {
            var start = clock.now
            _ = await lesson.check(["x": ""], engine: engine)
            checked.append((clock.now - start).seconds * 1000)
            start = clock.now
            _ = await ProcessRunner().run(ProcessInvocation(executable: "true", limits: .learnerProgram))
            direct.append((clock.now - start).seconds * 1000)
        }
        let engineMedian = Metrics.median(checked), directMedian = Metrics.median(direct)
        print(
            String(
                format: "check of `true` through the engine: %.2f ms median; `true` through ProcessRunner: %.2f ms; "
                    + "engine overhead: %.2f ms (target < 10 ms)", engineMedian, directMedian, engineMedian - directMedian))
    }
}
