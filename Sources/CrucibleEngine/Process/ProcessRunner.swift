import CPipe
import CProcessSpawn
import Foundation

/// Runs one check step as a confined child process and collects what it did.
///
/// The step gets its own process group, stdin on /dev/null, and the invocation's rlimits.
/// At the deadline the group gets SIGTERM, then SIGKILL after the grace. When the main
/// child exits the rest of its group is killed too, so nothing it left in the background
/// survives, and output still in flight is drained for at most `drainBound`.
public struct ProcessRunner: Sendable {
    /// How long to keep reading pipes after the main child exited and its group was killed;
    /// a process that left the group (setsid) could otherwise hold them open forever.
    public var drainBound: Duration = .milliseconds(250)
    /// How long to keep sweeping the group with SIGKILL before giving up on stragglers.
    public var sweepBound: Duration = .seconds(2)

    /// Creates a runner.
    public init() {}

    /// Runs `invocation` on a dedicated thread, off Swift's cooperative pool; cancelling
    /// the task kills the process group and yields `.cancelled`.
    public func run(_ invocation: ProcessInvocation) async -> ProcessResult {
        let cancellation = ProcessCancellation()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: self.run(invocation, cancellation: cancellation))
                }
                thread.name = "crucible.process-runner"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Runs `invocation` and blocks the calling thread until the group is gone. `observer`, when
    /// given, sees the process group and the stdout read so far while the run goes on.
    public func run(
        _ invocation: ProcessInvocation, cancellation: ProcessCancellation? = nil, observer: ProcessObserver? = nil
    ) -> ProcessResult {
        let clock = ContinuousClock()
        let start = clock.now
        func early(_ termination: ProcessTermination) -> ProcessResult {
            ProcessResult(
                termination: termination, stdout: Data(), stderr: Data(), stdoutTruncated: false,
                stderrTruncated: false, duration: clock.now - start, limitHit: nil)
        }
        if cancellation?.isCancelled == true { return early(.cancelled) }
        guard let path = ExecutableLookup.resolve(invocation.executable, path: invocation.environment["PATH"]) else {
            return early(.toolMissing(name: invocation.executable))
        }
        let identity = StepIdentity.make(for: invocation)

        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard cloexec_pipe(&stdoutPipe) == 0 else { return early(.spawnFailed(reason: "pipe: \(errnoText(errno))")) }
        guard cloexec_pipe(&stderrPipe) == 0 else {
            let reason = "pipe: \(errnoText(errno))"
            stdoutPipe.forEach { close($0) }
            return early(.spawnFailed(reason: reason))
        }
        var spawned = spawn(
            path: path, invocation: invocation, identity: identity,
            stdoutFD: stdoutPipe[1], stderrFD: stderrPipe[1])
        // A program written a moment ago (a compiler's output) can be "busy" at exec: another
        // thread's fork holds its write descriptor until that child execs. Retry briefly, as Go's
        // os/exec does, rather than report the learner's freshly built program as unstartable.
        var busyRetries = 0
        while case .failure(let failure) = spawned, failure.errno == ETXTBSY, busyRetries < 10,
            cancellation?.isCancelled != true
        {
            usleep(useconds_t(2_000 << min(busyRetries, 5)))
            busyRetries += 1
            spawned = spawn(
                path: path, invocation: invocation, identity: identity,
                stdoutFD: stdoutPipe[1], stderrFD: stderrPipe[1])
        }
        close(stdoutPipe[1])
        close(stderrPipe[1])
        let pid: pid_t
        switch spawned {
        case .success(let spawnedPID):
            pid = spawnedPID
            observer?.started(group: pid)
        case .failure(let failure):
            close(stdoutPipe[0])
            close(stderrPipe[0])
            return early(.spawnFailed(reason: failure.reason))
        }
        for fd in [stdoutPipe[0], stderrPipe[0]] { _ = fcntl(fd, F_SETFL, O_NONBLOCK) }

        var watch = ChildWatch(
            pid: pid, invocation: invocation, cancellation: cancellation, clock: clock, start: start,
            stdout: CappedOutput(fd: stdoutPipe[0], cap: invocation.outputCap),
            stderr: CappedOutput(fd: stderrPipe[0], cap: invocation.outputCap),
            drainBound: drainBound, observer: observer)
        watch.run()
        let groupPeak = max(
            watch.groupPeak, sweep(group: pid, sandboxUID: identity.sandboxUID, until: clock.now + sweepBound, clock: clock))
        var result = watch.result(groupPeak: groupPeak, duration: clock.now - start)
        result.processGroupID = pid
        return result
    }

    private struct SpawnFailure: Error {
        var reason: String
        /// The errno of the stage that failed.
        var errno: Int32
    }

    /// Forks and execs through CProcessSpawn; the pid is also the process group id.
    private func spawn(
        path: String, invocation: ProcessInvocation, identity: StepIdentity,
        stdoutFD: Int32, stderrFD: Int32
    ) -> Result<pid_t, SpawnFailure> {
        var path = path
        var arguments = [path.split(separator: "/").last.map(String.init) ?? path] + invocation.arguments
        var namespaces = NamespaceDescriptors()
        if let confinement = invocation.confinement {
            let scratch = invocation.workingDirectory ?? FileManager.default.currentDirectoryPath
            arguments = confinement.sandbox.command(
                program: path, arguments: invocation.arguments, scratch: scratch, writable: confinement.writable,
                readable: confinement.readable, user: identity.sandboxUID.map { ($0, gid_t(identity.gid)) })
            path = confinement.sandbox.bubblewrap
            namespaces = NamespaceDescriptors(holder: confinement.network)
        }
        defer { namespaces.close() }
        let argv = CStringArray(arguments)
        let envp = CStringArray(invocation.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        let limits = invocation.limits
        func limit(_ value: Int?) -> Int64 { value.map(Int64.init) ?? Int64(CSPAWN_UNSET) }
        var stage: Int32 = 0
        var failedErrno: Int32 = 0
        let pid = path.withCString { cPath in
            withOptionalCString(invocation.workingDirectory) { cDirectory in
                var request = cspawn_request(
                    path: cPath, argv: argv.pointer, envp: envp.pointer, working_directory: cDirectory,
                    stdout_fd: stdoutFD, stderr_fd: stderrFD,
                    cpu_seconds: limit(limits.cpuSeconds), address_space_bytes: limit(limits.memoryBytes),
                    file_size_bytes: limit(limits.fileSizeBytes), processes: identity.processLimit,
                    uid: identity.uid, gid: identity.gid, user_namespace_fd: namespaces.user,
                    network_namespace_fd: namespaces.network)
                return cspawn_start(&request, &stage, &failedErrno)
            }
        }
        if pid > 0 { return .success(pid) }
        let what: String =
            switch cspawn_stage(rawValue: UInt32(stage)) {
            case CSPAWN_STAGE_PIPE: "pipe"
            case CSPAWN_STAGE_FORK: "fork"
            case CSPAWN_STAGE_STDIO: "redirecting stdio"
            case CSPAWN_STAGE_CHDIR: "chdir \(invocation.workingDirectory ?? "")"
            case CSPAWN_STAGE_RLIMIT: "setrlimit"
            case CSPAWN_STAGE_CREDENTIALS: "switching to an unprivileged user"
            case CSPAWN_STAGE_NAMESPACE: "joining the check's network namespace"
            default: "exec \(path)"
            }
        var reason = "\(what): \(errnoText(failedErrno))"
        if failedErrno == EACCES, let uid = identity.sandboxUID {
            reason += " (a process limit is set, so the step runs as unprivileged uid \(uid))"
        }
        return .failure(SpawnFailure(reason: reason, errno: failedErrno))
    }

    /// SIGKILLs group `group` until no live member is left or `limit` passes. When the step ran
    /// under its own uid, every process of that uid goes too: that also catches what left the
    /// group with setsid or setpgid. Returns the most live members seen at once, evidence
    /// for a process-cap hit.
    private func sweep(
        group: pid_t, sandboxUID: uid_t?, until limit: ContinuousClock.Instant,
        clock: ContinuousClock
    ) -> Int {
        var peak = 0
        var pause = Duration.microseconds(200)
        while true {
            // ESRCH: no member at all, not even a zombie, so no /proc scan is needed.
            let groupGone = kill(-group, SIGKILL) != 0 && errno == ESRCH
            if groupGone && sandboxUID == nil { return peak }
            let live = ProcTable.liveProcesses().filter { $0.process_group == group || $0.uid == sandboxUID }
            for entry in live where entry.process_group != group { kill(entry.pid, SIGKILL) }
            peak = max(peak, live.count)
            if live.isEmpty || clock.now >= limit { return peak }
            // Dying processes need a moment to leave; poll(2) with no fds is a bounded wait.
            _ = poll(nil, 0, Int32(max(1, pause.milliseconds)))
            pause = min(pause * 2, .milliseconds(20))
        }
    }
}

