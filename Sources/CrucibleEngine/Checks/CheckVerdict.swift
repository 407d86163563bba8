/// A check's outcome with the details that belong to it, as one value: what ``CheckResult``
/// stores as an outcome, a reason and a set of optional fields, typed so that code switching
/// over it handles each case by construction (see `ResultPresentation`).
///
/// It is a view computed from the stored fields, which stay as they are: the check cache and
/// the progress files keep their shape and old files still load. A detail is optional where a
/// stored result may lack it (one written by an older version, or an error the compiler printed
/// in a form nobody could read).
public enum CheckVerdict: Sendable, Equatable {
    /// Every step passed; a performance check's ratios and bounds, when it had any.
    case passed([MetricComparison])
    /// The compiler rejected the code; its first error when one could be read.
    case compileError(CompilerErrorSummary?)
    /// Output differed from what the lesson expects.
    case wrongOutput(OutputMismatch?)
    /// A sanitizer or the race detector reported a problem.
    case finding(FindingSummary?)
    /// A test runner reported failing tests.
    case failingTests(FailingTestsSummary?)
    /// The program's runtime stopped it: a Go or Rust panic, a Swift fatal error.
    case panic(PanicSummary?)
    /// A linter (or a warning made an error) rejected the code.
    case lint(LintSummary?)
    /// A time or rate ratio fell short.
    case tooSlow(MetricComparison?)
    /// A bytes or count ratio or bound did not hold.
    case overBudget(MetricComparison?)
    /// The program ended with a status (or signal) the lesson did not expect.
    case exitStatus
    /// A quiz or predict answer did not match the key.
    case wrongAnswer
    /// A step ran past its deadline.
    case timedOut
    /// A step hit a resource limit.
    case resourceLimit(ResourceLimitHit?)
    /// A signal the lesson did not expect killed the program, such as `SIGSEGV`.
    case crashed(signal: String?)
    /// Tools the lesson needs are not installed; nothing ran.
    case toolsMissing([MissingTool])
    /// Tools the lesson needs are installed but do not run; nothing ran.
    case toolsBroken([BrokenTool])
    /// The lesson's check does not run on this platform; nothing ran.
    case otherPlatform
    /// The check itself could not run.
    case engineError
}

extension CheckResult {
    /// The outcome and its details as one typed value.
    public var verdict: CheckVerdict {
        switch outcome {
        case .passed: .passed(comparisons)
        case .failed:
            switch reason {
            case .compileError: .compileError(compilerError)
            case .wrongOutput: .wrongOutput(outputMismatch)
            case .sanitizerFinding: .finding(finding)
            case .tooSlow: .tooSlow(failedComparison)
            case .overBudget: .overBudget(failedComparison)
            case .wrongAnswer: .wrongAnswer
            case .failingTest: .failingTests(failingTests)
            case .panic: .panic(panic)
            case .lint: .lint(lint)
            // A failure without a reason is only in files written by hand; the message still says why.
            case .exitStatus, nil: .exitStatus
            }
        case .timedOut: .timedOut
        case .resourceLimit: .resourceLimit(limit.flatMap(ResourceLimitHit.init(rawValue:)))
        case .crashed: .crashed(signal: signal)
        case .toolMissing: .toolsMissing(missingTools)
        case .toolBroken: .toolsBroken(brokenTools)
        case .otherPlatform: .otherPlatform
        case .engineError: .engineError
        }
    }
}
