import Foundation

/// What one run of a `ProcessInvocation` produced.
public struct ProcessResult: Sendable, Equatable {
    /// How the program ended.
    public var termination: ProcessTermination
    /// Captured stdout, cut at the output cap with `ProcessResult.cutMarker` appended.
    public var stdout: Data
    /// Captured stderr, cut like `stdout`.
    public var stderr: Data
    /// Whether stdout went past the output cap.
    public var stdoutTruncated: Bool
    /// Whether stderr went past the output cap.
    public var stderrTruncated: Bool
    /// Wall-clock time from start to the group being gone.
    public var duration: Duration
    /// The resource limit the outcome points to, if any.
    public var limitHit: ResourceLimitHit?
    /// The child's pid, which was also its process group id; 0 if it never started.
    public var processGroupID: Int32 = 0
    /// CPU time and peak memory from wait4; nil if the program never started.
    public var usage: ResourceUsage? = nil

    /// stdout decoded as UTF-8, invalid bytes replaced.
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// stderr decoded as UTF-8, invalid bytes replaced.
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// The line appended to a stream cut at `cap` bytes, e.g. "\n[output cut at 1 MiB]".
    public static func cutMarker(cap: Int) -> String { "\n[output cut at \(byteCountText(cap))]" }

    /// A byte count as a short human text: "1 MiB", "64 KiB", "100 bytes"; a measured size that is
    /// no whole multiple gets one decimal: "12.3 MiB".
    static func byteCountText(_ bytes: Int) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size {
            return bytes % size == 0 ? "\(bytes / size) \(unit)" : String(format: "%.1f %@", Double(bytes) / Double(size), unit)
        }
        return "\(bytes) bytes"
    }
}

/// What a step's process used, from the rusage `wait4` returns when its main process is reaped.
///
/// Covered: the main process and every descendant it (or a descendant) waited for before exiting,
/// as a shell waits for a pipeline. Not covered: descendants still running when the main process
/// exited (the runner kills them with the group; nobody of ours reaps them) or that left the group.
/// The peak is the largest single process's resident set, not the sum over processes, and it has
/// a floor: the kernel also keeps the resident set a process had before exec, so the pages a
/// forked step inherited from Crucible count (the same few MiB to tens of MiB for every step of a run).
///
/// A background step's report differs: its peak is the largest `VmHWM` in /proc among its process
/// group's members, read just before the SIGTERM that stops it (``BackgroundService/stop()``).
/// `VmHWM` counts from each process's exec, so it has no floor inherited at fork, unlike
/// `ru_maxrss`. Its live figures (``ProcTable/usage(ofGroup:)``) are read the same way.
public struct ResourceUsage: Codable, Sendable, Equatable {
    /// CPU time in user mode, seconds.
    public var userSeconds: Double
    /// CPU time in the kernel on the program's behalf, seconds.
    public var systemSeconds: Double
    /// Peak resident set size, bytes.
    public var peakMemoryBytes: Int

    public init(userSeconds: Double, systemSeconds: Double, peakMemoryBytes: Int) {
        self.userSeconds = userSeconds
        self.systemSeconds = systemSeconds
        self.peakMemoryBytes = peakMemoryBytes
    }

    /// User plus system CPU time, seconds.
    public var cpuSeconds: Double { userSeconds + systemSeconds }

    /// "peak 12.3 MiB, CPU 0.41 s (user 0.38 + sys 0.03)": the one text for people, on screen and command line.
    public var text: String {
        "peak \(ProcessResult.byteCountText(peakMemoryBytes)), "
            + String(format: "CPU %.2f s (user %.2f + sys %.2f)", cpuSeconds, userSeconds, systemSeconds)
    }
}

/// How a run ended.
public enum ProcessTermination: Sendable, Equatable {
    /// The program exited with this status.
    case exited(code: Int32)
    /// The program was killed by a signal, e.g. (11, "SIGSEGV").
    case signaled(signal: Int32, name: String)
    /// The deadline passed and the group was terminated.
    case timedOut
    /// The caller cancelled the run and the group was killed.
    case cancelled
    /// The program could not be started: pipe, fork, chdir, limit or exec failure.
    case spawnFailed(reason: String)
    /// The executable is not on PATH or does not exist.
    case toolMissing(name: String)

    /// A short text for people, e.g. "tool missing: rustc".
    public var summary: String {
        switch self {
        case .exited(let code): "exited with code \(code)"
        case .signaled(let signal, let name): "killed by \(name) (\(signal))"
        case .timedOut: "timed out"
        case .cancelled: "cancelled"
        case .spawnFailed(let reason): "could not start: \(reason)"
        case .toolMissing(let name): "tool missing: \(name)"
        }
    }
}

/// A resource limit that a run's outcome points to.
public enum ResourceLimitHit: String, Sendable, Equatable {
    /// RLIMIT_CPU: SIGXCPU, or killed after using up its CPU seconds.
    case cpuTime
    /// RLIMIT_AS: an allocation failed.
    case memory
    /// RLIMIT_FSIZE: SIGXFSZ.
    case fileSize
    /// The process cap: forks failed or the group was full.
    case processes
    /// The program printed so much that the runner killed it.
    case output
}

/// Names of the signals a check is likely to meet.
enum SignalName {
    /// "SIGSEGV" for 11, or "signal N" for one not in the table.
    static func of(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGUSR1: "SIGUSR1",
            SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
            SIGCHLD: "SIGCHLD", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGSYS: "SIGSYS",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
