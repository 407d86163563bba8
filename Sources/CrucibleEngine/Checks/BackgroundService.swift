import Foundation

/// A background step's program while its check runs: started on a thread of its own, watched
/// until its `ready` condition holds, and stopped (SIGTERM to its group, the grace, SIGKILL)
/// when the check ends, however it ends.
final class BackgroundService: @unchecked Sendable {
    let step: CheckStep
    let invocation: ProcessInvocation
    /// Where its report goes among the check's steps.
    let reportIndex: Int
    let observer = ProcessObserver()
    private let cancellation = ProcessCancellation()
    private let lock = NSLock()
    private var finished: ProcessResult?
    private var startedAt: ContinuousClock.Instant?
    private var waiters: [CheckedContinuation<ProcessResult, Never>] = []

    /// How the wait for readiness ended.
    enum Readiness {
        case ready
        /// The program ended before it was ready.
        case ended(ProcessResult)
        /// The step's timeout passed first.
        case notReady
        case cancelled
    }

    init(step: CheckStep, invocation: ProcessInvocation, reportIndex: Int) {
        self.step = step
        self.invocation = invocation
        self.reportIndex = reportIndex
    }

    func start() {
        lock.lock()
        startedAt = ContinuousClock.now
        lock.unlock()
        let thread = Thread { [self] in
            finish(ProcessRunner().run(invocation, cancellation: cancellation, observer: observer))
        }
        thread.name = "crucible.background-step"
        thread.start()
    }

    /// The program's result once it has ended (by itself or stopped); nil while it runs.
    var result: ProcessResult? {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    /// The port its `ready` condition names, placeholder filled in; nil for a stdout condition.
    func readyPort(_ plan: StepPlan) -> Int? {
        if case .port(let text)? = step.ready { return plan.readyPort(text) }
        return nil
    }

    /// Waits, polling, until `ready` holds, the program ends, or the step's timeout passes;
    /// a sandboxed check's port is probed from inside its `network`.
    func waitUntilReady(port: Int?, network: SandboxNetwork? = nil) async -> Readiness {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(step.timeout * 1000))
        while true {
            if let result { return .ended(result) }
            if isReady(port: port, network: network) { return .ready }
            if Task.isCancelled { return .cancelled }
            if clock.now >= deadline { return .notReady }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func isReady(port: Int?, network: SandboxNetwork?) -> Bool {
        switch step.ready {
        case .port?: port.map { Self.acceptsConnections($0, network: network) } ?? false
        case .stdout(let pattern)?:
            (try? NSRegularExpression(pattern: pattern)).map { regex in
                observer.stdoutLines.contains { line in
                    regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
                }
            } ?? false
        case nil: true
        }
    }

    /// What the learner reads when the wait ends without the service ready.
    func notReadyMessage(port: Int?) -> String {
        let what =
            switch step.ready {
            case .port?: "nothing accepted connections on 127.0.0.1:\(port.map(String.init) ?? "?")"
            case .stdout(let pattern)?: "no line of its stdout matched \(quoted: pattern)"
            case nil: "it never started"
            }
        return "step `\(step.name)` was not ready within \(StepEvaluation.seconds(step.timeout)): \(what)"
    }

    /// Stops the program if it still runs and returns its result; `stoppedByCheck` says whether
    /// it was still running (else it ended by itself before the check did).
    func stop() async -> (result: ProcessResult, stoppedByCheck: Bool) {
        let running = result == nil
        let before = running ? liveUsage()?.usage : nil
        if running { cancellation.stop() }
        let result = await withCheckedContinuation { continuation in
            lock.lock()
            if let finished {
                lock.unlock()
                continuation.resume(returning: finished)
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
        var stopped = result
        // The live peak, read before the SIGTERM; the CPU time is wait4's, which also counts
        // what the group's leader reaped while stopping.
        if let before, var usage = stopped.usage {
            usage.peakMemoryBytes = before.peakMemoryBytes
            stopped.usage = usage
        } else if let before, stopped.usage == nil {
            stopped.usage = before
        }
        return (stopped, running)
    }

    /// Seconds since it started and what its process group has used so far (``ProcTable/usage(ofGroup:)``);
    /// nil before it is spawned or once its group is gone.
    func liveUsage() -> (wallSeconds: Double, usage: ResourceUsage)? {
        lock.lock()
        let started = startedAt
        lock.unlock()
        guard let started, let group = observer.processGroup, let used = ProcTable.usage(ofGroup: group) else { return nil }
        return (
            (ContinuousClock.now - started).seconds,
            ResourceUsage(userSeconds: used.userSeconds, systemSeconds: used.systemSeconds, peakMemoryBytes: used.peakBytes)
        )
    }

    private func finish(_ result: ProcessResult) {
        lock.lock()
        finished = result
        let waiting = waiters
        waiters = []
        lock.unlock()
        waiting.forEach { $0.resume(returning: result) }
    }

    /// Whether a TCP connection to 127.0.0.1:`port` succeeds (and is closed again at once), in
    /// `network` when given, else in ours.
    static func acceptsConnections(_ port: Int, network: SandboxNetwork? = nil) -> Bool {
        let fd = network?.tcpSocket() ?? socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// The last `count` lines of what the program printed, stdout then stderr, for a failure message.
    static func tail(of result: ProcessResult?, observer: ProcessObserver, count: Int = 10) -> String {
        let text = result.map { $0.stdoutText + $0.stderrText } ?? String(decoding: observer.stdout, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).suffix(count).joined(separator: "\n")
    }
}
