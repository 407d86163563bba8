import Foundation

/// Lets another thread watch a synchronous `ProcessRunner.run` while it goes on: the process
/// group it started and the first of its stdout, so a check can tell when a background service
/// is ready.
public final class ProcessObserver: @unchecked Sendable {
    /// Bytes of stdout kept here; a "listening" line comes early, and the run keeps its own copy.
    public let cap: Int
    private let lock = NSLock()
    private var group: pid_t?
    private var output = Data()

    /// Creates an observer that keeps the first `cap` bytes of stdout.
    public init(cap: Int = 64 * 1024) {
        self.cap = cap
    }

    /// The started program's process group (its pid); nil until it is spawned.
    public var processGroup: pid_t? {
        lock.lock()
        defer { lock.unlock() }
        return group
    }

    /// The stdout read so far, up to `cap` bytes.
    public var stdout: Data {
        lock.lock()
        defer { lock.unlock() }
        return output
    }

    /// The complete lines (ended by a newline) of ``stdout``: a line still being written is not one yet.
    public var stdoutLines: [String] {
        let text = String(decoding: stdout, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        return lines
    }

    func started(group pid: pid_t) {
        lock.lock()
        group = pid
        lock.unlock()
    }

    func read(stdout bytes: Data) {
        lock.lock()
        defer { lock.unlock() }
        let room = cap - output.count
        if room > 0 { output.append(bytes.prefix(room)) }
    }
}