/// The poll loop over one running child: pipes, exit, deadline, grace and cancellation.
private struct ChildWatch {
    let pid: pid_t
    let invocation: ProcessInvocation
    let cancellation: ProcessCancellation?
    let clock: ContinuousClock
    let start: ContinuousClock.Instant
    var stdout: CappedOutput
    var stderr: CappedOutput
    let drainBound: Duration
    let observer: ProcessObserver?

    private var exit: cspawn_exit?
    private var timedOut = false
    private var cancelled = false
    private var outputLimitHit = false
    private var killAt: ContinuousClock.Instant?
    private var drainUntil: ContinuousClock.Instant?
    /// Most live group members counted before the runner signalled the group.
    private(set) var groupPeak = 0

    init(
        pid: pid_t, invocation: ProcessInvocation, cancellation: ProcessCancellation?, clock: ContinuousClock,
        start: ContinuousClock.Instant, stdout: CappedOutput, stderr: CappedOutput, drainBound: Duration,
        observer: ProcessObserver? = nil
    ) {
        self.observer = observer
        self.pid = pid
        self.invocation = invocation
        self.cancellation = cancellation
        self.clock = clock
        self.start = start
        self.stdout = stdout
        self.stderr = stderr
        self.drainBound = drainBound
    }

    /// Loops until the child is reaped and its pipes are at EOF or the drain bound passed.
    mutating func run() {
        let pidFD = cspawn_pidfd_open(pid)
        defer { if pidFD >= 0 { close(pidFD) } }
        let deadline = start + invocation.timeout
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }

