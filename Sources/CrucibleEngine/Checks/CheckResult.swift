import Foundation

/// How a check ended. Exactly one per check.
public enum CheckOutcome: String, Codable, Sendable, Equatable, CaseIterable {
    case passed
    /// An expectation did not hold; ``CheckResult/reason`` says which kind.
    case failed
    /// A step ran past its deadline.
    case timedOut
    /// A step hit a resource limit; ``CheckResult/limit`` says which.
    case resourceLimit
    /// The program was killed by a signal the lesson did not expect.
    case crashed
    /// A tool the lesson needs is not installed; ``CheckResult/missingTools`` says how to get it.
    case toolMissing
    /// A tool the lesson needs is installed but does not run (its version probe failed);
    /// ``CheckResult/brokenTools`` says why and how to fix it. No step ran.
    case toolBroken
    /// The lesson's check does not run on this platform (its `platforms` leave it out); the
    /// message says which platforms and why. No step ran.
    case otherPlatform
    /// The check itself could not run: a broken lesson, a full disk, a harness without metrics.
    case engineError
}

/// Why a check with outcome ``CheckOutcome/failed`` failed.
public enum FailureReason: String, Codable, Sendable, Equatable {
    case wrongOutput, exitStatus, sanitizerFinding, tooSlow, compileError
    /// A quiz or predict answer that does not match the key.
    case wrongAnswer
    /// A test runner reported failing tests; ``CheckResult/failingTests`` names them.
    case failingTest
    /// The program's runtime stopped it: a Go or Rust panic, a Swift fatal error; ``CheckResult/panic`` says where.
    case panic
    /// A linter, or a compiler warning made an error, rejected the code; ``CheckResult/lint`` has the first finding.
    case lint
    /// A bytes or count metric missed its ratio or bound (memory, allocations, errors); the
    /// failed entry of ``CheckResult/comparisons`` says which.
    case overBudget
}

/// The result of checking one lesson: the outcome, why, and what every step did.
public struct CheckResult: Codable, Sendable, Equatable {
    public var lessonID: String
    public var outcome: CheckOutcome
    /// Set when `outcome` is `.failed`.
    public var reason: FailureReason?
    /// One sentence for people: why the check ended as it did.
    public var message: String
    /// The name of the step that decided the outcome, if a step did.
    public var failedStep: String?
    /// Every step, in order, up to the one that decided the outcome (a skipped optional step included).
    public var steps: [StepReport] = []
    /// The first compiler error, when a build failed (or failed as the lesson wanted).
    public var compilerError: CompilerErrorSummary?
    /// The first sanitizer or race-detector report.
    public var finding: FindingSummary?
    /// The failing tests a test runner reported (reason `failingTest`); nil in results stored before it existed.
    public var failingTests: FailingTestsSummary?
    /// The panic that stopped the program (reason `panic`).
    public var panic: PanicSummary?
    /// The linter's findings (reason `lint`).
    public var lint: LintSummary?
    /// What an output check wanted and what the program printed.
    public var outputMismatch: OutputMismatch?
    /// Every metric of the check: what its steps printed as `crucible-metric` lines and the
    /// usage of steps named like a metric (`build.wall_time`); empty in results stored before it existed.
    @EmptyWhenAbsent public var metrics: [MetricSeries]
    /// Every ratio and bound evaluated, in order; a failed one decided the outcome.
    @EmptyWhenAbsent public var comparisons: [MetricComparison]
    /// Non-blank lines of the learner's files, for a code check.
    public var linesOfCode: Int?
    /// The signal that killed the program, such as `SIGSEGV`.
    public var signal: String?
    /// The resource limit hit (`ResourceLimitHit`'s raw value), when outcome is `.resourceLimit`.
    public var limit: String?
    /// Tools the lesson needs that are not installed.
    public var missingTools: [MissingTool] = []
    /// Tools the lesson needs that are installed but do not run.
    public var brokenTools: [BrokenTool] = []
    /// One entry per quiz question.
    public var answers: [QuizAnswerFeedback] = []
    /// The comparison of a predict answer, and the program's real output when it was run.
    public var predict: PredictFeedback?
    /// Wall-clock seconds for the whole check.
    public var duration: Double = 0
    /// Whether this result was read from the check cache instead of running the steps again.
    public var fromCache = false

