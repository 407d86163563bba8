import Foundation

/// One program to run for a check step, and the bounds it must stay within.
public struct ProcessInvocation: Sendable, Equatable {
    /// A program name looked up on the PATH of `environment`, or a path containing "/".
    public var executable: String
    /// Arguments after the program name.
    public var arguments: [String]
    /// The complete environment of the program.
    public var environment: [String: String]
    /// Directory the program starts in; nil keeps the runner's own.
    ///
    /// When the runner is root and `limits.processes` is set, the program runs under a
    /// fresh unprivileged uid and this directory, with its contents, is chowned to that uid
    /// so the program can write there: pass a scratch directory, never a source tree.
    public var workingDirectory: String?
    /// Wall-clock time after which the whole process group gets SIGTERM.
    public var timeout: Duration
    /// Time between SIGTERM and SIGKILL.
    public var grace: Duration
    /// Kernel resource limits (setrlimit) for the program and everything it starts: CPU seconds
    /// (SIGXCPU, SIGKILL a second later), address space (leave nil for sanitizer builds, which
    /// reserve terabytes), file size (SIGXFSZ), and processes, which as root runs the step
    /// under a fresh unprivileged uid (see `StepIdentity`).
    public var limits: ResourceLimits
    /// Bytes kept of each of stdout and stderr; the rest is read and thrown away, so the
    /// program never blocks on a full pipe. Past 16 times the cap on one stream the group is
    /// killed and `limitHit` is `.output`.
    public var outputCap: Int
    /// The sandbox the program runs in, or nil to run it as it is (``Sandbox``).
    public var confinement: SandboxConfinement? = nil

    /// Creates an invocation; `environment` defaults to the runner's own.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil,
        timeout: Duration = .seconds(10),
        grace: Duration = .milliseconds(500),
        limits: ResourceLimits = .learnerProgram,
        outputCap: Int = 1 << 20
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.grace = grace
        self.limits = limits
        self.outputCap = outputCap
    }

    /// Output beyond this many bytes on one stream gets the group killed: reading and
    /// discarding an endless `yes` would otherwise burn a core until the timeout.
    var outputKillBytes: Int { max(outputCap, 1) * 16 }
}
