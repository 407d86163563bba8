import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check` with a current course index parses only the lesson it checks; any change
/// to the course's files makes the index stale, and the check then sees the files as they are.
@Suite struct CheckFromIndexTests {
    private struct Course {
        let folder: URL
        var root: URL { folder.appendingPathComponent("course") }
        var environment: [String: String] {
            [
                "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
                "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
                "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
            ]
        }

        init() throws {
            folder = try CrucibleRunner.temporaryFolder()
            try write("course.yml", "id: ix\ntitle: Index course\nwelcome: hi\n")
            try write("01-t/track.yml", "id: t\ntitle: T\nsummary: A track.\n")
            try write("01-t/01-read/lesson.md", "---\nid: t.read\ntitle: Read\nkind: read\n---\nRead me.\n")
            try echo(expecting: "right")
            try write("01-t/02-echo/starter/answer.txt", "right\n")
            try write("01-t/02-echo/solution/answer.txt", "right\n")
        }

        func write(_ path: String, _ text: String) throws {
            try CourseFixture.writeFile(root.appendingPathComponent(path), text)
        }

        func echo(expecting word: String) throws {
            try write(
                "01-t/02-echo/lesson.md",
                """
                ---
                id: t.echo
                title: Echo
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
                Echo.

                """)
        }

        func check(_ id: String = "t.echo") throws -> CrucibleRunner.Result {
            try CrucibleRunner.run(["--lessons", root.path, "check", id, "--no-cache"], environment: environment)
        }
    }

    @Test func aCurrentIndexSparesTheOtherLessonsAndAChangedFileIsSeen() throws {
        let course = try Course()
        defer { try? FileManager.default.removeItem(at: course.folder) }
        let first = try course.check()
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let indexes = try FileManager.default.contentsOfDirectory(
            atPath: course.folder.appendingPathComponent("cache/crucible/course-index").path)
        #expect(indexes.count == 1, "the first check keeps the index")

        // Broken behind the index's back (same size, same modification time): only a check
        // that parses every lesson would report it.
        let read = course.root.appendingPathComponent("01-t/01-read/lesson.md")
        var before = stat()
        #expect(stat(read.path, &before) == 0)
        try course.write("01-t/01-read/lesson.md", "---\nid: t.read\ntitle: [Rea\nkind: read\n---\nRead me.\n")
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, read.path, &times, 0)
        let spared = try course.check()
        #expect(spared.status == 0, "\(spared.stdout)\(spared.stderr)")
        #expect(!spared.stderr.contains("lesson.md"), "the read lesson was parsed: \(spared.stderr)")

        // A real edit: the index is stale, the whole course loads, and both changes are seen.
        try course.echo(expecting: "wrong")
        let changed = try course.check()
        #expect(changed.status == 1, "\(changed.stdout)\(changed.stderr)")
        #expect(changed.stdout.contains("wrong output"), "\(changed.stdout)")
        #expect(changed.stderr.contains("01-read/lesson.md"), "the broken lesson is reported: \(changed.stderr)")
    }
}