    /// The comparison that decided a `tooSlow` or `overBudget` failure.
    public var failedComparison: MetricComparison? { comparisons.first { !$0.passed } }

    public init(lessonID: String, outcome: CheckOutcome, reason: FailureReason? = nil, message: String) {
        self.lessonID = lessonID
        self.outcome = outcome
        self.reason = reason
        self.message = message
    }

    public var passed: Bool { outcome == .passed }

    /// What the learner should know besides the outcome, one sentence each: an optional step that
    /// was skipped and why, a sandboxed step that left processes running. Derived from the steps,
    /// so a stored result reads back with them.
    public var notes: [String] {
        steps.flatMap { step in
            var notes = step.skipped.map { ["optional step `\(step.name)` skipped: \($0)"] } ?? []
            if let line = step.stderr.split(separator: "\n").last(where: { $0.hasPrefix(Sandbox.leftRunningPrefix) }) {
                let count = line.dropFirst(Sandbox.leftRunningPrefix.count)
                notes.append(
                    "step `\(step.name)` left \(count) process\(count == "1" ? "" : "es") running; the sandbox ended "
                        + (count == "1" ? "it" : "them") + " with the step")
            }
            return notes
        }
    }

    /// Whether the check stopped before running anything because a tool it needs is missing or
    /// does not work: the learner is told to install or fix it, or to skip the lesson.
    public var stoppedByTools: Bool { outcome == .toolMissing || outcome == .toolBroken }

    /// Whether the check stopped before running anything because this machine cannot run it: a
    /// tool is missing or does not work, or the lesson is not for this platform. Such a check is
    /// no attempt and offers no hint; `crucible verify` skips the lesson.
    public var stoppedBeforeRunning: Bool { stoppedByTools || outcome == .otherPlatform }

    /// Whether the learner's work was judged: a check stopped by its tools, or that the engine
    /// could not run, says nothing about it, so it is no attempt and earns no hint.
    public var judgedTheWork: Bool { !stoppedBeforeRunning && outcome != .engineError }

    /// Whether this result counts as an attempt in the learner's progress: it adds to the
    /// lesson's attempts (which decide the first-try bonus), to the failures that offer the
    /// solution, and becomes the lesson's last check. The one rule for `check`, `watch` and the
    /// full screen.
    ///
    /// - A result that did not judge the work (a missing or broken tool, an engine error) is no attempt.
    /// - A fresh result that judged the work is one.
    /// - A cached failure is not: it judges again files that already failed when they were first
    ///   checked, and that check was the attempt. Counting it would charge the learner twice for
    ///   one version of their work: pressing `c` or Enter again, or saving back an earlier version,
    ///   would add failures (and offer the solution) without any new try.
    /// - A cached pass is: a pass must never be lost (the check that first passed these files may
    ///   not have been recorded: watch's first check, a progress file that could not be written,
    ///   another progress file). On a lesson already passed it changes no XP; on one not passed it
    ///   earns the first-try bonus only if progress holds no failed attempt, which is then true.
    public var countsAsAttempt: Bool { judgedTheWork && (passed || !fromCache) }

    /// A short label for tables: `passed`, `failed (compile error)`, `timed out`.
    public var outcomeLabel: String {
        switch outcome {
        case .passed: "passed"
        case .failed: "failed" + (reason.map { " (\($0.label))" } ?? "")
        case .timedOut: "timed out"
        case .resourceLimit: "resource limit" + (limit.map { " (\($0))" } ?? "")
        case .crashed: "crashed" + (signal.map { " (\($0))" } ?? "")
        case .toolMissing: "tool missing" + (missingTools.isEmpty ? "" : " (\(missingTools.map(\.name).joined(separator: ", ")))")
        case .toolBroken where !brokenTools.isEmpty && brokenTools.allSatisfy({ $0.tooOld != nil }):
            "tool too old (\(brokenTools.map(\.name).joined(separator: ", ")))"
        case .toolBroken: "tool not working" + (brokenTools.isEmpty ? "" : " (\(brokenTools.map(\.name).joined(separator: ", ")))")
        case .otherPlatform: "not for this platform"
        case .engineError: "engine error"
        }
    }
}

