@testable import CrucibleEngine
import Foundation

/// Collects the batches a ``FileWatcher`` reports, for tests to wait on.
final class BatchRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [FileChanges] = []

    func record(_ batch: FileChanges) {
        lock.withLock { received.append(batch) }
    }

    var batches: [FileChanges] { lock.withLock { received } }

    /// Every path reported so far.
    var paths: Set<String> { Set(batches.flatMap(\.paths)) }

    /// Polls until some batch reports `path`; returns whether one did in time.
    func waitFor(_ path: String) async -> Bool {
        await wait { _ in self.paths.contains(path) }
    }

    /// Polls until `condition` holds on the batches so far, or the deadline passes; returns whether it held.
    func wait(upTo timeout: Duration = .seconds(10), until condition: ([FileChanges]) -> Bool) async -> Bool {
        await waitUntil(timeout) { condition(self.batches) }
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
func waitUntil(_ timeout: Duration, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A fresh temporary folder holding `main.swift`, removed by `remove()`.
struct WatchedFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("crucible-watch-\(UUID().uuidString)")
            .standardizedFileURL
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write("main.swift", "let x = 1\n")
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

extension FileWatcher.Options {
    /// Short timings so tests finish fast; the quiet period still spans a burst of writes.
    static func fast(_ mode: FileWatchMode, quiet: Duration = .milliseconds(100)) -> Self {
        FileWatcher.Options(mode: mode, quietPeriod: quiet, pollInterval: .milliseconds(100))
    }
}
