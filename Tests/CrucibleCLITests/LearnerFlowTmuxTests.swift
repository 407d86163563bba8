import CrucibleTestSupport
import Foundation
import Testing

/// The learner's way through the bundled course in a real terminal (tmux): the whole Orientation
/// track from a fresh progress file, a quiz reopened after a failure, a check from the command
/// line shown on the lesson screen, the map after the window grows, and the search field's Esc.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct LearnerFlowTmuxTests {
    /// A temporary folder for the progress file, the workspace, the check cache and the editor script.
    final class State {
        let folder: URL
        init() throws { folder = try CrucibleRunner.temporaryFolder() }
        deinit { try? FileManager.default.removeItem(at: folder) }

        var progress: URL { folder.appendingPathComponent("progress.json") }
        var workspace: URL { folder.appendingPathComponent("workspace") }
        var environment: [String: String] {
            [
                "CRUCIBLE_PROGRESS": progress.path, "CRUCIBLE_WORKSPACE": workspace.path,
                "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            ]
        }

        /// `crucible` on the bundled course with this state, `prefix` before it (variables such as `EDITOR=…`).
        func command(prefix: String = "") -> String {
            "XDG_CACHE_HOME='\(folder.path)/cache' \(prefix)'\(CrucibleRunner.binary.path)' --lessons '\(CrucibleRunner.bundledLessons.path)'"
                + " --progress '\(progress.path)' --workspace '\(workspace.path)'"
        }
    }

    /// tmux running the bundled course on a fresh progress file, past the welcome box, on the map.
    func launch(_ state: State, prefix: String = "", width: Int = 100, height: Int = 30, welcome: Bool = true) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height)
        try session.run(state.command(prefix: prefix))
        if welcome {
            try session.waitFor("Enter start")
            try session.send("Enter")
        }
        try session.waitUntil("the course map") { $0.contains("How Crucible works") && !$0.contains("Press any key") }
        return session
    }

    /// The bundled course's progress file as JSON: the `crucible` course's record.
    func savedCourse(_ state: State) throws -> [String: Any] {
        let data = try Data(contentsOf: state.progress)
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((file["courses"] as? [String: Any])?["crucible"] as? [String: Any])
    }

    @Test func theOrientationTrackCanBeCompletedInTheUI() throws {
        let state = try State()
        // The "editor" copies the reference solution over the file it is given.
        let editor = state.folder.appendingPathComponent("editor.sh")
        let solution = CrucibleRunner.bundledLessons.appendingPathComponent("00-orientation/03-first-fix/solution/sum.swift")
        try "#!/bin/sh\ncp '\(solution.path)' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let session = try launch(state, prefix: "EDITOR='\(editor.path)' ")
        defer { session.close() }

        // 1. The read lesson, to its end, then Enter as its text says.
        try session.send("Enter")
        // The whole frame, body and a bottom bar offering Enter: a capture can land mid-redraw.
        _ = try session.waitUntil("the read lesson, its bar offering Enter") {
            $0.contains("Press Enter when done") && $0.contains("Enter done")
        }
        try session.send("G")
        try session.waitFor("each day to keep your streak")
        try session.send("Enter")
        let quiz = try session.waitFor("Warm-up: who frees the memory?")
        try session.waitFor("How Crucible works: done · +5 XP")
        #expect(!quiz.contains("Press Enter when done"))

        // 2. The quiz: Go, then C, Rust and Swift.
        try session.send("Enter")
        try session.waitFor("Question 1 of 2")
        try session.send("3")
        try session.waitFor("Question 2 of 2")
        try session.send("1", "2", "4")
        try session.waitFor("[x] 4. Swift")
        try session.send("Enter")
        try session.waitFor("Passed!")

        // 3. The code lesson, fixed by the editor and checked.
        try session.send("n")
        try session.waitFor("Your files")
        try session.send("e")
        let workspaceFile = state.workspace.appendingPathComponent("crucible/orientation.first-fix/sum.swift")
        let fixed = try String(contentsOf: solution, encoding: .utf8)
        _ = poll(timeout: .seconds(30)) { (try? String(contentsOf: workspaceFile, encoding: .utf8)) == fixed }
        let afterEditor = try session.capture()
        #expect((try? String(contentsOf: workspaceFile, encoding: .utf8)) == fixed, "the editor did not run:\n\(afterEditor)")
        try session.waitFor("First fix")
        try session.send("c")
        try session.waitFor("Passed!", timeout: 180)
        let result = try session.waitFor("Achievement unlocked: Oriented")
        #expect(result.contains("XP"))

        // The map counts the track complete, and the stats list the track's achievement as earned.
        try session.send("Escape")
        try session.waitFor("r shows the result")
        try session.send("q")
        let map = try session.waitUntil("the map with Orientation complete") { $0.contains("Orientation") && $0.contains("3/3") }
        #expect(map.contains("✓ read    How Crucible works"), "\(map)")
        #expect(map.contains("✓ quiz    Warm-up"), "\(map)")
        #expect(map.contains("✓ code    First fix"), "\(map)")
        try session.send("s")
        // The bundled course's size, counted from its folders, so adding a lesson needs no edit here.
        let lessonCount = try FileManager.default.contentsOfDirectory(atPath: CrucibleRunner.bundledLessons.path)
            .filter { $0.first?.isNumber == true }
            .flatMap { track in
                try FileManager.default.contentsOfDirectory(atPath: CrucibleRunner.bundledLessons.appendingPathComponent(track).path)
                    .filter {
                        FileManager.default.fileExists(
                            atPath: CrucibleRunner.bundledLessons.appendingPathComponent("\(track)/\($0)/lesson.md").path)
                    }
            }.count
        try session.waitFor("Tracks: 3 of \(lessonCount) lessons passed")
        try session.send("G")
        let stats = try session.waitFor("✓ Oriented  earned")
        // Counted from the course's achievements file, so adding one needs no edit here.
        let achievements = try String(
            contentsOf: CrucibleRunner.bundledLessons.appendingPathComponent("achievements.yml"), encoding: .utf8
        ).split(separator: "\n").filter { $0.hasPrefix("- id:") }.count
        #expect(stats.contains("Achievements: 3 of \(achievements)"), "\(stats)")
        try session.send("q", "q")
        try session.waitFor(TmuxSession.prompt)

        let course = try savedCourse(state)
        let lessons = try #require(course["lessons"] as? [String: Any])
        for id in ["orientation.how-crucible-works", "orientation.warm-up-quiz", "orientation.first-fix"] {
            #expect((lessons[id] as? [String: Any])?["status"] as? String == "passed", "\(id) is not passed")
        }
        #expect((course["achievements"] as? [String: Any])?["oriented"] != nil)
    }

    @Test func aFailedQuizReopensAtQuestionOneWithItsAnswersEditable() throws {
        let state = try State()
        let session = try launch(state)
        defer { session.close() }
        try session.send("j", "Enter")
        try session.waitFor("Warm-up: who frees the memory?")
        // Question 1 wrongly (C), question 2 rightly.
        try session.send("Enter")
        try session.waitFor("Question 1 of 2")
        try session.send("1")
        try session.waitFor("Question 2 of 2")
        try session.send("1", "2", "4")
        try session.waitFor("[x] 4. Swift")
        try session.send("Enter")
        try session.waitFor("not right")
        try session.send("Escape")
        try session.waitFor("Enter answer")
        try session.send("Enter")
        // Question 1 again, with the old answer shown and the cursor on it.
        try session.waitUntil("question 1 with its old answer") { $0.contains("Question 1 of 2") && $0.contains("› (•) 1. C") }
        try session.send("3")
        try session.waitUntil("question 2 with its old ticks") {
            $0.contains("Question 2 of 2") && $0.contains("[x] 1. C") && $0.contains("[x] 2. Rust") && $0.contains("[x] 4. Swift")
        }
        try session.send("Enter")
        try session.waitFor("Passed!")
        try session.send("C-c")
        try session.waitFor(TmuxSession.prompt)
    }

    /// The "Your answer:" line of the prediction field, without the padding after the text.
    func answerLine(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("Your answer:") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func aPredictionRetryStartsEmptyAndControlKeysEditIt() throws {
        let state = try State()
        let session = try launch(state)
        defer { session.close() }
        for _ in 0..<4 { try session.send("j") }
        try session.send("Enter")
        try session.waitFor("Values and references")
        try session.send("Enter")
        try session.waitFor("Your answer:")
        try session.send("-l", "1 1")
        try session.send("Enter")
        try session.waitFor("It prints:")
        try session.send("r")
        let retry = try session.waitUntil("the prediction field again") { answerLine($0) != nil }
        #expect(answerLine(retry) == "Your answer:", "the retry kept the old answer:\n\(retry)")
        try session.send("-l", "zero one two")
        try session.waitUntil("the typed answer") { answerLine($0) == "Your answer: zero one two" }
        try session.send("C-w")
        try session.waitUntil("Ctrl-W deleting a word") { answerLine($0) == "Your answer: zero one" }
        try session.send("C-u")
        try session.waitUntil("Ctrl-U emptying the field") { answerLine($0) == "Your answer:" }
        try session.send("-l", "0 1")
        try session.send("Enter")
        let passed = try session.waitFor("Passed!")
        #expect(!passed.contains("no hints"), "a retry after the output was shown earned the no-hints bonus:\n\(passed)")
        try session.waitFor("+10 XP")
        try session.send("C-c")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func aCheckFromTheCommandLineShowsOnTheLessonScreen() throws {
        let state = try State()
        let check = try CrucibleRunner.run(["check", "orientation.first-fix"], environment: state.environment, timeout: 300)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        let session = try launch(state, welcome: false)
        defer { session.close() }
        try session.send("j", "j", "Enter")
        let lesson = try session.waitFor("Last check: ✗ failed (compile error) · from the command line, today at")
        #expect(lesson.contains("sum.swift:5:"), "\(lesson)")
        #expect(!lesson.contains("Not checked yet"), "\(lesson)")
        try session.send("C-c")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func growingTheWindowShowsTheFirstTrackAgain() throws {
        let state = try State()
        let session = try launch(state, width: 60, height: 18)
        defer { session.close() }
        for _ in 0..<12 { try session.send("j") }
        try session.waitUntil("the map scrolled past Orientation") { !$0.contains("Orientation") && $0.contains("›") }
        try session.resize(through: [(width: 200, height: 50)], expectingBottomBar: "Enter open")
        let grown = try session.capture()
        #expect(grown.contains("Orientation"), "the first track's heading is hidden:\n\(grown)")
        #expect(grown.contains("How Crucible works"), "\(grown)")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func escClearsTheSearchThenClosesIt() throws {
        let state = try State()
        let session = try launch(state)
        defer { session.close() }
        try session.send("/")
        try session.waitFor("type to filter")
        try session.send("-l", "heap")
        let typed = try session.waitFor("Esc clear")
        #expect(typed.contains("heap"))
        try session.send("Escape")
        let cleared = try session.waitFor("Esc close")
        #expect(cleared.contains("type to filter"), "Esc did not just clear the query:\n\(cleared)")
        try session.send("Escape")
        try session.waitUntil("the map without the search") { $0.contains("↑↓ move  Enter open") && !$0.contains("type to filter") }
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
    }
}
