import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

private typealias F = LessonFixture

/// A step's CPU time and peak memory: on a line under the step's in the screen's Output section and
/// in `check --verbose`, in the same words; a result saved before usage was recorded shows none.
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

    @Test func bothMediaShowTheUsageUnderTheStepLine() {
        let result = Self.result(usage: ResourceUsage(userSeconds: 0.38, systemSeconds: 0.03, peakMemoryBytes: 12_897_485))
        for lines in [ResultPresentationTests.screen(result), ResultPresentationTests.commandLine(result, verbose: true)] {
            let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
            let step = trimmed.firstIndex(of: "✗ run  exited with code 1, 0.5 s")
            #expect(step != nil, "\(lines.joined(separator: "\n"))")
            if let step {
                #expect(trimmed[step + 1] == "used: peak 12.3 MiB, CPU 0.41 s (user 0.38 + sys 0.03)", "\(lines.joined(separator: "\n"))")
            }
        }
    }

    /// The usage line fits the narrowest screen the course supports, where the step line had cut it.
    @Test func theUsageFitsEightyColumns() {
        let result = Self.result(usage: ResourceUsage(userSeconds: 12.38, systemSeconds: 3.03, peakMemoryBytes: 1_897_485_000))
        let line = ResultPresentationTests.screen(result).first { $0.contains("used: peak") }
        #expect(line != nil)
        #expect((line ?? "").count <= 80, "\(line ?? "")")
    }

    @Test func aStepWithoutUsageShowsNone() {
        let lines = ResultPresentationTests.commandLine(Self.result(usage: nil), verbose: true)
        #expect(
            lines.contains { $0.trimmingCharacters(in: .whitespaces) == "✗ run  exited with code 1, 0.5 s" },
            "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("peak") })
    }
}
