import Foundation

/// A two-lesson course in a temporary folder, with its own progress file, workspace and cache,
/// for tests that run the binary on a course they change between runs (the course index).
///
/// Track `t`: `t.read` "Read this first" (read, body `READ BODY`) and `t.echo` "Echo the answer"
/// (code, body `ECHO BODY`: passes when `answer.txt`, `right` as the starter gives it, is the word
/// its step expects).
public struct TwoLessonCourse {
    /// The temporary folder holding everything; ``remove()`` deletes it.
    public let folder: URL
    public var root: URL { folder.appendingPathComponent("course") }
    /// Where the course index is kept, under this course's own cache.
    public var indexFolder: URL { folder.appendingPathComponent("cache/crucible/course-index") }
    /// The progress file, workspace and cache of this course, for `crucible` run by `CrucibleRunner`.
    public var environment: [String: String] {
        [
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
    }

    public init() throws {
        folder = try CrucibleRunner.temporaryFolder()
        // As root, each check runs under a uid of its own, which must be able to read the course.
        chmod(folder.path, 0o755)
        try write("course.yml", "id: ixt\ntitle: Index course\nwelcome: Welcome to the index course.\n")
        try write("01-t/track.yml", "id: t\ntitle: The only track\nsummary: Two lessons.\n")
        try write("01-t/01-read/lesson.md", Self.readLesson(title: "Read this first"))
        try writeEcho(expecting: "right")
        try write("01-t/02-echo/starter/answer.txt", "right\n")
        try write("01-t/02-echo/solution/answer.txt", "right\n")
    }

    /// The read lesson's file with `title`.
    public static func readLesson(title: String) -> String {
        "---\nid: t.read\ntitle: \(title)\nkind: read\n---\nREAD BODY\n"
    }

    /// Writes `text` to `path` under the course root, in place (the file keeps its inode).
    public func write(_ path: String, _ text: String) throws {
        try CourseFixture.writeFile(root.appendingPathComponent(path), text)
    }

    /// Rewrites the code lesson so that its step expects `word`.
    public func writeEcho(expecting word: String) throws {
        try write(
            "01-t/02-echo/lesson.md",
            """
            ---
            id: t.echo
            title: Echo the answer
            kind: code
            code:
              language: text
              starter: [answer.txt]
              solution: [answer.txt]
              steps:
                - run: [cat, answer.txt]
                  expect:
                    stdout: { equals: "\(word)\\n" }
            ---
            ECHO BODY

            """)
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }
}
