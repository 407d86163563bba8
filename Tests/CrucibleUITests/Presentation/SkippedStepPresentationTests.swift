import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

private typealias F = LessonFixture

/// An optional step skipped because its tool is missing: both media say which and why, whether
/// the check passed or failed, and the steps line marks it as skipped rather than passed.
@Suite struct SkippedStepPresentationTests {
    static let note = "optional step `lint` skipped: `clippy-driver` is not installed"

    static func result(passed: Bool) -> CheckResult {
        var result = CheckResult(
            lessonID: F.code.id, outcome: passed ? .passed : .failed, reason: passed ? nil : .exitStatus,
            message: passed ? "every step that ran passed" : "expected exit status 0, but it exited with 1")
        var lint = F.step(
            name: "lint", command: ["clippy-driver", "main.rs"], exitCode: nil, signal: nil,
            termination: "skipped: `clippy-driver` is not installed", duration: 0, stdout: "", stderr: "", passed: true)
        lint.skipped = "`clippy-driver` is not installed"
        let test = F.step(
            name: "test", command: ["./app"], exitCode: passed ? 0 : 1, signal: nil,
            termination: passed ? "exited with code 0" : "exited with code 1", duration: 0.25, stdout: "", stderr: "",
            passed: passed)
        result.steps = [lint, test]
        return result
    }

    @Test(arguments: [true, false])
    func bothMediaNameTheSkippedStepAndWhy(passed: Bool) {
        let result = Self.result(passed: passed)
        #expect(result.notes == [Self.note])
        let screen = ResultPresentationTests.screen(result).map { $0.trimmingCharacters(in: .whitespaces) }
        let commandLine = ResultPresentationTests.commandLine(result).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(screen.contains(Self.note), "\(screen.joined(separator: "\n"))")
        #expect(commandLine.contains(Self.note), "\(commandLine.joined(separator: "\n"))")
        #expect(
            commandLine.contains("steps: – lint skipped, " + (passed ? "✓" : "✗") + " test 0.25 s"),
            "\(commandLine.joined(separator: "\n"))")
    }

    @Test func theFullOutputMarksTheSkippedStepWithItsReason() {
        let lines = ResultPresentationTests.commandLine(Self.result(passed: false), verbose: true)
        #expect(lines.contains { $0.contains("– lint  skipped: `clippy-driver` is not installed") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func aResultWithoutSkippedStepsHasNoNotes() {
        #expect(F.wrongOutput.notes.isEmpty)
    }
}
