import CrucibleTestSupport
import Foundation
import Testing

/// The full-screen UI in a real terminal (tmux): launch, navigation, resize, signals, quitting.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct FullScreenTests {
    /// A small course written to a temporary folder, so these tests do not change when the bundled lessons grow.
    static func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        try write("course.yml", "id: tmux\ntitle: Tmux Test Course\nwelcome: Welcome aboard the tmux course.\n")
        try write("01-first/track.yml", "id: first\ntitle: First Track\nsummary: Two lessons to move between.\n")
        try write("01-first/01-intro/lesson.md", "---\nid: first.intro\ntitle: Intro lesson\nkind: read\n---\nShort intro.\n")
        let long = (1...80).map { "Paragraph line number \($0)." }.joined(separator: "\n\n")
        try write(
            "01-first/02-long/lesson.md", "---\nid: first.long\ntitle: Long lesson\nkind: read\n---\nLONG START\n\n\(long)\n\nLONG END\n")
        return root
    }

    /// A tmux session running `crucible` on the test course, past the welcome box.
    func launch(width: Int = 100, height: Int = 30, prefix: String = "") throws -> (TmuxSession, URL) {
        let course = try Self.writeCourse()
        let session = try TmuxSession(width: width, height: height)
        try session.run("\(prefix)\(CrucibleRunner.shellCommand(course: course))")
        return (session, course)
    }

    @Test func launchShowsTheWelcomeThenTheCourseMap() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        let welcome = try session.waitFor("Welcome aboard the tmux course.")
        #expect(welcome.contains("Press any key to start"))
        try session.send("Enter")
        let map = try session.waitUntil("the course map without the welcome") {
            $0.contains("Intro lesson") && !$0.contains("Welcome aboard")
        }
        #expect(map.contains("Tmux Test Course"))
        #expect(map.contains("First Track"))
        #expect(map.contains("q quit"))
    }

    @Test func navigateOpenScrollBackAndQuit() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.dismissWelcome()
        try session.waitFor("lesson 1 of 2")
        try session.send("j")
        try session.waitFor("lesson 2 of 2")
        try session.send("Enter")
        try session.waitFor("LONG START")
        try session.send("NPage")
        try session.waitUntil("the lesson scrolled a page") { !$0.contains("LONG START") && $0.contains("lines 28-") }
        try session.send("G")
        try session.waitFor("LONG END")
        try session.send("g")
        try session.waitFor("LONG START")
        try session.send("?")
        try session.waitFor("Keys: lesson")
        try session.send("Escape")
        try session.waitUntil("the help closed") { !$0.contains("Keys: lesson") }
        try session.send("q")
        try session.waitFor("lesson 2 of 2")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
        try session.requireShellRestored()
    }

    @Test func resizingNeverBreaksTheScreen() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.waitFor("Press any key")
        try session.send("Enter", "j", "Enter")
        try session.waitFor("LONG START")
        try session.resize(through: [(60, 18), (200, 60), (100, 30)], expectingBottomBar: "? help")
        try session.send("q", "q")
        try session.waitFor(TmuxSession.prompt)
        try session.requireShellRestored()
    }

    @Test func aTooSmallTerminalShowsAMessageAndRecovers() throws {
        let (session, course) = try launch(width: 30, height: 8)
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        let screen = try session.waitFor("terminal too small")
        #expect(screen.contains("need 40x10"))
        #expect(screen.contains("have 30x8"))
        try session.resize(width: 80, height: 24)
        try session.waitFor("Welcome aboard")
        try session.send("Enter", "q")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.waitFor("Press any key")
        let crucible = try #require(try session.shellChildren().first)
        #expect(kill(crucible, SIGTERM) == 0)
        try session.waitFor(TmuxSession.prompt)
        try session.requireShellRestored()
    }

    @Test func ctrlCQuitsCleanly() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.dismissWelcome()
        try session.waitFor("lesson 1 of 2")
        try session.send("C-c")
        try session.waitFor(TmuxSession.prompt)
        try session.run("echo status=$?")
        try session.waitFor("status=0")
        try session.requireShellRestored()
    }
}
