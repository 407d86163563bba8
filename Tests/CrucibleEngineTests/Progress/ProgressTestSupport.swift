import CrucibleEngine
import Foundation

/// A temporary folder holding a progress file, removed (made writable first) at the end.
final class ProgressFolder {
    let url: URL
    var file: URL { url.appendingPathComponent("progress.json") }
    var backup: URL { url.appendingPathComponent("progress.json.bak") }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        makeWritable()
        try? FileManager.default.removeItem(at: url)
    }

    func store(_ course: String = "crucible", lockTimeout: TimeInterval = 10,
               migrations: [ProgressMigration] = ProgressMigration.all) throws -> ProgressStore {
        try ProgressStore(courseID: course, file: file, lockTimeout: lockTimeout, migrations: migrations)
    }

    func write(_ bytes: Data, to name: String = "progress.json") throws {
        try bytes.write(to: url.appendingPathComponent(name))
    }

    func contents(_ name: String = "progress.json") -> Data? {
        FileManager.default.contents(atPath: url.appendingPathComponent(name).path)
    }

    /// Files in the folder whose names start with `prefix`.
    func files(startingWith prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Makes the folder unwritable, even for root (with `chattr +i`); false when that is impossible here.
    func makeUnwritable() -> Bool {
        chmod(url.path, 0o555)
        if geteuid() == 0 { _ = run("/usr/bin/chattr", ["+i", url.path]) }
        let probe = url.appendingPathComponent("probe")
        if FileManager.default.createFile(atPath: probe.path, contents: Data()) {
            try? FileManager.default.removeItem(at: probe)
            return false
        }
        return true
    }

    func makeWritable() {
        if geteuid() == 0 { _ = run("/usr/bin/chattr", ["-i", url.path]) }
        chmod(url.path, 0o755)
    }

    private func run(_ tool: String, _ arguments: [String]) -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A change that marks a lesson attempted, for tests that only need "something changed".
func attempt(_ lesson: String) -> (inout CourseProgress) -> Void {
    { progress in
        progress[lesson: lesson].attempts += 1
        progress[lesson: lesson].status = max(progress[lesson: lesson].status, .attempted)
    }
}
