import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// A fresh directory under /tmp, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/crucible-proc-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        if executable { chmod(file, 0o755) }
        return file
    }
}

enum TestTools {
    /// Whether `name` is on PATH.
    static func has(_ name: String) -> Bool {
        ExecutableLookup.resolve(name, path: ProcessInfo.processInfo.environment["PATH"]) != nil
    }

    /// Runs a toolchain command (compiler) in `directory` and returns the result.
    static func runTool(_ executable: String, _ arguments: [String], in directory: String) async -> ProcessResult {
        await ProcessRunner().run(
            ProcessInvocation(
                executable: executable, arguments: arguments, workingDirectory: directory,
                timeout: .seconds(120), limits: .toolchain))
    }

    /// Compiles C `source` with clang into `directory`/`name` and returns the binary's path.
    static func compileC(
        _ source: String, named name: String, in directory: ScratchDirectory,
        flags: [String] = ["-O0"]
    ) async throws -> String {
        try directory.write(name + ".c", source)
        let result = await runTool("clang", flags + ["-o", name, name + ".c"], in: directory.path)
        try #require(result.termination == .exited(code: 0), "clang failed: \(result.stderrText)")
        return directory.path + "/" + name
    }
}

/// Waits until process group `group` has no live member, up to `limit`; returns the stragglers.
func liveGroupMembers(_ group: Int32, waitingUpTo limit: Duration = .seconds(2)) -> [Int32] {
    guard group > 0 else { return [] }  // group 0 would match the kernel's threads
    var members: [Int32] = []
    _ = poll(timeout: limit, interval: .milliseconds(10)) {
        members = ProcTable.liveMembers(ofGroup: group)
        return members.isEmpty
    }
    return members
}

/// Waits until a live process has `marker` in its command line, up to `limit`.
func waitForProcess(withMarker marker: String, upTo limit: Duration = .seconds(10)) async -> Bool {
    // The async poll sleeps without blocking this cooperative thread, which could starve the very
    // task that starts the process (two cores give the pool two threads).
    await poll(timeout: limit, interval: .milliseconds(10)) {
        ProcTable.liveProcesses().contains { entry in
            (try? String(contentsOfFile: "/proc/\(entry.pid)/cmdline", encoding: .utf8))?.contains(marker) == true
        }
    }
}

/// Expects that the run returned within `bound` and that its process group is gone.
func expectContained(
    _ result: ProcessResult, within bound: Duration,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.duration < bound, "took \(result.duration)", sourceLocation: sourceLocation)
    #expect(result.processGroupID > 0, sourceLocation: sourceLocation)
    #expect(
        liveGroupMembers(result.processGroupID) == [], "group \(result.processGroupID) still has members",
        sourceLocation: sourceLocation)
}
