import Foundation

/// A course from outside Crucible in a temporary folder, for the tests of course trust, with a
/// config folder of its own (`XDG_CONFIG_HOME`) so the learner's trust file is never touched.
///
/// Course `tc`, tool `fake-lint` declared in `course.yml`; track `t`: `t.fix` (code: passes once
/// `answer.txt` says `fixed`; a hidden harness `check/harness.sh` runs it), `t.quiz` (answers 1
/// and 2), `t.read`.
public struct TrustTestCourse {
    public let root: URL
    public var folder: URL { root.appendingPathComponent("course") }
    public var config: URL { root.appendingPathComponent("config") }
    public var trustFile: URL { config.appendingPathComponent("crucible/trust.json") }
    public var lesson: URL { folder.appendingPathComponent("01-t/01-fix") }

    /// Options keeping progress, workspace and caches inside the test folder.
    public var options: [String] {
        [
            "--lessons", folder.path, "--progress", root.appendingPathComponent("progress.json").path,
            "--workspace", root.appendingPathComponent("workspace").path,
        ]
    }

    /// The environment of a run that is not trusted beforehand: no `CRUCIBLE_TRUST`, its own config folder.
    public var untrustedEnvironment: [String: String] {
        [
            "CRUCIBLE_TRUST": "", "CRUCIBLE_TRUST_FILE": "", "XDG_CONFIG_HOME": config.path,
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
        ]
    }

    /// The same environment as shell assignments, for a command typed into tmux.
    public var untrustedShellPrefix: String {
        untrustedEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ") + " "
    }

    public static let courseFile = """
        id: tc
        title: Trust test course
        welcome: Hello.
        tools:
          fake-lint:
            purpose: "the course's linter"
            kind: build
            version: [--version]
            install:
              debian: "pip install fake-lint"

        """

    public static let fixLesson = """
        ---
        id: t.fix
        title: Fix it
        kind: code
        code:
          language: text
          starter: [answer.txt]
          solution: [answer.txt]
          hidden: [harness.sh]
          steps:
            - name: answer
              run: [sh, harness.sh]
        ---
        Write `fixed` into answer.txt.
        """

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-trust-\(UUID().uuidString)")
        let files = [
            "course.yml": Self.courseFile,
            "01-t/track.yml": "id: t\ntitle: T\nsummary: A track.\n",
            "01-t/01-fix/lesson.md": Self.fixLesson,
            "01-t/01-fix/starter/answer.txt": "broken\n",
            "01-t/01-fix/solution/answer.txt": "fixed\n",
            "01-t/01-fix/check/harness.sh": "grep -q fixed answer.txt\n",
            "01-t/02-quiz/lesson.md": CommandTestCourse.quizLesson,
            "01-t/03-read/lesson.md": "---\nid: t.read\ntitle: Read\nkind: read\nhints: [A hint.]\n---\nJust read.\n",
        ]
        for (path, text) in files { try write(text, to: path) }
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    }

    /// Writes `text` at `path` under the course folder.
    public func write(_ text: String, to path: String) throws {
        let file = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: false, encoding: .utf8)
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }

    /// `folder` with links resolved, as the trust file keys it (`/tmp` may be a link).
    public static func realPath(_ folder: URL) -> String {
        guard let resolved = realpath(folder.path, nil) else { return folder.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
