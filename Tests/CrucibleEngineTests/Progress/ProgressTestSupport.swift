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

    func store(
        _ course: String = "crucible", lockTimeout: TimeInterval = 10,
        migrations: [ProgressMigration] = ProgressMigration.all
    ) throws -> ProgressStore {
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

    struct CannotMakeUnwritable: Error, CustomStringConvertible {
        var folder: URL
        var description: String { "\(folder.path) is still writable after chmod 555 (and chattr +i as root)" }
    }

    /// Whether this machine lets a test make a folder unwritable to itself (root needs `chattr +i`,
    /// which some file systems refuse): tests that need it are enabled on this, so they show as
    /// skipped rather than passing without having run.
    static let canBeMadeUnwritable: Bool = {
        guard let probe = try? ProgressFolder() else { return false }
        return (try? probe.makeUnwritable()) != nil
    }()

    /// Makes the folder unwritable, even for root (with `chattr +i`); throws when it stays writable.
    func makeUnwritable() throws {
        chmod(url.path, 0o555)
        if geteuid() == 0 { _ = Self.run("/usr/bin/chattr", ["+i", url.path]) }
        let probe = url.appendingPathComponent("probe")
        if FileManager.default.createFile(atPath: probe.path, contents: Data()) {
            try? FileManager.default.removeItem(at: probe)
            throw CannotMakeUnwritable(folder: url)
        }
    }

    func makeWritable() {
        if geteuid() == 0 { _ = Self.run("/usr/bin/chattr", ["-i", url.path]) }
        chmod(url.path, 0o755)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
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
