import CrucibleTestSupport
import Foundation
import Testing

/// `scripts/test-summary`, which gives `.ci/run` its closing line, on logs of real Swift Testing runs
/// (Fixtures/test-logs: a passing run with a skipped test; a run with a failure, a disabled suite, a
/// disabled test and a cancelled one; a run whose test arguments say "skipped"; a runner that crashed
/// before its total).
@Suite struct TestSummaryScriptTests {
    static let script = CrucibleRunner.packageRoot.appendingPathComponent("scripts/test-summary")

    /// Runs the script on the fixture log `name`; returns its exit status and what it printed.
    func summarize(_ name: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let log = CrucibleRunner.packageRoot.appendingPathComponent("Tests/CrucibleCLITests/Fixtures/test-logs/\(name).log")
        let result = try CrucibleRunner.run([log.path], executable: Self.script, timeout: 30)
        return (result.status, result.stdout, result.stderr)
    }

    @Test func aPassingRunCountsItsSkippedTest() throws {
        let summary = try summarize("passed-with-a-skip")
        #expect(summary.stdout == "tests: 46 passed, 0 failed, 1 skipped\n", "\(summary.stdout)\(summary.stderr)")
        #expect(summary.status == 0)
    }

    /// A disabled suite's tests count one each; a cancelled test counts as skipped; a failed
    /// parameterized test counts once, however many of its cases failed.
    @Test func aFailedRunCountsEachOutcomeAndExitsNonZero() throws {
        let summary = try summarize("failed-skipped-cancelled")
        #expect(summary.stdout == "tests: 1 passed, 1 failed, 4 skipped\n", "\(summary.stdout)\(summary.stderr)")
        #expect(summary.status == 1)
    }

    /// A parameterized test's "◇ Test case passing … started." lines print its arguments, which can
    /// say "skipped: nil": they are starts, not outcomes.
    @Test func argumentsThatSaySkippedAreNotOutcomes() throws {
        let summary = try summarize("arguments-say-skipped")
        #expect(summary.stdout == "tests: 2 passed, 0 failed, 0 skipped\n", "\(summary.stdout)\(summary.stderr)")
        #expect(summary.status == 0)
    }

    @Test func aRunWithoutTheRunnersTotalIsAFailureThatSaysSo() throws {
        let summary = try summarize("crashed")
        #expect(summary.status == 1)
        #expect(summary.stderr.contains("has no \"Test run with N tests\" line"), "\(summary.stderr)")
    }
}
