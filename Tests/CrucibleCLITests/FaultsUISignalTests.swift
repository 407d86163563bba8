import CrucibleTestSupport
import Foundation
import Testing

/// The running full-screen UI under fire: fatal and polite signals, and a resize storm while a
/// check runs. Each time the terminal must come back usable and the progress file intact.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct FaultsUISignalTests {
    /// A course with a quiz (to earn XP from the command line first) and a code lesson whose check
    /// never ends on its own, so a check is running while the storm blows.
    static func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        try write("course.yml", "id: storm\ntitle: Storm Course\nwelcome: Welcome to the storm.\n")
        try write("01-t/track.yml", "id: t\ntitle: Storm Track\nsummary: Lessons that take a beating.\n")
        try write(
            "01-t/01-quiz/lesson.md",
            """
            ---
            id: t.quiz
            title: Quick quiz
            kind: quiz
            questions:
              - prompt: Two plus two?
                choices:
                  - { text: "4", explanation: Right. }
                  - { text: "5", explanation: No. }
                answer: 1
            ---
            You will add.
            """)
        try write(
            "01-t/02-loop/lesson.md",
            """
            ---
            id: t.loop
            title: Endless loop
            kind: code
            code:
              language: text
              starter: [note.txt]
              solution: [note.txt]
              steps:
                - name: spin
                  run: [sh, "-c", "echo storm-marker-$$ > /dev/null; while :; do :; done"]
                  timeout: 300
            ---
            You will wait.
            """)
        try write("01-t/02-loop/starter/note.txt", "x\n")
        try write("01-t/02-loop/solution/note.txt", "x\n")
        return root
    }

    struct Setup {
        var course: URL
        var progress: URL { course.appendingPathComponent(".state/progress.json") }
        var arguments: [String] {
            [
                "--lessons", course.path, "--progress", progress.path,
                "--workspace", course.appendingPathComponent(".state/workspace").path,
            ]
        }
        var command: String { "'\(CrucibleRunner.binary.path)' " + arguments.map { "'\($0)'" }.joined(separator: " ") }

        /// XP recorded for the course in the progress file, or nil when it does not parse.
        func savedXP() -> Int? {
            guard let data = try? Data(contentsOf: progress),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let courses = json["courses"] as? [String: Any],
                let storm = courses["storm"] as? [String: Any]
            else { return nil }
            return storm["xp"] as? Int
        }
    }

    /// Earns XP through the command line, then opens the UI past its welcome.
    func launch() throws -> (TmuxSession, Setup) {
        let setup = Setup(course: try Self.writeCourse())
        let check = try CrucibleRunner.run(setup.arguments + ["check", "t.quiz", "1"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let session = try TmuxSession()
        try session.run(setup.command)
        try session.waitFor("Storm Track")
        return (session, setup)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGSEGV])
    func signalRestoresTheTerminalAndKeepsProgress(signal: Int32) throws {
        let (session, setup) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: setup.course) }
        let xp = try #require(setup.savedXP())
        #expect(xp > 0)
        let crucible = try #require(try session.shellChildren().first)
        #expect(kill(crucible, signal) == 0)
        try session.waitFor(TmuxSession.prompt)
        try session.requireShellRestored()
        #expect(setup.savedXP() == xp, "progress changed or broke after signal \(signal)")
    }

    @Test func resizeStormWhileACheckRunsEndsOnACorrectScreen() throws {
        let (session, setup) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: setup.course) }
        if (try? session.capture())?.contains("Welcome to the storm") == true { try session.send("Enter") }
        try session.send("j")
        try session.waitUntil("the loop lesson selected") { $0.contains("Endless loop") }
        try session.send("Enter")
        try session.waitFor("You will wait.")
        try session.send("c")
        try session.waitFor("Esc cancels")

        // Hundreds of resizes in a few seconds, between sizes big and small, too small included.
        let sizes = [(60, 18), (200, 60), (30, 8), (120, 40), (80, 24), (100, 30)]
        for round in 0..<240 {
            let (width, height) = sizes[round % sizes.count]
            try session.resize(width: width, height: height)
        }
        try session.resize(through: [(100, 30)], expectingBottomBar: "Esc cancel")
        let screen = try session.capture()
        #expect(screen.contains("Endless loop") && screen.contains("Checking"), "wrong final screen:\n\(screen)")

        try session.send("Escape")
        try session.waitUntil("the check cancelled") { !$0.contains("Esc cancels") }
        try session.send("q", "q")
        try session.waitFor(TmuxSession.prompt)
        try session.requireShellRestored()
        #expect(setup.savedXP() ?? 0 > 0)
        // The spinning step is gone with its whole process group.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
            guard Int32(entry) != nil,
                let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)
            else { return false }
            return command.contains("storm-marker") && !command.contains("zombie")
        }
        #expect(leftovers.isEmpty, "check processes left running: \(leftovers)")
    }
}
