import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// Live reload under a running session: checks run the course as it is now, never as it was at launch.
@Suite struct LiveReloadSessionTests {
    /// Issue 13's scenario: pass a lesson, make its expected output impossible, reload, check again.
    /// The work is unchanged, so a check keyed by the old steps would come from the cache and pass.
    @Test func aCheckAfterAReloadRunsTheReloadedStepsNotTheCachedOldOnes() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")

        try harness.fixture.writeEcho(expected: "impossible \(UUID().uuidString)")
        harness.session.reloadCourse()
        harness.terminal.press(.escape)
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "wrong output")
        #expect(!harness.terminal.screen.contains("Passed!"), "the reloaded expectation must fail the same work")
        try await harness.quit()
    }

    @Test func aLessonAddedByAReloadCanBeCheckedAtOnce() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try harness.fixture.write(
            "01-t/06-added/lesson.md",
            """
            ---
            id: t.added
            title: Added later
            kind: code
            code:
              language: text
              starter: [added.txt]
              solution: [added.txt]
              steps:
                - name: added
                  run: [sh, "-c", "grep -q fine added.txt && echo ADDED-RAN"]
                  expect:
                    stdout: { contains: ["ADDED-RAN"] }
            ---
            ADDED BODY

            """)
        try harness.fixture.write("01-t/06-added/starter/added.txt", "fine\n")
        try harness.fixture.write("01-t/06-added/solution/added.txt", "fine\n")
        harness.session.reloadCourse()
        harness.terminal.press(.end)
        try await harness.terminal.waitUntilScreen(shows: "Added later")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "ADDED BODY")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.added"]?.isPassed == true)
    }

    @Test func aLessonRemovedWhileItsCheckRunsCancelsTheCheckAndSaysSo() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Hold", body: "HOLD BODY")
        harness.terminal.type("c")
        let pid = try await harness.holdPID()
        try harness.fixture.removeLesson("01-t/05-hold")
        harness.session.reloadCourse()
        // No key: the loop wakes by itself while a check runs, and applies the reload.
        try await harness.terminal.waitUntilScreen(shows: "this lesson left the course while it ran")
        #expect(harness.terminal.screen.contains("This lesson no longer loads"))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the check's shell \(pid) is still running")
        // Still answering keys: back to the map, which no longer lists the lesson.
        harness.terminal.type("q")
        try await harness.terminal.waitUntilScreen(shows: "Guess")
        #expect(!harness.terminal.screen.contains("Hold"))
        try await harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.hold"]?.attempts ?? 0 == 0, "a cancelled check is no attempt")
    }

    @Test func aReloadThatChangesTheCheckUnderARunningCheckCancelsIt() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Hold", body: "HOLD BODY")
        harness.terminal.type("c")
        let pid = try await harness.holdPID()
        try harness.fixture.edit("01-t/05-hold/lesson.md", replacing: "timeout: 300", with: "timeout: 200")
        harness.session.reloadCourse()
        try await harness.terminal.waitUntilScreen(shows: "the lesson's check changed while it ran")
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the check's shell \(pid) is still running")
        // The lesson is still there: its text is back, and it can be checked again.
        try await harness.terminal.waitUntilScreen(shows: "HOLD BODY")
        try await harness.quit()
    }

    @Test func aReloadThatChangesOnlyTheTextLetsTheRunningCheckFinish() async throws {
        let harness = try await SessionHarness.started()
        defer { harness.end() }
        try await harness.open("Hold", body: "HOLD BODY")
        harness.terminal.type("c")
        _ = try await harness.holdPID()
        try harness.fixture.edit("01-t/05-hold/lesson.md", replacing: "HOLD BODY", with: "HOLD BODY AGAIN")
        harness.session.reloadCourse()
        try await harness.terminal.waitUntilScreen(shows: "HOLD BODY AGAIN")
        #expect(harness.terminal.screen.contains("Checking…"))
        harness.fixture.releaseHold()
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        try await harness.quit()
    }
}
