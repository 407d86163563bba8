import Foundation

/// Decides whether one finished step met its expectations, and if not, why.
struct StepEvaluation {
    let step: CheckStep
    let program: String
    /// The program's arguments, which tell `go test` from `go run` and `go vet`.
    var arguments: [String] = []
    let result: ProcessResult
    /// The learner's file names, to find their frames in sanitizer reports.
    let learnerFiles: [String]
    /// The check's metrics so far, this step's included, for its ratios and bounds: read only
    /// when the step has any (live usage of background steps is read then).
    var metricPool: () -> Result<MetricPool, Metrics.Problem> = { .success(MetricPool()) }

    /// The step's result for the lesson: outcome `.passed` (with its ratios and bounds) or why not.
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

        // `go test` prints the race detector's reports on stdout, with the tests' output.
        let findings =
            SanitizerReport.parse(stderr: stderr, learnerFiles: learnerFiles)
            + SanitizerReport.parse(stderr: stdout, learnerFiles: learnerFiles)
        let statusProblem = self.statusProblem()
        if let finding = findings.first, step.expect.sanitizerClean || statusProblem != nil {
            verdict.finding = FindingSummary(finding)
            return fail(&verdict, .failed, .sanitizerFinding, verdict.finding!.summary)
        }
        if let problem = statusProblem {
            switch problem {
            case .crashed(let signal):
                verdict.signal = signal
                // A Swift fatal error or an aborting Rust panic ends in a signal; the runtime said why.
                if let failure = runFailure(&verdict) { return failure }
                return fail(&verdict, .crashed, nil, "step `\(step.name)` was killed by \(signal)")
            case .buildToolFailed(let message):
                if BuildPhase.of(program: programName, arguments: arguments, stdout: stdout, stderr: stderr) == .run {
                    return runFailure(&verdict) ?? fail(&verdict, .failed, .exitStatus, programExitMessage ?? message)
                }
                if let failure = lintFailure(&verdict) { return failure }
                let error = CompilerDiagnostics.firstError(output: stderr + "\n" + stdout)
                verdict.compilerError = error.map(CompilerErrorSummary.init)
                return fail(
                    &verdict, .failed, .compileError,
                    verdict.compilerError.map { "compile error: \($0.text)" }
                        ?? "`\(step.name)` failed: \(result.termination.summary)")
            case .exitStatus(let message):
                // A linter run directly (`clippy-driver`, a script running `cargo clippy`) is read like a build tool's.
                if case .exited(let code) = result.termination, code != 0,
                    let failure = runFailure(&verdict) ?? lintFailure(&verdict)
                {
                    return failure
                }
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
        if !step.expect.ratios.isEmpty || !step.expect.bounds.isEmpty {
            let pool: MetricPool
            switch metricPool() {
            case .failure(let problem): return fail(&verdict, .engineError, nil, problem.message)
            case .success(let collected): pool = collected
            }
            let evaluated = step.expect.ratios.map(pool.compare) + step.expect.bounds.map(pool.compare)
            for case .failure(let problem) in evaluated {
                return fail(&verdict, .engineError, nil, "step `\(step.name)`: \(problem.message)")
            }
            verdict.comparisons = evaluated.compactMap { try? $0.get() }
            if let failed = verdict.failedComparison {
                return fail(&verdict, .failed, failed.failureReason, failed.summary)
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

    /// The program's name without its folder: `go`, `cargo`, `./app`'s `app`.
    private var programName: String { ToolCatalog.programName(program) }

    /// Whether the program builds code (a compiler, a build tool): its failure is the build's,
    /// unless its own output shows it went on to run what it built (``BuildPhase``).
    private var isBuildTool: Bool { step.toolCatalog.isBuildTool(programName) }

    /// Why the run phase of a failed step failed, from the program's output: its runtime
    /// stopped it (a Go panic, a Swift fatal error), a test runner reported failing tests, or a
    /// Rust thread panicked. Nil when the output shows none of these.
    private func runFailure(_ verdict: inout CheckResult) -> CheckResult? {
        let output = result.stdoutText + "\n" + result.stderrText
        let panic = RuntimePanic.first(in: output, learnerFiles: learnerFiles)
        // Every failing Rust test is a panic in its own thread: those are failing tests.
        if let panic, panic.language != .rust {
            return panicked(&verdict, panic)
        }
        if let report = TestRunOutput.parse(output) {
            verdict.failingTests = FailingTestsSummary(report)
            let tests = verdict.failingTests!
            let first = tests.tests[0]
            let place = Self.place(first.file, first.line, first.column)
            let detail = first.message.split(separator: "\n").first.map { ": \($0)" } ?? ""
            return fail(
                &verdict, .failed, .failingTest,
                tests.headline + (tests.count > 1 ? "; \(first.name)" : "") + (place.isEmpty ? "" : " at \(place)") + detail)
        }
        if let panic { return panicked(&verdict, panic) }
        return nil
    }

    /// The build failed on a linter's findings (clippy, a denied rustc lint, `go vet`, `-Werror`):
    /// the first one; nil when the first error is a plain compile error or there is none.
    private func lintFailure(_ verdict: inout CheckResult) -> CheckResult? {
        let stdout = result.stdoutText, stderr = result.stderrText
        let subcommand = BuildPhase.subcommand(arguments)
        let vet =
            programName == "go"
            && (subcommand == "vet" || (subcommand == "test" && BuildPhase.goTestVetFailed(stdout + "\n" + stderr)))
        let findings = LintFindings.failing(output: stderr + "\n" + stdout, goVet: vet)
        guard !findings.isEmpty else { return nil }
        verdict.lint = LintSummary(findings)
        let summary = verdict.lint!
        let place = Self.place(summary.file, summary.line, summary.column)
        return fail(&verdict, .failed, .lint, "\(summary.name)" + (place.isEmpty ? "" : " at \(place)") + ": \(summary.message)")
    }

    private func panicked(_ verdict: inout CheckResult, _ panic: RuntimePanic) -> CheckResult {
        verdict.panic = PanicSummary(panic)
        let summary = verdict.panic!
        let place = Self.place(summary.file, summary.line, summary.column)
        let message = summary.message.split(separator: "\n").first.map(String.init) ?? summary.message
        return fail(&verdict, .failed, .panic, summary.word + (place.isEmpty ? "" : " at \(place)") + ": " + message)
    }

    /// `go run` exits with 1 whatever the program's status, which it prints last (`exit status 3`):
    /// the status in the program's words, or nil for another tool.
    private var programExitMessage: String? {
        guard programName == "go", BuildPhase.subcommand(arguments) == "run", case .code(let wanted)? = step.expect.exit,
            let last = result.stderrText.split(separator: "\n").last(where: { !$0.isEmpty }),
            let status = last.firstMatch(of: #/^exit status (\d+)$/#).map({ String($0.output.1) })
        else { return nil }
        guard status != String(wanted) else {
            return "the program exited with \(status) as expected, but `go run` itself exits with 1 after any non-zero status; "
                + "build it with `go build` and run the program in a step of its own to check its status"
        }
        return "expected exit status \(wanted), but the program exited with \(status)"
    }

    static func place(_ file: String?, _ line: Int?, _ column: Int?) -> String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }

    private enum StatusProblem {
        case crashed(String)
        /// A build tool exited with an unexpected status; the message says so in the exit status's words.
        case buildToolFailed(String)
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
                let message = "expected exit status \(wanted), but it exited with \(code)"
                return isBuildTool ? .buildToolFailed(message) : .exitStatus(message)
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
