import Foundation
import Testing

@testable import CrucibleEngine

/// ``CheckResult/verdict``: the stored outcome, reason and fields as one typed value, for
/// results made by the engine and for results read back from a cache or progress file.
@Suite struct CheckVerdictTests {
    static func decode(_ json: String) throws -> CheckResult {
        try JSONDecoder().decode(CheckResult.self, from: Data(json.utf8))
    }

    @Test func eachOutcomeAndReasonBringsItsDetails() throws {
        let mismatch = OutputMismatch(stream: "stdout", check: "equals", expected: "55", actual: "45")
        var wrongOutput = CheckResult(lessonID: "t", outcome: .failed, reason: .wrongOutput, message: "stdout differs")
        wrongOutput.outputMismatch = mismatch
        #expect(wrongOutput.verdict == .wrongOutput(mismatch))

        var crashed = CheckResult(lessonID: "t", outcome: .crashed, message: "killed")
        crashed.signal = "SIGSEGV"
        #expect(crashed.verdict == .crashed(signal: "SIGSEGV"))

        var limit = CheckResult(lessonID: "t", outcome: .resourceLimit, message: "limit")
        limit.limit = ResourceLimitHit.memory.rawValue
        #expect(limit.verdict == .resourceLimit(.memory))
        limit.limit = "a limit this version does not know"
        #expect(limit.verdict == .resourceLimit(nil))

        let tool = MissingTool(name: "rustc", debian: "sudo apt-get install rustc", macOS: "brew install rust")
        var missing = CheckResult(lessonID: "t", outcome: .toolMissing, message: "not installed")
        missing.missingTools = [tool]
        #expect(missing.verdict == .toolsMissing([tool]))

        let plain: [(CheckOutcome, FailureReason?, CheckVerdict)] = [
            (.passed, nil, .passed([])), (.failed, .compileError, .compileError(nil)), (.failed, .sanitizerFinding, .finding(nil)),
            (.failed, .tooSlow, .tooSlow(nil)), (.failed, .overBudget, .overBudget(nil)), (.failed, .exitStatus, .exitStatus),
            (.failed, .wrongAnswer, .wrongAnswer),
            (.failed, nil, .exitStatus), (.timedOut, nil, .timedOut), (.toolBroken, nil, .toolsBroken([])),
            (.engineError, nil, .engineError),
        ]
        for (outcome, reason, verdict) in plain {
            #expect(
                CheckResult(lessonID: "t", outcome: outcome, reason: reason, message: "m").verdict == verdict,
                "\(outcome) \(String(describing: reason))")
        }
    }

    /// The stored shape is unchanged, so a result written before the verdict existed reads back with its details.
    @Test func aStoredResultReadsBackWithItsVerdict() throws {
        let stored = try Self.decode(
            """
            {"lessonID":"t.fix","outcome":"failed","reason":"compileError","message":"compile error",
             "compilerError":{"file":"sum.swift","line":5,"column":9,"message":"cannot assign"},
             "steps":[],"missingTools":[],"brokenTools":[],"answers":[],"duration":1.5,"fromCache":false}
            """)
        guard case .compileError(let error?) = stored.verdict else {
            Issue.record("\(stored.verdict)")
            return
        }
        #expect(error.text == "sum.swift:5:9: cannot assign")
        let crashed = try Self.decode(
            """
            {"lessonID":"t.fix","outcome":"crashed","message":"killed","signal":"SIGABRT",
             "steps":[],"missingTools":[],"brokenTools":[],"answers":[],"duration":0,"fromCache":true}
            """)
        #expect(crashed.verdict == .crashed(signal: "SIGABRT"))
    }
}
