import CrucibleTestSupport
import Foundation
import Testing

/// The course index in the real binary and a real terminal: a second launch draws its first
/// frame from the index and still checks the lesson as its files say, and a lesson changed
/// between launches shows as changed on the next one.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct CourseIndexTmuxTests {
    private let folder: URL
    private var course: URL { folder.appendingPathComponent("course") }
    private var index: URL { folder.appendingPathComponent("cache/crucible/course-index") }

    init() throws {
        folder = try CrucibleRunner.temporaryFolder()
        // As root, each check runs under a uid of its own, which must be able to read the course.
        chmod(folder.path, 0o755)
        let files = [
            "course.yml": "id: ixt\ntitle: Index terminal course\nwelcome: Welcome to the index course.\n",
            "01-t/track.yml": "id: t\ntitle: The only track\nsummary: Two lessons.\n",
            "01-t/01-read/lesson.md": "---\nid: t.read\ntitle: Read this first\nkind: read\n---\nREAD BODY\n",
            "01-t/02-echo/lesson.md": """
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
                    stdout: { equals: "right\\n" }
            ---
            ECHO BODY

            """,
            "01-t/02-echo/starter/answer.txt": "right\n",
            "01-t/02-echo/solution/answer.txt": "right\n",
        ]
        for (path, text) in files { try CourseFixture.writeFile(course.appendingPathComponent(path), text) }
    }

    private func launch() throws -> TmuxSession {
        let session = try TmuxSession()
        try session.run(
            "XDG_CACHE_HOME='\(folder.path)/cache' '\(CrucibleRunner.binary.path)' --lessons '\(course.path)'"
                + " --progress '\(folder.path)/progress.json' --workspace '\(folder.path)/workspace'")
        return session
    }

    private func quit(_ session: TmuxSession) throws {
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
        session.close()
    }

    @Test func aSecondLaunchStartsFromTheIndexAndSeesWhatChanged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try launch()
        try first.dismissWelcome()
        try first.waitFor("Echo the answer")
        try quit(first)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: index.path))?.count == 1, "the first launch keeps the index")

        // From the index: the code lesson opens and its check runs the steps in its file.
        let second = try launch()
        try second.dismissWelcome()  // nothing was saved yet, so it is still a first launch
        try second.waitUntil("the map without the welcome box") { $0.contains("Echo the answer") && !$0.contains("Press any key") }
        try second.send("Down", "Enter")
        try second.waitFor("ECHO BODY")
        try second.send("c")
        try second.waitFor("Passed!")
        try second.send("q")  // closes the result
        try second.waitFor("r shows the result")
        try second.send("q")
        try second.waitUntil("the map again") { $0.contains("Read this first") && !$0.contains("ECHO BODY") }
        try quit(second)

        // Changed between launches: the next first frame has the new title, not the index's.
        try CourseFixture.writeFile(
            course.appendingPathComponent("01-t/01-read/lesson.md"),
            "---\nid: t.read\ntitle: Read this, renamed\nkind: read\n---\nREAD BODY\n")
        let third = try launch()
        try third.waitFor("Read this, renamed")
        #expect(!(try third.capture()).contains("Read this first"))
        try quit(third)
    }
}
