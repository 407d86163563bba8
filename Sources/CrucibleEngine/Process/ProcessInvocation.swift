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
    /// Kernel resource limits for the program and everything it starts.
    public var limits: ProcessLimits
    /// Bytes kept of each of stdout and stderr; the rest is read and thrown away.
    public var outputCap: Int

    /// Creates an invocation; `environment` defaults to the runner's own.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil,
        timeout: Duration = .seconds(10),
        grace: Duration = .milliseconds(500),
        limits: ProcessLimits = .learnerProgram,
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

/// Kernel resource limits (setrlimit) for a step; nil leaves one unlimited.
public struct ProcessLimits: Sendable, Equatable {
    /// RLIMIT_CPU: CPU seconds before SIGXCPU (SIGKILL one second later).
    public var cpuSeconds: Int?
    /// RLIMIT_AS: address space in bytes. Leave nil for sanitizer builds, which reserve terabytes.
    public var memoryBytes: Int?
    /// RLIMIT_FSIZE: largest file the program may write, in bytes (SIGXFSZ beyond).
    public var fileSizeBytes: Int?
    /// How many processes and threads the step may have alive at once.
    /// As root this runs the step under a fresh unprivileged uid (see `ProcessRunner`).
    public var processes: Int?

    /// Creates limits; every one is optional.
    public init(cpuSeconds: Int? = nil, memoryBytes: Int? = nil, fileSizeBytes: Int? = nil, processes: Int? = nil) {
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.fileSizeBytes = fileSizeBytes
        self.processes = processes
    }

    /// For a learner's compiled program: 10 CPU s, 1 GiB address space, 64 MiB files, 64 processes.
    public static let learnerProgram = ProcessLimits(
        cpuSeconds: 10, memoryBytes: 1 << 30, fileSizeBytes: 64 << 20, processes: 64)

    /// For a compiler or test tool: generous CPU and file size, no address-space cap (compilers
    /// and sanitizers map large regions) and no process cap (toolchains live in root's home).
    public static let toolchain = ProcessLimits(cpuSeconds: 300, fileSizeBytes: 1 << 30)

    /// No limits at all.
    public static let none = ProcessLimits()
}
