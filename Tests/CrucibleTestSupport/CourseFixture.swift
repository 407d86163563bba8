import CrucibleEngine
import CrucibleRuntime
import Foundation

/// A small course written to a temporary folder, with its own progress file, workspace and check
/// cache beside it, for whole-session tests. Its checks run `sh`, `cat` and `echo`, never a
/// compiler, so each takes milliseconds.
///
/// Lessons, in order:
/// - `t.read` "Read me" (read): body `READ BODY`.
/// - `t.quiz` "Quiz me" (quiz): one question; choice 2 (`Go`) is right.
/// - `t.echo` "Echo" (code): passes when `answer.txt` says `right`; the starter says `right`, so it passes as given.
/// - `t.guess` "Guess" (predict): the program prints `42`; its run step echoes it.
/// - `t.hold` "Hold" (code): its check writes its pid to `signals/hold.pid`, then waits until `signals/release` exists.
public struct CourseFixture {
    /// The temporary folder holding everything below; ``remove()`` deletes it.
    public let folder: URL
    /// The course's root folder (course.yml).
    public var root: URL { folder.appendingPathComponent("course") }
    public var progressFile: URL { folder.appendingPathComponent("state/progress.json") }
    public var workspace: Workspace { Workspace(root: folder.appendingPathComponent("workspace"), courseID: "session") }
    /// Where the checks' results are cached: a reload must never be answered from here with the old steps.
    public var cacheFolder: URL { folder.appendingPathComponent("cache") }
    /// Files the `t.hold` check reads and writes, outside the course so writing them reloads nothing.
    public var signals: URL { folder.appendingPathComponent("signals") }

    public init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("crucible-session-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: signals, withIntermediateDirectories: true)
        // As root, each check runs under a uid of its own, which must be able to write here.
        chmod(signals.path, 0o777)
        try write("course.yml", "id: session\ntitle: Session Course\nwelcome: Welcome to the session course.\n")
        try write("01-t/track.yml", "id: t\ntitle: Everything\nsummary: One of each kind.\n")
        try write("01-t/01-read/lesson.md", "---\nid: t.read\ntitle: Read me\nkind: read\n---\nREAD BODY\n")
        try write(
            "01-t/02-quiz/lesson.md",
            """
            ---
            id: t.quiz
            title: Quiz me
            kind: quiz
            questions:
              - prompt: Which language has a tracing garbage collector?
                choices:
                  - text: C
                    explanation: WRONG-C you call free yourself.
                  - text: Go
                    explanation: RIGHT-GO its collector traces.
                answer: 2
            ---
            QUIZ BODY

            """)
        try writeEcho(expected: "right")
        try write("01-t/03-echo/starter/answer.txt", "right\n")
        try write("01-t/03-echo/solution/answer.txt", "right\n")
        try write(
            "01-t/04-guess/lesson.md",
            """
            ---
            id: t.guess
            title: Guess
            kind: predict
            predict:
              language: sh
              program: program.sh
              answer: "42"
              run:
                - run: [sh, program.sh]
            ---
            GUESS BODY

            """)
        try write("01-t/04-guess/program.sh", "echo 42\n")
        try write(
            "01-t/05-hold/lesson.md",
            """
            ---
            id: t.hold
            title: Hold
            kind: code
            code:
              language: text
              starter: [hold.txt]
              solution: [hold.txt]
              steps:
                - name: hold
                  run: [sh, "-c", "echo $$ > \(signals.path)/hold.pid; while [ ! -e \(signals.path)/release ]; do sleep 0.01; done"]
                  timeout: 300
            ---
            HOLD BODY

            """)
        try write("01-t/05-hold/starter/hold.txt", "x\n")
        try write("01-t/05-hold/solution/hold.txt", "x\n")
    }

