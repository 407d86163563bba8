import Foundation

/// Runs the built `crucible` binary the way a user would, for end-to-end tests.
public struct CrucibleRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The package checkout, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled course.
    public static let bundledLessons = packageRoot.appendingPathComponent("Lessons")

    /// A fixture course of the engine's tests.
    public static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/CrucibleEngineTests/Fixtures/\(name)")
    }

    /// The `crucible` binary SwiftPM built beside this test bundle.
    public static let binary: URL = {
        let testBinary = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        // On macOS the test binary sits inside an .xctest bundle.
        while folder.path != "/", !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("crucible").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("crucible")
    }()

    /// A shell command line running `crucible` on `course` with a progress file and workspace of its
    /// own in the course's hidden `.state` folder (the loader skips it), so a test never reads or
    /// changes the learner's. For tmux sessions.
    public static func shellCommand(course: URL) -> String {
        let state = course.appendingPathComponent(".state").path
        return "'\(binary.path)' --lessons '\(course.path)' --progress '\(state)/progress.json' --workspace '\(state)/workspace'"
    }

    /// Runs `crucible` with `arguments` and waits at most `timeout` seconds.
    public static func run(
        _ arguments: [String], in directory: URL = packageRoot, executable: URL = binary,
        environment extra: [String: String] = [:], timeout: TimeInterval = 60
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "CRUCIBLE_LESSONS")
        // Courses are trusted unless a test of trust itself opts out with `CRUCIBLE_TRUST: ""`.
        environment["CRUCIBLE_TRUST"] = "1"
        process.environment = environment.merging(extra) { _, new in new }
        let stdoutFile = try temporaryFile(), stderrFile = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: stdoutFile); try? FileManager.default.removeItem(at: stderrFile) }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimedOut(arguments: arguments)
        }
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutFile, encoding: .utf8),
            stderr: try String(contentsOf: stderrFile, encoding: .utf8))
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public var arguments: [String]
        public var description: String { "crucible \(arguments.joined(separator: " ")) did not finish in time" }
    }

    public static func temporaryFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-test-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        return url
    }

    /// Writes `text` to `path` inside `root`, creating the folders on the way (for test courses).
    public static func write(_ path: String, _ text: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A course in `course` with one code lesson, `t.l`, whose starter and solution are `x.txt`
    /// holding `file`, and whose check runs `steps` (the YAML list under `steps:`, unindented).
    public static func writeOneLessonCourse(steps: String, file: String = "x\n", in course: URL) throws {
        try write("course.yml", "id: c\ntitle: C\nwelcome: hi\n", in: course)
        try write("01-t/track.yml", "id: t\ntitle: T\nsummary: s\n", in: course)
        for part in ["starter", "solution"] { try write("01-t/01-l/\(part)/x.txt", file, in: course) }
        let indented = steps.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        try write(
            "01-t/01-l/lesson.md",
            "---\nid: t.l\ntitle: L\nkind: code\ncode:\n  language: text\n  starter: [x.txt]\n  solution: [x.txt]\n  steps:\n"
                + indented + "\n---\nThe lesson.\n", in: course)
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