extension FailureReason {
    /// Words for people: "compile error", "wrong output".
    public var label: String {
        switch self {
        case .wrongOutput: "wrong output"
        case .exitStatus: "exit status"
        case .sanitizerFinding: "sanitizer finding"
        case .tooSlow: "too slow"
        case .compileError: "compile error"
        case .wrongAnswer: "wrong answer"
        case .failingTest: "failing test"
        case .panic: "panic"
        case .lint: "lint"
        case .overBudget: "over budget"
        }
    }
}

/// What one step ran and how it ended.
public struct StepReport: Codable, Sendable, Equatable {
    public var name: String
    /// The argument vector after placeholders were filled in.
    public var command: [String]
    /// The exit status, when the program exited.
    public var exitCode: Int?
    /// The signal name, when a signal killed it.
    public var signal: String?
    /// How it ended, e.g. "exited with code 1" or "timed out".
    public var termination: String
    /// Wall-clock seconds.
    public var duration: Double
    public var stdout: String
    public var stderr: String
    /// Whether the step met every expectation (a skipped optional step counts as passed).
    public var passed: Bool
    /// Why an optional step did not run (`` `clippy-driver` is not installed ``); nil when it ran.
    public var skipped: String? = nil
    /// CPU time and peak memory; nil when the step did not start, and in results saved before it was recorded.
    public var usage: ResourceUsage? = nil
}

/// A compiler's first error, for people and JSON.
public struct CompilerErrorSummary: Codable, Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    init(_ error: CompilerError) {
        file = error.file.map(Self.shortPath)
        line = error.line
        column = error.column
        message = error.message
    }

    /// `sum.swift:5:9: cannot assign…`, with paths relative to the scratch folder.
    public var text: String {
        guard let file else { return message }
        return [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":") + ": " + message
    }

    /// Drops the scratch folder from a path, so the learner sees their own file's name.
    static func shortPath(_ path: String) -> String {
        guard let range = path.range(of: "/crucible-check-") else { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        return path[range.upperBound...].split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? path
    }
}

/// A sanitizer report boiled down: kind, where in the learner's code, and the whole report.
public struct FindingSummary: Codable, Sendable, Equatable {
    /// "ThreadSanitizer", "AddressSanitizer", "LeakSanitizer" or "Go race detector".
    public var tool: String
    /// `SanitizerKind`'s raw value, such as `dataRace` or `heapUseAfterFree`.
    public var kind: String
    /// One line, e.g. "AddressSanitizer: heap-use-after-free (READ of size 4) at uaf.c:6:20".
    public var summary: String
    /// The first frame in the learner's code.
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The whole report as the tool printed it.
    public var report: String

    init(_ finding: SanitizerFinding) {
        tool = finding.tool.rawValue
        kind = finding.kind.rawValue
        summary = finding.summary
        file = finding.location.map { CompilerErrorSummary.shortPath($0.file) }
        line = finding.location?.line
        column = finding.location?.column
        report = finding.report
    }
}

/// The failing tests of a test run, for people and JSON.
public struct FailingTestsSummary: Codable, Sendable, Equatable {
    /// ``TestRunner``'s raw value, such as `go test` or `Rust test`.
    public var runner: String
    /// In the runner's order, at most ``FailingTestsSummary/kept``.
    public var tests: [FailingTestSummary]
    /// How many tests failed, also those not kept.
    public var count: Int

    /// Most tests kept: the learner fixes them one at a time, and `--verbose` has them all.
    static let kept = 20

    init(_ report: TestRunReport) {
        runner = report.runner.rawValue
        tests = report.failures.prefix(Self.kept).map(FailingTestSummary.init)
        count = report.failures.count
    }

    /// "1 test failed: TestParse" or "2 tests failed: TestParse, TestSplit/two".
    public var headline: String {
        let shown = 5
        let names = tests.prefix(shown).map(\.name).joined(separator: ", ") + (count > shown ? ", …" : "")
        return "\(count) \(count == 1 ? "test" : "tests") failed: \(names)"
    }
}