    /// Writes `t.echo`'s lesson.md with the check expecting `expected` as the whole of `answer.txt`.
    public func writeEcho(expected: String, title: String = "Echo") throws {
        try write(
            "01-t/03-echo/lesson.md",
            """
            ---
            id: t.echo
            title: \(title)
            kind: code
            hints: [Write right.]
            code:
              language: text
              starter: [answer.txt]
              solution: [answer.txt]
              steps:
                - name: echo
                  run: [cat, answer.txt]
                  expect:
                    stdout: { equals: "\(expected)" }
            ---
            ECHO BODY

            """)
    }

    /// Writes `text` to `path` under the course root, creating folders.
    public func write(_ path: String, _ text: String) throws {
        try Self.writeFile(root.appendingPathComponent(path), text)
    }

    /// Replaces `old` with `new` in the file at `path` under the course root.
    public func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        guard text.contains(old) else { throw TestTerminalError(message: "\(path) has no `\(old)` to replace") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Writes the learner's file `name` of lesson `id` in the workspace, as an editor saves it.
    public func writeWorkspaceFile(_ name: String, of id: String, _ text: String) throws {
        let file = workspace.folder(for: id).appendingPathComponent(name)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(name).saving")
        try Self.writeFile(temporary, text)
        guard rename(temporary.path, file.path) == 0 else { throw Self.failure("cannot rename \(temporary.path)") }
    }

    /// Writes `text` to `file`, creating folders, with plain system calls: Foundation's file
    /// writing and removal take about 10 ms a file here, more than a whole session test's checks.
    public static func writeFile(_ file: URL, _ text: String) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(file.path)") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw failure("cannot write \(file.path)")
        }
    }

    /// Removes `path` and everything in it, without following links.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func failure(_ what: String) -> TestTerminalError {
        TestTerminalError(message: what + ": " + String(cString: strerror(errno)))
    }

    /// Removes a lesson's folder from the course.
    public func removeLesson(_ folder: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(folder))
    }

    /// The course as the loader reads it now.
    public func load() -> CourseLoadResult { CourseLoader.load(from: root) }

    /// Settings for a session on this course: its own progress, workspace and cache, no tool cache
    /// on disk, and `environment` for the editor.
    public func settings(environment: [String: String] = [:]) -> FullScreenSession.Settings {
        var settings = FullScreenSession.Settings(progressFile: progressFile, workspace: workspace)
        settings.checkEngine = CheckEngine(cache: CheckCache(folder: cacheFolder), tools: ToolProbe())
        settings.toolProbe = ToolProbe()
        // Tests reload with FullScreenSession.reloadCourse(), at a moment they choose.
        settings.watchCourse = false
        settings.environment = environment
        return settings
    }

    /// A session on this course as it is on disk now.
    public func session(
        environment: [String: String] = [:], sandbox: (@Sendable () -> SandboxStatus)? = nil
    ) -> FullScreenSession {
        var settings = settings(environment: environment)
        settings.sandbox = sandbox
        return FullScreenSession(load(), root: root, settings: settings)
    }

    /// The course's index, kept in this fixture's cache folder.
    public var index: CourseIndexStore { CourseIndexStore(root: root, cache: cacheFolder) }

    /// A session that starts, as a launch with a current index does, from `index`'s stand-in
    /// course and loads the course in full after its first frame.
    public func session(startingFrom index: CourseIndex, opening lesson: String? = nil) -> FullScreenSession {
        var settings = settings()
        settings.fullLoadAfterFirstFrame = self.index
        settings.openLesson = lesson
        return FullScreenSession(index.loadResult, root: root, settings: settings)
    }

    /// The progress file as saved, decoded; nil when nothing was saved.
    public func savedProgress() throws -> CourseProgress? {
        guard FileManager.default.fileExists(atPath: progressFile.path) else { return nil }
        return try ProgressStore(courseID: "session", file: progressFile).current
    }

    /// The pid the `t.hold` check wrote, once it is running.
    public func holdPID() -> pid_t? {
        guard let text = try? String(contentsOf: signals.appendingPathComponent("hold.pid"), encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Lets the `t.hold` check end.
    public func releaseHold() {
        try? Self.writeFile(signals.appendingPathComponent("release"), "")
    }

    public func remove() {
        releaseHold()
        Self.removeTree(folder.path)
    }
}