        while true {
            let now = clock.now
            if exit == nil {
                if !timedOut && !cancelled && now >= deadline {
                    timedOut = true
                    signalGroup(SIGTERM)
                    killAt = now + invocation.grace
                }
                if let at = killAt, now >= at {
                    signalGroup(SIGKILL)
                    killAt = nil
                }
            } else if !stdout.isOpen && !stderr.isOpen || now >= drainUntil! {
                break
            }

            var fds: [pollfd] = []
            for fd in [stdout.fd, stderr.fd] where fd >= 0 { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if exit == nil && pidFD >= 0 { fds.append(pollfd(fd: pidFD, events: Int16(POLLIN), revents: 0)) }
            if let cancelFD = cancellation?.fd, !cancelled, cancelFD >= 0 {
                fds.append(pollfd(fd: cancelFD, events: Int16(POLLIN), revents: 0))
            }
            let wakeups = [exit == nil && !timedOut && !cancelled ? deadline : nil, killAt, drainUntil].compactMap { $0 }
            var waitMillis = wakeups.map { max(0, ($0 - now).milliseconds + 1) }.min() ?? -1
            if pidFD < 0 && exit == nil { waitMillis = waitMillis < 0 ? 5 : min(waitMillis, 5) }  // no pidfd: poll for exit
            _ = poll(&fds, nfds_t(fds.count), Int32(clamping: waitMillis))

            for item in fds where item.revents != 0 {
                if item.fd == stdout.fd {
                    let keptBefore = stdout.kept.count
                    stdout.readAvailable(into: buffer)
                    if let observer, stdout.kept.count > keptBefore { observer.read(stdout: stdout.kept[keptBefore...]) }
                } else if item.fd == stderr.fd {
                    stderr.readAvailable(into: buffer)
                } else if item.fd == cancellation?.fd {
                    cancel()
                }
            }
            if !outputLimitHit && max(stdout.totalBytes, stderr.totalBytes) > invocation.outputKillBytes {
                outputLimitHit = true
                signalGroup(SIGKILL)
            }
            if exit == nil { reapIfExited() }
        }
        stdout.closeFD()
        stderr.closeFD()
    }

    /// A cancelled run kills its group at once; a stopped one (``ProcessCancellation/stop()``) gets
    /// SIGTERM and the grace first, as at a deadline.
    private mutating func cancel() {
        cancelled = true
        if cancellation?.stopsGracefully == true, exit == nil {
            signalGroup(SIGTERM)
            killAt = clock.now + invocation.grace
        } else {
            signalGroup(SIGKILL)
        }
    }

    /// Kills the rest of the group as soon as the main child is a zombie, while its pid still
    /// pins the group id, then reaps it.
    private mutating func reapIfExited() {
        var exitedCleanly: Int32 = 0
        guard cspawn_has_exited(pid, &exitedCleanly) != 0 else { return }
        // A clean exit is never blamed on the process cap, so skip counting the group.
        signalGroup(SIGKILL, countingGroup: exitedCleanly == 0)
        var info = cspawn_exit()
        guard cspawn_reap(pid, &info) == pid else { return }
        exit = info
        killAt = nil  // nothing left to escalate against
        drainUntil = clock.now + drainBound
    }

    /// Signals the whole group, counting it first when the process cap is in question.
    private mutating func signalGroup(_ signal: Int32, countingGroup: Bool = true) {
        if countingGroup && invocation.limits.processes != nil {
            groupPeak = max(groupPeak, ProcTable.liveMembers(ofGroup: pid).count)
        }
        kill(-pid, signal)
    }

