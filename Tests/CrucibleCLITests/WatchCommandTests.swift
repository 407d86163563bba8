import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible watch` end to end: the real binary watching a real workspace, driven through
/// pipes and signals the way a terminal drives it.
@Suite struct WatchCommandTests {
    @Test(arguments: [[], ["--poll"]])
    func checksAtStartAndAfterEachSaveThenStopsOnCtrlC(extra: [String]) async throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let watch = try RunningCrucible(
            ["--lessons", course.lessons.path, "watch", "t.fix"] + extra,
            environment: course.environment)

        #expect(await watch.waitFor("✗ failed"), "\(watch.text)")
        #expect(watch.text.contains("watching \(course.workspace.path)"), "\(watch.text)")
        if !extra.isEmpty { #expect(watch.text.contains("polling"), "\(watch.text)") }

        // A file the check does not read changes nothing; the save after it is checked.
        try "my notes\n".write(to: course.workspace.appendingPathComponent("notes.md"), atomically: false, encoding: .utf8)
        try course.save("still broken, but differently\n")
        #expect(await watch.waitFor("answer.txt changed; checking"), "\(watch.text)")
        #expect(await watch.waitFor("✗ failed", times: 2), "\(watch.text)")
        #expect(!watch.text.contains("notes.md"), "\(watch.text)")

        try course.save("fixed\n")
        #expect(await watch.waitFor("✓ passed"), "\(watch.text)")

        watch.interrupt()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
        #expect(watch.text.contains("stopped watching `t.fix`"), "\(watch.text)")
        // The failed first check is not an attempt; the failed save and the pass are.
        let record = try course.progress()[lesson: "t.fix"]
        #expect(record.isPassed)
        #expect(record.attempts == 2)
    }

    /// A save that leaves the lesson's files as they were is reported as such, not announced as a
    /// change and answered from the cache; a pass prints the XP it earned, as `crucible check` does.
    @Test func aSaveWithoutChangesIsSaidSoAndAPassShowsItsXP() async throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let watch = try RunningCrucible(["--lessons", course.lessons.path, "watch", "t.fix"], environment: course.environment)
        #expect(await watch.waitFor("✗ failed"), "\(watch.text)")

        try course.save("broken\n")  // the starter's content, which the first check read
        #expect(await watch.waitFor("answer.txt saved without changes"), "\(watch.text)")
        #expect(!watch.text.contains("changed; checking") && !watch.text.contains("(cached:"), "\(watch.text)")
        #expect(course.runs == 1, "\(watch.text)")

        try course.save("fixed\n")
        #expect(await watch.waitFor("answer.txt changed; checking"), "\(watch.text)")
        #expect(await watch.waitFor("✓ passed"), "\(watch.text)")
        // Recorded just after the result is printed.
        #expect(await poll(timeout: .seconds(10)) { ((try? course.progress().xp) ?? 0) > 0 }, "\(watch.text)")
        let xp = try course.progress().xp
        #expect(await watch.waitFor("\n  +\(xp) XP"), "the XP earned (\(xp)) is not printed:\n\(watch.text)")

        watch.interrupt()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
    }

    @Test func savesDuringARunningCheckQueueOneRerun() async throws {
        let course = try WatchTestCourse(blocking: true)
        defer { course.remove() }
        let watch = try RunningCrucible(["--lessons", course.lessons.path, "watch", "t.fix"], environment: course.environment)
        #expect(await poll(timeout: .seconds(30)) { course.runs == 1 }, "\(watch.text)")

        // Six saves while the first check is held open, paced like a learner saving again and again
        // (most become batches of their own). The count below does not depend on the pacing: every
        // save is on disk before the release, so the one queued re-run checks the last of them, and a
        // batch arriving after it finds the files as checked ("saved without changes", no check).
        for number in 1...5 {
            try course.save("broken \(number)\n")
            try await Task.sleep(for: .milliseconds(250))
        }
        try course.save("fixed\n")
        course.release()

        #expect(await watch.waitFor("✗ failed"), "the held first check checked the starter:\n\(watch.text)")
        #expect(await watch.waitFor("✓ passed"), "\(watch.text)")
        // Pressing Enter afterwards gives one more result, from the cache; every save-triggered check comes before it.
        watch.enter()
        #expect(await watch.waitFor("checking again"), "\(watch.text)")
        #expect(await watch.waitFor("✓ passed", times: 2), "\(watch.text)")
        #expect(watch.count("answer.txt changed; checking") == 1, "six saves during one check should queue one re-run:\n\(watch.text)")
        #expect(course.runs == 2, "the first check and one re-run ran; Enter's answer came from the cache:\n\(watch.text)")
        #expect(watch.count("✗ failed") == 1 && watch.count("✓ passed") == 2, "\(watch.text)")

        watch.terminate()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
    }

    @Test func ctrlCDuringACheckStopsItsProcessesAndExitsCleanly() async throws {
        let course = try WatchTestCourse(blocking: true)
        defer { course.remove() }
        let watch = try RunningCrucible(["--lessons", course.lessons.path, "watch", "t.fix"], environment: course.environment)
        #expect(await poll(timeout: .seconds(30)) { course.checkPID != nil }, "\(watch.text)")
        let pid = try #require(course.checkPID)

        watch.interrupt()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
        #expect(await poll(timeout: .seconds(5)) { kill(pid, 0) != 0 }, "the held check (pid \(pid)) outlived watch")
        #expect(!watch.text.contains("✗"), "a cancelled check was printed as a result:\n\(watch.text)")
    }

    @Test func manualModeChecksOnEnterAndEndsWithInput() async throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let watch = try RunningCrucible(
            ["--lessons", course.lessons.path, "watch", "t.fix", "--manual"],
            environment: course.environment)
        #expect(await watch.waitFor("✗ failed"), "\(watch.text)")
        #expect(watch.text.contains("press Enter to check"), "\(watch.text)")

        try course.save("fixed\n")
        watch.enter()
        #expect(await watch.waitFor("✓ passed"), "\(watch.text)")
        #expect(!watch.text.contains("changed; checking"), "manual mode watched files:\n\(watch.text)")

        watch.closeInput()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
    }

    @Test func workspaceFolderRemovedAndRecreatedIsReported() async throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let watch = try RunningCrucible(["--lessons", course.lessons.path, "watch", "t.fix"], environment: course.environment)
        #expect(await watch.waitFor("✗ failed"), "\(watch.text)")

        try FileManager.default.removeItem(at: course.workspace)
        #expect(await watch.waitFor("was removed; waiting for it to come back"), "\(watch.text)")
        try FileManager.default.createDirectory(at: course.workspace, withIntermediateDirectories: true)
        try "fixed\n".write(to: course.workspace.appendingPathComponent("answer.txt"), atomically: false, encoding: .utf8)
        #expect(await watch.waitFor("✓ passed"), "\(watch.text)")

        watch.interrupt()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
    }

    @Test func withoutAnIDWatchesTheLessonWhereTheLearnerLeftOff() async throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let none = try CrucibleRunner.run(["--lessons", course.lessons.path, "watch"], environment: course.environment)
        #expect(none.status == 2)
        #expect(none.stderr.contains("you have not opened a lesson yet"), "\(none.stderr)")

        let store = try ProgressStore(courseID: "wcourse", file: course.progressFile)
        try store.update { $0.position = ResumePosition(lesson: "t.fix") }
        let watch = try RunningCrucible(["--lessons", course.lessons.path, "watch"], environment: course.environment)
        #expect(await watch.waitFor("watching `t.fix`, where you left off"), "\(watch.text)")
        #expect(await watch.waitFor("✗ failed"), "\(watch.text)")
        watch.terminate()
        #expect(await watch.waitForExit() == 0, "\(watch.text)")
    }

    @Test func refusesLessonsItCannotWatch() throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let read = try CrucibleRunner.run(["--lessons", course.lessons.path, "watch", "t.read"], environment: course.environment)
        #expect(read.status == 2)
        #expect(read.stderr.contains("`t.read` is a read lesson"), "\(read.stderr)")

        let unknown = try CrucibleRunner.run(["--lessons", course.lessons.path, "watch", "t.fx"], environment: course.environment)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `t.fix`"), "\(unknown.stderr)")

        let both = try CrucibleRunner.run(
            ["--lessons", course.lessons.path, "watch", "t.fix", "--manual", "--poll"],
            environment: course.environment)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--manual and --poll cannot be combined"), "\(both.stderr)")
    }
}
