import CrucibleEngine
import Foundation

/// Collects the batches a ``FileWatcher`` reports, for tests to wait on.
public final class BatchRecorder: @unchecked Sendable {
    public init() {}

    private let lock = NSLock()
    private var received: [FileChanges] = []

    public func record(_ batch: FileChanges) {
        lock.withLock { received.append(batch) }
    }

    public var batches: [FileChanges] { lock.withLock { received } }

    /// Every path reported so far.
    public var paths: Set<String> { Set(batches.flatMap(\.paths)) }

    /// Polls until some batch reports `path`; returns whether one did in time.
    public func waitFor(_ path: String) async -> Bool {
        await wait { _ in self.paths.contains(path) }
    }

    /// Polls until `condition` holds on the batches so far, or the deadline passes; returns whether it held.
    public func wait(upTo timeout: Duration = .seconds(10), until condition: ([FileChanges]) -> Bool) async -> Bool {
        await poll(timeout: timeout, interval: .milliseconds(10)) { condition(self.batches) }
    }
}

/// A fresh temporary folder holding `main.swift`, removed by `remove()`.
public struct WatchedFolder {
    public let url: URL
    public var path: String { url.path }

    public init() throws {
        url =
            URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("crucible-watch-\(UUID().uuidString)")
            .standardizedFileURL
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write("main.swift", "let x = 1\n")
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

extension FileWatcher.Options {
    /// Short timings so tests finish fast; the quiet period still spans a burst of writes.
    public static func fast(_ mode: FileWatchMode, quiet: Duration = .milliseconds(100)) -> Self {
        FileWatcher.Options(mode: mode, quietPeriod: quiet, pollInterval: .milliseconds(100))
    }
}