    /// The finished result; `groupPeak` includes what the final sweep saw.
    func result(groupPeak: Int, duration: Duration) -> ProcessResult {
        let termination: ProcessTermination
        if cancelled {
            termination = .cancelled
        } else if timedOut {
            termination = .timedOut
        } else if let exit, cspawn_signaled(exit.status) != 0 {
            let signal = cspawn_term_signal(exit.status)
            termination = .signaled(signal: signal, name: SignalName.of(signal))
        } else {
            let code = exit.map { cspawn_exit_code($0.status) } ?? -1
            // The sandbox's shell exits 128+N when the program it ran was killed by signal N.
            if invocation.confinement != nil, code > 128, code < 128 + 65 {
                termination = .signaled(signal: code - 128, name: SignalName.of(code - 128))
            } else {
                termination = .exited(code: code)
            }
        }
        let evidence = LimitEvidence(
            limits: invocation.limits, termination: termination, exit: exit, stderr: stderr.kept,
            groupPeak: groupPeak, outputLimitHit: outputLimitHit)
        var result = ProcessResult(
            termination: termination, stdout: stdout.finished(), stderr: stderr.finished(),
            stdoutTruncated: stdout.truncated, stderrTruncated: stderr.truncated,
            duration: duration, limitHit: evidence.classify())
        result.usage = exit.map {
            ResourceUsage(
                userSeconds: Double($0.user_microseconds) / 1e6, systemSeconds: Double($0.system_microseconds) / 1e6,
                peakMemoryBytes: Int($0.max_rss_kib) * 1024)
        }
        return result
    }
}

/// What a run left behind that tells which resource limit, if any, stopped it.
struct LimitEvidence {
    var limits: ResourceLimits
    var termination: ProcessTermination
    var exit: cspawn_exit?
    var stderr: Data
    var groupPeak: Int
    var outputLimitHit: Bool

    /// Phrases runtimes print when an allocation fails (C, C++, Rust, Go, Swift, Python).
    static let memoryPhrases = [
        "out of memory", "cannot allocate memory", "bad_alloc", "memory allocation of",
        "failed to allocate", "memoryerror", "allocation failed",
    ]
    /// Phrases shells and libc print when fork fails under the process cap.
    static let forkPhrases = [
        "fork: resource temporarily unavailable", "fork failed", "cannot fork",
        "can't fork", "fork: retry", "resource temporarily unavailable",
    ]

    func classify() -> ResourceLimitHit? {
        if outputLimitHit { return .output }
        let signal: Int32? = if case .signaled(let number, _) = termination { number } else { nil }
        if signal == SIGXCPU { return .cpuTime }
        if signal == SIGXFSZ { return .fileSize }
        let text = String(decoding: stderr, as: UTF8.self).lowercased()
        if let cpuSeconds = limits.cpuSeconds, let exit, signal == SIGKILL, exit.cpu_milliseconds >= Int64(cpuSeconds) * 1000 {
            return .cpuTime
        }
        if let memoryBytes = limits.memoryBytes, termination != .exited(code: 0) {
            let crashed = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGTRAP, SIGKILL].contains(signal ?? 0)
            let residentBytes = Int(exit?.max_rss_kib ?? 0) * 1024
            if Self.memoryPhrases.contains(where: text.contains) || crashed && residentBytes * 2 >= memoryBytes {
                return .memory
            }
        }
        if let processes = limits.processes, termination != .exited(code: 0) {
            if groupPeak >= max(processes - 1, 2) || Self.forkPhrases.contains(where: text.contains) { return .processes }
        }
        return nil
    }
}

/// The namespaces of a check's network holder that a sandboxed step joins: its network
/// namespace, and when we are not root the user namespace that owns it; -1 for none.
private struct NamespaceDescriptors {
    var user: Int32 = -1
    var network: Int32 = -1

    init() {}

    init(holder: pid_t) {
        if geteuid() != 0 { user = open("/proc/\(holder)/ns/user", O_RDONLY | O_CLOEXEC) }
        network = open("/proc/\(holder)/ns/net", O_RDONLY | O_CLOEXEC)
    }

    func close() {
        for fd in [user, network] where fd >= 0 { Glibc.close(fd) }
    }
}

/// A NULL-terminated array of C strings that lives as long as this object.
private final class CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: count + 1)
        for (index, string) in strings.enumerated() { pointer[index] = strdup(string) }
        pointer[count] = nil
    }

    deinit {
        for index in 0..<count { free(pointer[index]) }
        pointer.deallocate()
    }
}

private func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}

/// strerror's text for `code`, e.g. "No such file or directory".
func errnoText(_ code: Int32) -> String {
    String(cString: strerror(code))
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
