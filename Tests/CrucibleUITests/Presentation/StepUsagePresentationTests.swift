import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

private typealias F = LessonFixture

/// Each step's CPU time and peak memory: charted at the top of the screen's Output section and of
/// `check --verbose`, in the same words; a result saved before usage was recorded shows none.
@Suite struct StepUsagePresentationTests {
    static func result(usage: ResourceUsage?) -> CheckResult {
        var result = CheckResult(
            lessonID: F.code.id, outcome: .failed, reason: .exitStatus, message: "expected exit status 0, but it exited with 1")
        var run = F.step(
            name: "run", command: ["./app"], exitCode: 1, signal: nil, termination: "exited with code 1", duration: 0.5,
            stdout: "", stderr: "", passed: false)
        run.usage = usage
        result.steps = [run]
        return result
    }

    @Test func bothMediaChartTheUsageAboveTheSteps() {
        let result = Self.result(usage: ResourceUsage(userSeconds: 0.38, systemSeconds: 0.03, peakMemoryBytes: 12_897_485))
        for lines in [ResultPresentationTests.screen(result), ResultPresentationTests.commandLine(result, verbose: true)] {
            let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
            let cpu = trimmed.firstIndex(of: "CPU time"), memory = trimmed.firstIndex(of: "peak memory")
            let step = trimmed.firstIndex(of: "✗ run  exited with code 1, 0.5 s")
            #expect(cpu != nil && memory != nil && step != nil, "\(lines.joined(separator: "\n"))")
            if let cpu, let memory, let step {
                #expect(cpu < memory && memory < step)
                #expect(trimmed[cpu + 1].hasPrefix("run   █") && trimmed[cpu + 1].hasSuffix(" 410 ms"), "\(trimmed[cpu + 1])")
                #expect(trimmed[memory + 1].hasPrefix("run   █") && trimmed[memory + 1].hasSuffix(" 12.3 MiB"), "\(trimmed[memory + 1])")
            }
            // Said once: the chart replaced the old "used: …" line under the step.
            #expect(!lines.contains { $0.contains("used:") })
        }
    }

    /// The usage chart fits the narrowest screen the course supports.
    @Test func theUsageFitsEightyColumns() {
        var result = Self.result(usage: ResourceUsage(userSeconds: 12.38, systemSeconds: 3.03, peakMemoryBytes: 1_897_485_000))
        result.steps[0].name = "a-step-with-a-long-name"
        var activity = LessonActivity()
        activity.result = result
        let lines = ResultPresentation(result, lesson: F.code, medium: .screen(width: 80, theme: .standard, activity: activity)).lines
        let usage = lines.filter { $0.plainText.contains("a-step-with-a-long-name  █") }
        #expect(usage.count == 2)
        #expect(lines.allSatisfy { $0.displayWidth <= 80 }, "\(lines.map(\.plainText))")
    }

    @Test func aStepWithoutUsageShowsNone() {
        let lines = ResultPresentationTests.commandLine(Self.result(usage: nil), verbose: true)
        #expect(
            lines.contains { $0.trimmingCharacters(in: .whitespaces) == "✗ run  exited with code 1, 0.5 s" },
            "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("peak") })
    }
}
