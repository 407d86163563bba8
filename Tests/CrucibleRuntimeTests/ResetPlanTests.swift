import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import Foundation
import Testing

@Suite struct ResetPlanTests {
    /// Progress with t.fix passed (30 XP), t.read passed (10 XP) and a record of a lesson the course no longer has.
    private func progress() -> CourseProgress {
        var progress = CourseProgress(xp: 45)
        progress[lesson: "t.fix"] = LessonProgress(status: .passed, attempts: 2, xpEarned: 30)
        progress[lesson: "t.read"] = LessonProgress(status: .passed, attempts: 1, xpEarned: 10)
        progress[lesson: "gone.lesson"] = LessonProgress(status: .passed, attempts: 1, xpEarned: 5)
        return progress
    }

    @Test func aTrackPlansItsLessonsAndCountsTheirRecordsAndXP() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let plan = try ResetPlan(.track("t"), files: false, outline: course.outline, progress: progress(), loaded: course.loaded)
        #expect(plan.lessonIDs == ["t.fix", "t.quiz", "t.read"])
        #expect(plan.question == "Reset track `t`: 2 lesson records, 40 XP")

        var after = progress()
        plan.apply(to: &after)
        #expect(after.lessons.keys.sorted() == ["gone.lesson"])
        #expect(after.xp == 5)
    }

    @Test func theWholeCourseIncludesRecordsOfLessonsItNoLongerHas() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let plan = try ResetPlan(.all, files: true, outline: course.outline, progress: progress(), loaded: course.loaded)
        #expect(plan.lessonIDs == ["gone.lesson", "t.fix", "t.quiz", "t.read", "u.read"])
        #expect(plan.what == "the whole course")
        #expect(
            plan.question == "Reset the whole course: 3 lesson records, 45 XP, the streak and 0 achievements, "
                + "and restore their workspace files to the starter")
    }

    @Test func aLessonOnlyInProgressCanStillBeForgotten() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let plan = try ResetPlan(.lesson("gone.lesson"), files: false, outline: course.outline, progress: progress(), loaded: course.loaded)
        #expect(plan.lessonIDs == ["gone.lesson"])
        #expect(plan.question == "Reset lesson `gone.lesson`: 1 lesson record, 5 XP")
    }

    @Test func unknownTracksAndLessonsAreRefusedWithSuggestions() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let track = #expect(throws: CommandFailure.self) {
            try ResetPlan(.track("tt"), files: false, outline: course.outline, progress: progress(), loaded: course.loaded)
        }
        #expect(track?.message.hasPrefix("no track has the id `tt`") == true)
        #expect(track?.message.hasSuffix("(the tracks are `t`, `u`)") == true, "\(track?.message ?? "")")
        let lesson = #expect(throws: CommandFailure.self) {
            try ResetPlan(.lesson("t.fx"), files: false, outline: course.outline, progress: progress(), loaded: course.loaded)
        }
        #expect(lesson?.message.contains("t.fix") == true, "\(lesson?.message ?? "")")
    }

    @Test func restoringFilesKeepsACopyOfWhatTheyReplace() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let lesson = try course.lesson("t.fix")
        let folder = try course.workspace.prepareWithNotes(lesson).folder
        try "my work\n".write(to: folder.appendingPathComponent("answer.txt"), atomically: true, encoding: .utf8)
        let plan = try ResetPlan(.track("t"), files: true, outline: course.outline, progress: progress(), loaded: course.loaded)

        let lines = try plan.restoreFiles(
            of: course.loaded.course!, in: course.workspace,
            now: Date(timeIntervalSince1970: 0))
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("Kept your files of `t.fix` (") == true, "\(lines)")
        #expect(lines.last == "Restored the starter files of `t.fix` in \(folder.path)")
        #expect(try String(contentsOf: folder.appendingPathComponent("answer.txt"), encoding: .utf8) == "broken\n")
        let kept = try #require(lines.first?.components(separatedBy: " in ").last)
        #expect(kept.hasSuffix(".before-reset-19700101T000000Z"), "\(kept)")
        #expect(try String(contentsOf: URL(fileURLWithPath: kept).appendingPathComponent("answer.txt"), encoding: .utf8) == "my work\n")
    }
}
