import CrucibleEngine
import Foundation

/// A small course in a temporary folder for `watch` and `hint` tests, with its own workspace,
/// progress file and check cache so tests never touch the learner's.
///
/// Lesson `t.fix` passes once `answer.txt` contains `fixed`. Its check appends a line to
/// `signals/runs.log` each time it really runs and leaves its shell's pid in `signals/pid`; when
/// `blocking` is set it waits for the test to create `signals/release`, so a test can hold a
/// check open while it saves.
public struct WatchTestCourse {
    public let root: URL
    public var lessons: URL { root.appendingPathComponent("course") }
    public var signals: URL { lessons.appendingPathComponent("01-t/01-fix/signals") }
    public var workspace: URL { root.appendingPathComponent("workspace/wcourse/t.fix") }
    public var progressFile: URL { root.appendingPathComponent("progress.json") }

    public var environment: [String: String] {
        [
            "CRUCIBLE_WORKSPACE": root.appendingPathComponent("workspace").path,
            "CRUCIBLE_PROGRESS": progressFile.path,
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
            // The check reports to the test through `signals/` beside the lesson and its shell's
            // pid, which a sandboxed check can neither write (read-only) nor share (its own PID
            // namespace). These tests are about watching; SandboxTests cover the fence.
            Sandbox.disableKey: "1",
        ]
    }

    public init(blocking: Bool = false) throws {
        root = try CrucibleRunner.temporaryFolder()
        // A held check must outlast a slow, loaded test run: its deadline is far off (300 s).
        let wait = blocking ? "while [ ! -e {lesson}/signals/release ]; do sleep 0.02; done; " : ""
        try write("course.yml", "id: wcourse\ntitle: Watch course\nwelcome: hi\n")
        try write("01-t/track.yml", "id: t\ntitle: T\nsummary: A track.\n")
        try write(
            "01-t/01-fix/lesson.md",
            """
            ---
            id: t.fix
            title: Fix it
            kind: code
            hints:
              - Look at `answer.txt`.
              - Write the word fixed.
              - Save the file.
            code:
              language: text
              starter: [answer.txt]
              solution: [answer.txt]
              steps:
                - name: answer
                  run: [sh, "-c", "echo run >> {lesson}/signals/runs.log; echo $$ > {lesson}/signals/pid; \(wait)grep -q fixed answer.txt"]
                  timeout: 300
            ---
            Write `fixed` into answer.txt.
            """)
        try write("01-t/01-fix/starter/answer.txt", "broken\n")
        try write("01-t/01-fix/solution/answer.txt", "fixed\n")
        try write("01-t/02-read/lesson.md", "---\nid: t.read\ntitle: Read\nkind: read\n---\nJust read.\n")
        try FileManager.default.createDirectory(at: signals, withIntermediateDirectories: true)
        // As root, each check runs under a fresh uid of its own, which must be able to append here.
        chmod(signals.path, 0o777)
        for name in ["runs.log", "pid"] {
            let file = signals.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            chmod(file, 0o666)
        }
    }

    /// Writes `text` to `path` under the course folder, creating folders.
    public func write(_ path: String, _ text: String) throws {
        let file = lessons.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: false, encoding: .utf8)
    }

    /// Saves `text` as the learner's answer the way most editors do: a temporary file renamed over it.
    public func save(_ text: String) throws {
        let temporary = workspace.appendingPathComponent(".answer.txt.tmp-\(UUID().uuidString)")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary.path, workspace.appendingPathComponent("answer.txt").path) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// How many times the check really ran (cached results do not run it).
    public var runs: Int {
        let log = (try? String(contentsOf: signals.appendingPathComponent("runs.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").count
    }

    /// The pid of the shell of the check that ran last, once one has started.
    public var checkPID: pid_t? {
        (try? String(contentsOf: signals.appendingPathComponent("pid"), encoding: .utf8))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Lets a blocked check finish, and every later one run straight through.
    public func release() {
        _ = FileManager.default.createFile(atPath: signals.appendingPathComponent("release").path, contents: nil)
    }

    /// The learner's progress in this course, read afresh.
    public func progress() throws -> CourseProgress {
        try ProgressStore(courseID: "wcourse", file: progressFile).current
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A `crucible` process that keeps running (like `watch`), with its output collected as it
/// comes and its standard input held open for the test to write to.
public final class RunningCrucible: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var collected = Data()

    public init(_ arguments: [String], environment extra: [String: String]) throws {
        process.executableURL = CrucibleRunner.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "CRUCIBLE_LESSONS")
        environment["CRUCIBLE_TRUST"] = "1"
        process.environment = environment.merging(extra) { _, new in new }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.collected.append(data) }
        }
        try process.run()
    }

    deinit {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { process.terminate() }
    }

    /// Everything printed so far, stdout and stderr interleaved.
    public var text: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// How often `fragment` appears in the output so far.
    public func count(_ fragment: String) -> Int { text.components(separatedBy: fragment).count - 1 }

    /// Polls until the output holds `fragment` at least `times` times; returns whether it did in time.
    public func waitFor(_ fragment: String, times: Int = 1, upTo timeout: Duration = .seconds(30)) async -> Bool {
        await poll(timeout: timeout) { self.count(fragment) >= times }
    }

    /// Types a line, as pressing Enter would.
    public func enter() { input.fileHandleForWriting.write(Data("\n".utf8)) }

    /// Closes standard input (end of file).
    public func closeInput() { try? input.fileHandleForWriting.close() }

    /// Sends Ctrl-C's signal.
    public func interrupt() { process.interrupt() }

    /// Sends SIGTERM.
    public func terminate() { process.terminate() }

    /// Polls until the process exits; returns its status, or nil if it is still running at the deadline.
    public func waitForExit(upTo timeout: Duration = .seconds(15)) async -> Int32? {
        guard await poll(timeout: timeout, until: { !self.process.isRunning }) else { return nil }
        return process.terminationStatus
    }
}
