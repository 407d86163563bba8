import CrucibleTestSupport
import Foundation
import Testing

/// The game around the course map in a real terminal (tmux): the welcome only on a first launch,
/// progress earned on the command line shown in the header, resuming where the learner left
/// off, search and stats. Every launch uses a progress file and workspace of the test's own.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct FullScreenProgressTests {
    /// ``FullScreenTests``' course with a quiz first (to earn XP with `crucible check`): quiz, intro, long lesson.
    static func writeCourse() throws -> URL {
        let root = try FullScreenTests.writeCourse()
        let quiz = root.appendingPathComponent("01-first/00-quiz")
        try FileManager.default.createDirectory(at: quiz, withIntermediateDirectories: true)
        try """
        ---
        id: first.quiz
        title: Garbage quiz
        kind: quiz
        questions:
          - prompt: Which language has a tracing garbage collector?
            choices:
              - text: C
                explanation: C frees memory only when you call free().
              - text: Go
                explanation: Right.
            answer: 2
        ---
        Answer the question.

        """.write(to: quiz.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        return root
    }

    /// `crucible ARGUMENTS` on `course` with the same progress file and workspace as the full-screen launches.
    func runCLI(_ arguments: [String], course: URL) throws -> CrucibleRunner.Result {
        let state = course.appendingPathComponent(".state")
        return try CrucibleRunner.run(
            arguments + [
                "--lessons", course.path, "--progress", state.appendingPathComponent("progress.json").path,
                "--workspace", state.appendingPathComponent("workspace").path,
            ])
    }

    /// A tmux session running `crucible` on a new copy of the course with no progress yet.
    func launchFresh() throws -> (TmuxSession, URL) {
        let course = try Self.writeCourse()
        let session = try TmuxSession(width: 100, height: 30)
        try session.run(CrucibleRunner.shellCommand(course: course))
        return (session, course)
    }

    /// Waits for the shell prompt, so that the next launch starts after the last one has saved and exited.
    func expectQuit(_ session: TmuxSession) throws {
        try session.waitUntil("the shell prompt after quitting") {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(TmuxSession.prompt)
        }
    }

    @Test func theWelcomeIsOnlyForTheFirstLaunch() throws {
        let (session, course) = try launchFresh()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        let welcome = try session.waitFor("Welcome aboard the tmux course.")
        #expect(welcome.contains("find a lesson"))
        try session.send("Enter")
        try session.waitUntil("the map without the welcome") { $0.contains("Intro lesson") && !$0.contains("Welcome aboard") }
        // Opening a lesson is progress, so the next launch goes straight to the map.
        try session.send("j", "Enter")
        try session.waitFor("Short intro.")
        try session.send("q", "q")
        try expectQuit(session)
        try session.run("clear; " + CrucibleRunner.shellCommand(course: course))
        let map = try session.waitFor("lesson 2 of 3")
        #expect(!map.contains("Welcome aboard"))
        #expect(map.contains("◀ continue"))
    }

    @Test func quittingAndLaunchingAgainLandsOnTheSamePlaceWithTheSameXP() throws {
        let course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: course) }
        let check = try runCLI(["check", "first.quiz", "2"], course: course)
        #expect(check.status == 0, "crucible check failed: \(check.stdout)\(check.stderr)")
        let summary = try runCLI(["progress", "--json"], course: course)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let xp = try #require(json["xp"] as? Int)
        #expect(xp > 0)

        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        try session.run(CrucibleRunner.shellCommand(course: course))
        // Progress exists, so no welcome: the header shows the XP the check earned and the quiz is passed.
        let map = try session.waitFor("\(xp)/50 XP")
        #expect(!map.contains("Welcome aboard"))
        #expect(map.contains("1/3"))
        #expect(map.contains("✓ quiz"))
        try session.send("G", "Enter")
        try session.waitFor("LONG START")
        try session.send("NPage")
        let scrolled = try session.waitUntil("the lesson scrolled a page") { !$0.contains("LONG START") && $0.contains("lines 28-") }
        let firstLine = try #require(scrolled.split(separator: "\n").dropFirst().first { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        // Ctrl-C saves the position too, like q.
        try session.send("C-c")
        try expectQuit(session)

        try session.run("clear; " + CrucibleRunner.shellCommand(course: course))
        let again = try session.waitFor("lesson 3 of 3")
        #expect(again.contains("\(xp)/50 XP"))
        #expect(again.contains("Long lesson  ◀ continue"))
        try session.send("Enter")
        let resumed = try session.waitFor("lines 28-")
        #expect(resumed.contains(String(firstLine)), "not at the saved line:\n\(resumed)")
        try session.send("q", "q")
        try expectQuit(session)
    }

    @Test func aCorruptProgressFileIsMovedAsideAndSaidSoInABox() throws {
        let course = try Self.writeCourse()
        let state = course.appendingPathComponent(".state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try "{ not json".write(to: state.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.run(CrucibleRunner.shellCommand(course: course))
        let note = try session.waitFor("Press any key to close")
        #expect(note.contains("Progress file"))
        #expect(note.contains("moved to"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: state.path).filter { $0.contains("corrupt") }
        #expect(aside.count == 1, "files: \(aside)")
        // Nothing was kept, so this counts as a first launch: the welcome is under the note.
        try session.send("Enter")
        try session.waitUntil("the note closed over the welcome") {
            !$0.contains("Press any key to close") && $0.contains("Welcome aboard")
        }
        try session.send("Enter", "q")
        try expectQuit(session)
    }

    @Test func aFileFromANewerCrucibleIsLeftUntouchedAndTheCourseStillPlays() throws {
        let course = try Self.writeCourse()
        let state = course.appendingPathComponent(".state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let file = state.appendingPathComponent("progress.json")
        let newer = #"{"schemaVersion": 999, "courses": {}}"#
        try newer.write(to: file, atomically: true, encoding: .utf8)
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.run(CrucibleRunner.shellCommand(course: course))
        let note = try session.waitFor("Press any key to close")
        #expect(note.contains("newer version of Crucible"))
        try session.send("Enter", "Enter", "j", "Enter")
        try session.waitFor("Short intro.")
        try session.send("q")
        try session.waitFor("◀ continue")
        try session.send("q")
        try expectQuit(session)
        #expect(try String(contentsOf: file, encoding: .utf8) == newer)
    }

    @Test func searchFiltersAndOpensAndStatsShowTheTracks() throws {
        let (session, course) = try launchFresh()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.waitFor("Press any key")
        try session.send("Enter", "/")
        try session.waitFor("type to filter 3 lessons")
        try session.send("-l", "long")
        let filtered = try session.waitFor("1 of 3 lessons match")
        #expect(!filtered.contains("Intro lesson"))
        try session.send("Enter")
        try session.waitFor("LONG START")
        try session.send("q", "s")
        let stats = try session.waitFor("XP by day")
        #expect(stats.contains("Active days, last 12 weeks"))
        #expect(stats.contains("First Track"))
        try session.send("q", "q")
        try expectQuit(session)
    }

    @Test func resizingTheMapAndStatsNeverBreaksTheScreen() throws {
        let (session, course) = try launchFresh()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.waitFor("Press any key")
        try session.send("Enter", "s")
        try session.waitFor("XP by day")
        try session.resize(through: [(60, 18), (200, 60), (100, 30)], expectingBottomBar: "q back")
        try session.send("q", "q")
        try expectQuit(session)
    }
}
