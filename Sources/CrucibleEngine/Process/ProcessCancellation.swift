import CPipe
import Foundation

/// Lets another thread stop a synchronous `ProcessRunner.run` promptly: the runner polls
/// this token's pipe together with the child's pipes.
public final class ProcessCancellation: @unchecked Sendable {
    /// Read end of a pipe that becomes readable on `cancel()`; immutable after init.
    let fd: Int32
    private let writeFD: Int32
    private let lock = NSLock()
    private var cancelled = false
    private var graceful = false

    /// Creates a token that is not cancelled.
    public init() {
        var ends: [Int32] = [-1, -1]
        _ = cloexec_pipe(&ends)
        fd = ends[0]
        writeFD = ends[1]
    }

    deinit {
        if fd >= 0 { close(fd) }
        if writeFD >= 0 { close(writeFD) }
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Whether the run was asked to ``stop()`` rather than ``cancel()``.
    var stopsGracefully: Bool {
        lock.lock()
        defer { lock.unlock() }
        return graceful
    }

    /// Asks the run using this token to end its process group as at a deadline (SIGTERM, then
    /// SIGKILL after the invocation's grace) and return `.cancelled`: how a background service
    /// is stopped at the end of a check, so it can shut down and flush what it prints.
    public func stop() {
        lock.lock()
        graceful = !cancelled
        lock.unlock()
        cancel()
    }

    /// Asks the run using this token to kill its process group and return `.cancelled`.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }
}
