import Foundation

/// Decides whether one finished step met its expectations, and if not, why.
struct StepEvaluation {
    let step: CheckStep
    let program: String
    let result: ProcessResult
    /// The learner's file names, to find their frames in sanitizer reports.
    let learnerFiles: [String]

    /// The step's result for the lesson: outcome `.passed` (with any ratio figures) or why not.
    func verdict(lessonID: String) -> CheckResult {
        var verdict = CheckResult(lessonID: lessonID, outcome: .passed, message: "")
        verdict.failedStep = step.name
        let stdout = result.stdoutText, stderr = result.stderrText
        switch result.termination {
        case .toolMissing(let name):
            verdict.outcome = .toolMissing
            verdict.missingTools = [step.toolCatalog.info(name).missing]
            verdict.message = "`\(name)` is not installed"
            return verdict
        case .spawnFailed(let reason):
            return fail(&verdict, .engineError, nil, "step `\(step.name)` could not start: \(reason)")
        case .cancelled:
            return fail(&verdict, .engineError, nil, "the check was cancelled")
        case .timedOut:
            return fail(&verdict, .timedOut, nil, "step `\(step.name)` ran past its \(Self.seconds(step.timeout)) limit")
        case .exited, .signaled:
            break
        }
        if let hit = result.limitHit {
            verdict.limit = hit.rawValue
            return fail(&verdict, .resourceLimit, nil, "step `\(step.name)` hit the \(Self.limitText(hit)) limit")
        }

        let findings = SanitizerReport.parse(stderr: stderr, learnerFiles: learnerFiles)
        let statusProblem = self.statusProblem()
        if let finding = findings.first, step.expect.sanitizerClean || statusProblem != nil {
            verdict.finding = FindingSummary(finding)
            return fail(&verdict, .failed, .sanitizerFinding, verdict.finding!.summary)
        }
        if let problem = statusProblem {
            switch problem {
            case .crashed(let signal):
                verdict.signal = signal
                return fail(&verdict, .crashed, nil, "step `\(step.name)` was killed by \(signal)")
            case .compileError:
                let error = CompilerDiagnostics.firstError(output: stderr + "\n" + stdout)
                verdict.compilerError = error.map(CompilerErrorSummary.init)
                return fail(
                    &verdict, .failed, .compileError,
                    verdict.compilerError.map { "compile error: \($0.text)" }
                        ?? "`\(step.name)` failed: \(result.termination.summary)")
            case .exitStatus(let message):
                return fail(&verdict, .failed, .exitStatus, message)
            }
        }
        if step.expect.exit == .compileError {
            verdict.compilerError = CompilerDiagnostics.firstError(output: stderr + "\n" + stdout).map(CompilerErrorSummary.init)
        }
        for (name, text, expectation) in [("stdout", stdout, step.expect.stdout), ("stderr", stderr, step.expect.stderr)] {
            if let expectation, let mismatch = Self.mismatch(expectation, stream: name, actual: text) {
                verdict.outputMismatch = mismatch
                return fail(&verdict, .failed, .wrongOutput, "\(name) \(mismatch.check)")
            }
        }
        if let ratio = step.expect.ratio {
            switch Metrics.measure(ratio, stdout: stdout) {
            case .failure(let problem):
                return fail(&verdict, .engineError, nil, "step `\(step.name)`: \(problem.message)")
            case .success(let measurement) where measurement.speedup < ratio.atLeast:
                verdict.ratio = measurement
                return fail(
                    &verdict, .failed, .tooSlow,
                    String(
                        format: "%.2f× as fast as the baseline; the lesson needs at least %.2f×", measurement.speedup, ratio.atLeast))
            case .success(let measurement):
                verdict.ratio = measurement
            }
        }
        verdict.failedStep = nil
        return verdict
    }

    private func fail(
        _ verdict: inout CheckResult, _ outcome: CheckOutcome, _ reason: FailureReason?,
        _ message: String
    ) -> CheckResult {
        verdict.outcome = outcome
        verdict.reason = reason
        verdict.message = message
        return verdict
    }

    private enum StatusProblem {
        case crashed(String)
        case compileError
        case exitStatus(String)
    }

    /// What is wrong with how the program ended, or nil when it ended as expected.
    private func statusProblem() -> StatusProblem? {
        let expect = step.expect
        switch result.termination {
        case .signaled(_, let name):
            if let wanted = expect.signal { return wanted == name ? nil : .exitStatus("expected \(wanted), but it was killed by \(name)") }
            return .crashed(name)
        case .exited(let code):
            if let wanted = expect.signal {
                return .exitStatus("expected the program to be killed by \(wanted), but it exited with code \(code)")
            }
            switch expect.exit {
            case .compileError?:
                return code != 0 ? nil : .exitStatus("expected the compiler to reject the code, but it compiled")
            case .any?:
                return nil
            case .nonzero?:
                return code != 0 ? nil : .exitStatus("expected a non-zero exit status, but it exited with 0")
            case .code(let wanted)?:
                if Int(code) == wanted { return nil }
                if step.toolCatalog.isBuildTool(program) {
                    return .compileError
                }
                return .exitStatus("expected exit status \(wanted), but it exited with \(code)")
            case nil:
                return nil
            }
        default:
            return nil
        }
    }

    /// The first output check that does not hold, or nil.
    static func mismatch(_ expectation: OutputExpectation, stream: String, actual: String) -> OutputMismatch? {
        let text = actual.replacingOccurrences(of: "\r\n", with: "\n")
        if let equals = expectation.equals, trimmedTrailingNewlines(text) != trimmedTrailingNewlines(equals) {
            return OutputMismatch(stream: stream, check: "differs from the expected output", expected: equals, actual: text)
        }
        if let missing = expectation.contains.first(where: { !text.contains($0) }) {
            return OutputMismatch(stream: stream, check: "does not contain \"\(missing)\"", expected: missing, actual: text)
        }
        if let pattern = expectation.matches {
            let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                return OutputMismatch(stream: stream, check: "does not match /\(pattern)/", expected: pattern, actual: text)
            }
        }
        if let forbidden = expectation.notContains.first(where: { text.contains($0) }) {
            return OutputMismatch(stream: stream, check: "contains \"\(forbidden)\", which it must not", expected: forbidden, actual: text)
        }
        return nil
    }

    private static func trimmedTrailingNewlines(_ text: String) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "\n" { end = text.index(before: end) }
        return text[..<end]
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    static func limitText(_ hit: ResourceLimitHit) -> String {
        switch hit {
        case .cpuTime: "CPU time"
        case .memory: "memory"
        case .fileSize: "file size"
        case .processes: "process count"
        case .output: "output size"
        }
    }
}
