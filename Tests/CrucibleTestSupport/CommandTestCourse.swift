import CrucibleEngine
import CrucibleRuntime
import Foundation

/// A small course in a temporary folder for the command runtime's tests, with its own workspace
/// and check cache so tests never touch the learner's.
///
/// Track `t`: `t.fix` (code: passes once `answer.txt` contains `fixed`; each real run appends a
/// line to `signals/runs.log`, and with `blocking` it waits for `signals/release`), `t.quiz` (two
/// questions, answers 1 and 2), `t.read` (two hints). Track `u`: `u.read`.
public struct CommandTestCourse {
    public let root: URL
    public var folder: URL { root.appendingPathComponent("course") }
    public var signals: URL { folder.appendingPathComponent("01-t/01-fix/signals") }
    public var workspace: Workspace { Workspace(root: root.appendingPathComponent("workspace"), courseID: "rt") }
    public var cache: CheckCache { CheckCache(folder: root.appendingPathComponent("cache")) }
    public let loaded: CourseLoadResult

    /// `t.quiz`: two questions, answers 1 and 2.
    public static let quizLesson = """
        ---
        id: t.quiz
        title: Quiz
        kind: quiz
        questions:
          - prompt: Two plus two?
            choices:
              - { text: "4", explanation: Right. }
              - { text: "5", explanation: No. }
            answer: 1
          - prompt: Two times three?
            choices:
              - { text: "5", explanation: No. }
              - { text: "6", explanation: Right. }
            answer: 2
        ---
        Sums.
        """

    public init(blocking: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-runtime-\(UUID().uuidString)")
        let wait = blocking ? "while [ ! -e {lesson}/signals/release ]; do sleep 0.02; done; " : ""
        let files = [
            "course.yml": "id: rt\ntitle: Runtime course\nwelcome: hi\n",
            "01-t/track.yml": "id: t\ntitle: T\nsummary: A track.\n",
            "01-t/01-fix/lesson.md": """
            ---
            id: t.fix
            title: Fix it
            kind: code
            code:
              language: text
              starter: [answer.txt]
              solution: [answer.txt]
              steps:
                - name: answer
                  run: [sh, "-c", "echo run >> {lesson}/signals/runs.log; \(wait)grep -q fixed answer.txt"]
                  timeout: 300
            ---
            Write `fixed` into answer.txt.
            """,
            "01-t/01-fix/starter/answer.txt": "broken\n",
            "01-t/01-fix/solution/answer.txt": "fixed\n",
            "01-t/02-quiz/lesson.md": Self.quizLesson,
            "01-t/03-read/lesson.md": "---\nid: t.read\ntitle: Read\nkind: read\nhints: [First hint., Second hint.]\n---\nJust read.\n",
            "02-u/track.yml": "id: u\ntitle: U\nsummary: Another track.\n",
            "02-u/01-read/lesson.md": "---\nid: u.read\ntitle: Read too\nkind: read\n---\nRead this too.\n",
        ]
        for (path, text) in files {
            let file = root.appendingPathComponent("course").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: false, encoding: .utf8)
        }
        let signals = root.appendingPathComponent("course/01-t/01-fix/signals")
        try FileManager.default.createDirectory(at: signals, withIntermediateDirectories: true)
        // As root, each check runs under a fresh uid of its own, which must be able to append here.
        chmod(signals.path, 0o777)
        _ = FileManager.default.createFile(atPath: signals.appendingPathComponent("runs.log").path, contents: nil)
        chmod(signals.appendingPathComponent("runs.log").path, 0o666)
        loaded = CourseLoader.load(from: root.appendingPathComponent("course"))
        guard loaded.errors.isEmpty, loaded.course != nil else {
            throw CommandFailure(message: "the test course does not load: \(loaded.errors)")
        }
    }

    public func lesson(_ id: String) throws -> Lesson { try requireLesson(id, in: loaded) }

    /// The course's outline, for planning and game rules.
    public var outline: CourseOutline { CourseOutline(loaded.course!) }

    /// How many times the code lesson's check really ran (cached results do not run it).
    public var runs: Int {
        let log = (try? String(contentsOf: signals.appendingPathComponent("runs.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").count
    }

    /// Lets a blocked check finish, and every later one run straight through.
    public func release() {
        _ = FileManager.default.createFile(atPath: signals.appendingPathComponent("release").path, contents: nil)
    }

    /// Saves `text` as the learner's answer the way most editors do: a temporary file renamed over it.
    public func save(_ text: String, in folder: URL) throws {
        let temporary = folder.appendingPathComponent(".answer.txt.tmp-\(UUID().uuidString)")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary.path, folder.appendingPathComponent("answer.txt").path) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