/// One failing test: its name, why (short), and where.
public struct FailingTestSummary: Codable, Sendable, Equatable {
    public var name: String
    /// The assertion or panic message, a few lines at most; empty when the runner gave none.
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?

    init(_ test: FailingTest) {
        name = test.name
        message = test.message
        file = test.location.map { CompilerErrorSummary.shortPath($0.file) }
        line = test.location?.line
        column = test.location?.column
    }
}

/// A runtime panic, for people and JSON.
public struct PanicSummary: Codable, Sendable, Equatable {
    /// `RuntimePanic.Language`'s raw value: `Go`, `Rust` or `Swift`.
    public var language: String
    public var message: String
    /// Where in the learner's code.
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The Rust thread that panicked, such as `main`.
    public var thread: String?
    /// The runtime's own word: `panic`, or `fatal error` (Swift, a Go runtime fatal error).
    public var word: String

    init(_ panic: RuntimePanic) {
        language = panic.language.rawValue
        message = panic.message
        file = panic.location.map { CompilerErrorSummary.shortPath($0.file) }
        line = panic.location?.line
        column = panic.location?.column
        thread = panic.thread
        word = panic.word
    }
}

/// A linter's findings, the first in full, for people and JSON.
public struct LintSummary: Codable, Sendable, Equatable {
    /// "clippy", "rustc", "go vet", "clang" or "gcc".
    public var tool: String
    /// The first finding's lint name, such as `clippy::needless_range_loop` or `-Wunused-variable`.
    public var lint: String?
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// How many findings failed the build.
    public var count: Int

    init(_ findings: [LintFinding]) {
        let first = findings[0]
        tool = first.tool
        lint = first.lint
        message = first.message
        file = first.location.map { CompilerErrorSummary.shortPath($0.file) }
        line = first.location?.line
        column = first.location?.column
        count = findings.count
    }

    /// Who found it: the lint's name, else the tool.
    public var name: String { lint ?? tool }
}

/// What an output check expected, and what the program printed.
public struct OutputMismatch: Codable, Sendable, Equatable {
    /// `stdout` or `stderr`.
    public var stream: String
    /// The check that failed, e.g. `equals`, `contains "sum = 55"`.
    public var check: String
    /// The expected text, when the check names one.
    public var expected: String?
    /// What the program printed.
    public var actual: String
}

/// A tool that is not installed, and how to install it.
public struct MissingTool: Codable, Sendable, Equatable {
    public var name: String
    /// How to install it on Debian or Ubuntu.
    public var debian: String
    /// How to install it on macOS.
    public var macOS: String
}

/// A tool that is installed but does not run, why, and how to fix it.
public struct BrokenTool: Codable, Sendable, Equatable {
    public var name: String
    /// The first error line of its version probe.
    public var error: String
    /// What to do, one line each: `rustup default stable`, or how to reinstall it.
    public var fixes: [String]
    /// For a tool that works but is older than a lesson asks: "needs go 1.22, have 1.19".
    public var tooOld: String? = nil
}

/// Feedback on one quiz question.
public struct QuizAnswerFeedback: Codable, Sendable, Equatable {
    /// 1-based question number.
    public var question: Int
    public var correct: Bool
    /// The learner's choices, 1-based.
    public var chosen: [Int]
    /// One line per wrong choice picked, with its explanation; and a note for correct choices missed.
    public var explanations: [String]
}

/// A predict answer, normalised, next to the expected one, and the real output if it was run.
public struct PredictFeedback: Codable, Sendable, Equatable {
    public var answer: String
    public var expected: String
    /// The program's real output (the last run step's stdout), when the lesson runs it.
    public var realOutput: String?
}

/// A list that results stored before it existed lack: read back as empty, written as the list.
@propertyWrapper
public struct EmptyWhenAbsent<Element: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var wrappedValue: [Element]

    public init(wrappedValue: [Element] = []) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// An absent key is an empty list.
    public func decode<Element>(_ type: EmptyWhenAbsent<Element>.Type, forKey key: Key) throws -> EmptyWhenAbsent<Element> {
        try decodeIfPresent(type, forKey: key) ?? EmptyWhenAbsent()
    }
}
