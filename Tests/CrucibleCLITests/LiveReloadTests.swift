import CrucibleTestSupport
import Foundation
import Testing

/// Live reload while authoring: a lesson edited while it is on screen changes at once, a lesson
/// that stops parsing shows its diagnostics in place, and fixing it brings it back.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct LiveReloadTests {
    @Test func breakingAndFixingALessonOnScreen() throws {
        let course = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        func write(_ path: String, _ text: String) throws {
            let url = course.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Written the way editors save: a temporary file renamed over the old one.
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
            try text.write(to: temporary, atomically: false, encoding: .utf8)
            _ = rename(temporary.path, url.path)
        }
        let lesson = "01-t/01-reload/lesson.md"
        try write("course.yml", "id: live\ntitle: Live Course\nwelcome: Welcome, author.\n")
        try write("01-t/track.yml", "id: t\ntitle: Live Track\nsummary: Lessons being written.\n")
        try write(lesson, "---\nid: t.reload\ntitle: Reload me\nkind: read\n---\nORIGINAL TEXT of the lesson.\n")

        let session = try TmuxSession()
        defer { session.close() }
        let state = course.appendingPathComponent(".state").path
        try session.run("'\(CrucibleRunner.binary.path)' --lessons '\(course.path)' --progress '\(state)/p.json' --workspace '\(state)/w'")
        try session.waitFor("Welcome, author.")
        try session.send("Enter")
        try session.waitFor("Reload me")
        try session.send("Enter")
        try session.waitFor("ORIGINAL TEXT")

        try write(lesson, "---\nid: t.reload\ntitle: Reload me\nkind: read\n---\nEDITED TEXT, saved while on screen.\n")
        try session.waitFor("EDITED TEXT")

        try write(lesson, "---\nid: t.reload\ntitle: Reload me\nkind: [read\n---\nBroken.\n")
        let broken = try session.waitFor("no longer loads")
        // libyaml notices the unclosed `[` where the next line starts; lint points at the `[` itself.
        #expect(
            broken.contains("01-reload/lesson.md:4:7: error:") && broken.contains("YAML syntax error"),
            "the diagnostic should name the file, line and problem:\n\(broken)")

        try write(lesson, "---\nid: t.reload\ntitle: Reload me\nkind: read\n---\nFIXED TEXT is back.\n")
        try session.waitFor("FIXED TEXT is back.")
        try session.send("q", "q")
        try session.waitFor(TmuxSession.prompt)
    }
}
