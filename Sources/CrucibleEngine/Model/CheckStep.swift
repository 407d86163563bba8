import Foundation

/// One command run while checking or demonstrating a lesson, and what must hold afterwards.
public struct CheckStep: Sendable, Equatable {
    /// The default deadline of a step, in seconds.
    public static let defaultTimeout: Double = 10

    /// Shown in results (`step N` when the lesson does not name it).
    public var name: String
    /// The argument vector; may contain the placeholders `{scratch}`, `{lesson}` and `{cache}`.
    public var run: [String]
    /// The step's deadline in seconds.
    public var timeout: Double
    /// Added to the environment, over the defaults of the tools it runs; values may contain
    /// placeholders, and nil unsets the variable.
    public var env: [String: String?]
    public var limits: ResourceLimits
    public var expect: StepExpectation
    /// Tools this step needs besides its program. Those of a required step are the lesson's needs,
    /// like the lesson's own `requires`; those of an optional step only decide whether it runs.
    public var requires: [ToolRequirement]
    /// The course's tool catalog, which says whether the step builds or runs learner code
    /// (its limits, its rights, whether a failing exit is a compile error) and its environment defaults.
    public var toolCatalog: ToolCatalog
    /// Whether the step is skipped, with a note in the result, when a tool it needs (its `requires`
    /// and its program given by bare name) is missing or does not work, instead of stopping the check.
    public var optional: Bool
    /// Whether a passing check shows what the step printed on stdout (its first lines): a
    /// program whose output the lesson asks the learner to read.
    public var showOutput: Bool
    /// Whether the step is a service: its program starts in the background, the check moves on
    /// once `ready` holds, and it is stopped (its whole group) when the check ends.
    public var background: Bool
    /// When a background step counts as started; nil for a foreground step.
    public var ready: ReadyCondition?

    public init(
        name: String, run: [String], timeout: Double = CheckStep.defaultTimeout,
        env: [String: String?] = [:], limits: ResourceLimits = .init(), expect: StepExpectation = .init(),
        requires: [ToolRequirement] = [], optional: Bool = false, showOutput: Bool = false,
        toolCatalog: ToolCatalog = .builtIn
    ) {
        self.name = name
        self.run = run
        self.timeout = timeout
        self.env = env
        self.limits = limits
        self.expect = expect
        self.requires = requires
        self.optional = optional
        self.showOutput = showOutput
        background = false
        ready = nil
        self.toolCatalog = toolCatalog
    }

    /// The tools the step runs: its `requires`, then its program when given by bare name (a path or
    /// a placeholder names no tool to look up), without repeats.
    public var tools: [String] { requirements.map(\.name) }

    /// This step as a background step that is ready when `ready` holds.
    public func inBackground(ready: ReadyCondition) -> CheckStep {
        var step = self
        step.background = true
        step.ready = ready
        return step
    }

    /// ``tools`` with the minimum version its `requires` asks of each.
    public var requirements: [ToolRequirement] {
        var needs = requires
        if let program = run.first, !program.contains("/"), !program.contains("{"), !needs.contains(where: { $0.name == program }) {
            needs.append(ToolRequirement(name: program))
        }
        return ToolRequirement.merged(needs)
    }
}

/// When a background step's service is ready for the steps after it.
public enum ReadyCondition: Sendable, Equatable {
    /// A TCP connection to 127.0.0.1 on this port succeeds; the text may be a placeholder (`{port}`).
    case port(String)
    /// A line of the program's stdout matches this regular expression (already checked to compile).
    case stdout(String)
}

/// Resource limits applied to a step's process group; `nil` means no limit.
public struct ResourceLimits: Sendable, Equatable {
    public var cpuSeconds: Int?
    public var memoryBytes: Int?
    public var fileSizeBytes: Int?
    public var processes: Int?

    public init(cpuSeconds: Int? = nil, memoryBytes: Int? = nil, fileSizeBytes: Int? = nil, processes: Int? = nil) {
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.fileSizeBytes = fileSizeBytes
        self.processes = processes
    }

    /// Parses a size such as `4096`, `64K`, `512M` or `2G` (binary units) into bytes.
    public static func parseSize(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var scale = 1
        if let last = digits.last, let unit = units[Character(last.uppercased())] {
            scale = unit
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }
}

/// What must hold when a step ends.
public struct StepExpectation: Sendable, Equatable {
    /// The required exit status; `nil` when only a `signal` is expected.
    public var exit: ExitExpectation?
    /// A signal name such as `SIGSEGV` that must have killed the program.
    public var signal: String?
    public var stdout: OutputExpectation?
    public var stderr: OutputExpectation?
    /// No sanitizer or race-detector report may appear.
    public var sanitizerClean: Bool
    /// Performance: each must hold, over the check's metrics so far (see `MetricPool`).
    public var ratios: [RatioExpectation]
    /// Absolute bounds on bytes and counts.
    public var bounds: [BoundExpectation]

    public init(
        exit: ExitExpectation? = .code(0), signal: String? = nil, stdout: OutputExpectation? = nil,
        stderr: OutputExpectation? = nil, sanitizerClean: Bool = false, ratios: [RatioExpectation] = [],
        bounds: [BoundExpectation] = []
    ) {
        self.exit = exit
        self.signal = signal
        self.stdout = stdout
        self.stderr = stderr
        self.sanitizerClean = sanitizerClean
        self.ratios = ratios
        self.bounds = bounds
    }
}

/// The exit status a step must end with.
public enum ExitExpectation: Sendable, Equatable {
    case code(Int)
    case nonzero
    /// The step is a compiler run that must fail.
    case compileError
    /// Any exit status will do: the step runs for its output or its side effects. Being killed by
    /// a signal is still a crash.
    case any
}

/// Checks on one output stream; every check that is set must hold.
public struct OutputExpectation: Sendable, Equatable {
    public var equals: String?
    public var contains: [String]
    /// A regular expression (NSRegularExpression syntax), already checked to compile.
    public var matches: String?
    public var notContains: [String]

    public init(equals: String? = nil, contains: [String] = [], matches: String? = nil, notContains: [String] = []) {
        self.equals = equals
        self.contains = contains
        self.matches = matches
        self.notContains = notContains
    }
}

/// A performance check: `metric` must be at least `atLeast` times as good as `baseline`, both
/// of one dimension: `median(metric) / median(baseline)` for rates (higher is better),
/// `median(baseline) / median(metric)` for times, bytes and counts (lower is better).
public struct RatioExpectation: Sendable, Equatable {
    public var metric: String
    public var baseline: String
    public var atLeast: Double

    public init(metric: String, baseline: String, atLeast: Double) {
        self.metric = metric
        self.baseline = baseline
        self.atLeast = atLeast
    }
}

/// An absolute bound on a bytes or count metric's median (times and rates depend on the machine,
/// so they are never bounded); at least one of `atMost` and `atLeast` is set, in base units.
public struct BoundExpectation: Sendable, Equatable {
    public var metric: String
    public var atMost: Double?
    public var atLeast: Double?
    /// The dimension of the unit the bound was written with (`"64 MiB"`: bytes); nil for a plain number.
    public var unitDimension: MetricDimension?

    public init(metric: String, atMost: Double? = nil, atLeast: Double? = nil, unitDimension: MetricDimension? = nil) {
        self.metric = metric
        self.atMost = atMost
        self.atLeast = atLeast
        self.unitDimension = unitDimension
    }

    /// Why times and rates have no bounds, for lint and the engine alike.
    static let whyNoTimes =
        "bounds are for bytes and counts only; absolute times and rates are never judged because machines differ: "
        + "compare with a baseline measured in the same run with `ratio`"
}
