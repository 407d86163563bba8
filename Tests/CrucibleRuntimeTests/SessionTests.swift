import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// Whole sessions in process: keys into the real run loop through the test terminal, grids out,
/// with real lessons, a real progress file and real check processes.
@Suite struct SessionTests {
    @Test func aCodeLessonChecksAndPassesAndTheProgressFileSaysSo() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        #expect(harness.terminal.screen.contains("✓ echo"))
        try await harness.quit()
        let saved = try #require(try harness.fixture.savedProgress())
        #expect(saved.lessons["t.echo"]?.isPassed == true)
        #expect(saved.lessons["t.echo"]?.contentHash != nil, "a pass keeps the lesson's content hash")
    }

    @Test func aFailingCheckShowsWhyInTheResultPanelAndCountsAnAttempt() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        try harness.fixture.writeWorkspaceFile("answer.txt", of: "t.echo", "wrong\n")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "wrong output")
        #expect(!harness.terminal.screen.contains("Passed!"))
        // Esc goes back to the text; s shows the result again.
        harness.terminal.press(.escape)
        try await harness.terminal.waitUntilScreen(shows: "ECHO BODY")
        try await harness.quit()
        let record = try #require(try harness.fixture.savedProgress()?.lessons["t.echo"])
        #expect(!record.isPassed)
        #expect(record.attempts == 1)
    }

    @Test func aWrongQuizAnswerExplainsAndARightOneEarnsXP() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Quiz me", body: "QUIZ BODY")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "Question 1 of 1")
        harness.terminal.type("1")
        try await harness.terminal.waitUntilScreen(shows: "WRONG-C")
        harness.terminal.type("r")
        try await harness.terminal.waitUntilScreen(shows: "Question 1 of 1")
        harness.terminal.type("2")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        try await harness.terminal.waitUntilScreen(shows: "XP")
        try await harness.quit()
        let record = try #require(try harness.fixture.savedProgress()?.lessons["t.quiz"])
        #expect(record.isPassed && record.attempts == 2)
    }

    @Test func aPredictionIsGradedAndThenShownBesideTheProgramsRealOutput() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Guess", body: "GUESS BODY")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "Your answer:")
        harness.terminal.type("42\n")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        // The program's run (`sh program.sh`) arrives after the grade, from a real process.
        try await harness.terminal.waitUntilScreen("the real output") {
            $0.contains("Passed!") && $0.contains("42") && !$0.contains("Running the program")
        }
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.guess"]?.isPassed == true)
    }

    @Test func enterOnAReadLessonMarksItDoneAndOpensTheNext() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Read me", body: "READ BODY")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "QUIZ BODY")
        try await harness.terminal.waitUntilScreen(shows: "Read me: done")
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.read"]?.isPassed == true)
    }

    @Test func aSecondSessionResumesWhereTheFirstLeftOffWithoutTheWelcome() async throws {
        let first = try await SessionHarness.started()
        defer { first.end() }
        try await first.open("Guess", body: "GUESS BODY")
        first.terminal.press(.escape)
        try await first.terminal.waitUntilScreen(hides: "GUESS BODY")
        try await first.quit()
        let saved = try #require(try first.fixture.savedProgress())
        #expect(saved.position?.lesson == "t.guess")

        // Same course folder and progress file: no welcome box, and Enter opens the lesson left off at.
        let second = try SessionHarness(fixture: first.fixture)
        try await second.terminal.waitUntilScreen(shows: "Session Course")
        #expect(!second.terminal.screen.contains("Welcome to the session course."))
        second.terminal.press(.enter)
        try await second.terminal.waitUntilScreen(shows: "GUESS BODY")
        try await second.quit()
    }

    @Test func progressIsSavedAtomicallyBesideNoTemporaryFiles() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Read me", body: "READ BODY")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "QUIZ BODY")
        try await harness.quit()
        let folder = harness.fixture.progressFile.deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // The file, its backup and its lock; an interrupted write would leave a temporary file beside them.
        #expect(names.allSatisfy { ["progress.json", "progress.json.bak", "progress.json.lock"].contains($0) }, "\(names)")
        let data = try Data(contentsOf: harness.fixture.progressFile)
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "the file is whole JSON")
    }

    @Test func quittingWhileACheckRunsKillsItsProcessGroup() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Hold", body: "HOLD BODY")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Checking…")
        let pid = try await harness.holdPID()
        try await harness.quit()
        // The run loop returns only after the check's processes were killed and reaped.
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the check's shell \(pid) is still running")
    }

    @Test func escCancelsARunningCheckAndSaysSo() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Hold", body: "HOLD BODY")
        harness.terminal.type("c")
        let pid = try await harness.holdPID()
        harness.terminal.press(.escape)
        try await harness.terminal.waitUntilScreen(shows: "Check cancelled; its processes were stopped.")
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the check's shell \(pid) is still running")
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.hold"]?.attempts ?? 0 == 0, "a cancelled check is no attempt")
    }

    @Test func aResizeRedrawsAtTheNewSize() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Read me", body: "READ BODY")
        harness.terminal.resize(to: TerminalSize(width: 60, height: 12))
        try await harness.terminal.waitUntilScreen("a 60×12 grid") { _ in
            harness.terminal.grids.last.map { $0.width == 60 && $0.height == 12 } ?? false
        }
        #expect(harness.terminal.screen.contains("READ BODY"))
        harness.terminal.resize(to: TerminalSize(width: 30, height: 8))
        try await harness.terminal.waitUntilScreen(shows: "too small")
        harness.terminal.resize(to: TerminalSize(width: 100, height: 30))
        try await harness.terminal.waitUntilScreen(shows: "READ BODY")
        try await harness.quit()
    }

    @Test func theEditorGetsTheTerminalAndTheFilesThenACheckSeesItsEdit() async throws {
        let fixture = try CourseFixture()
        // A fake editor: writes `right` into each file it is given, as a learner's save would.
        let editor = fixture.folder.appendingPathComponent("fake-editor.sh")
        try CourseFixture.writeFile(editor, "#!/bin/sh\nfor f in \"$@\"; do printf 'right\\n' > \"$f\"; done\n")
        chmod(editor.path, 0o755)
        let harness = try await SessionHarness.started(fixture: fixture, environment: ["EDITOR": editor.path])
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        try harness.fixture.writeWorkspaceFile("answer.txt", of: "t.echo", "wrong\n")
        harness.terminal.type("e")
        try await harness.terminal.waitUntilScreen("the editor to be run") { _ in harness.terminal.suspendCount == 1 }
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        try await harness.quit()
    }

    @Test func watchModeChecksAgainOnEverySave() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        harness.terminal.type("w")
        try await harness.terminal.waitUntilScreen(shows: "Watching your files")
        // No key: the save alone checks the file again (the starter passes; the saved text does not).
        try harness.fixture.writeWorkspaceFile("answer.txt", of: "t.echo", "wrong\n")
        try await harness.terminal.waitUntilScreen(shows: "wrong output")
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.echo"]?.attempts == 1)
        #expect(try harness.fixture.savedProgress()?.settings.watchMode == true, "watch mode is a remembered setting")
    }

    @Test func progressAnotherProcessSavedShowsAtTheNextKey() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        let before = harness.terminal.screen
        // `crucible check` in another terminal: the same file, saved by another store.
        let other = try ProgressStore(courseID: "session", file: harness.fixture.progressFile)
        try other.update { $0.lessons["t.quiz"] = LessonProgress(status: .passed) }
        harness.terminal.press(.down)
        #expect(before.contains("○ quiz    Quiz me"))
        try await harness.terminal.waitUntilScreen(shows: "✓ quiz    Quiz me")
        #expect(harness.terminal.screen.contains("1/5"))
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.quiz"]?.isPassed == true, "the other process's pass is kept")
    }
}
