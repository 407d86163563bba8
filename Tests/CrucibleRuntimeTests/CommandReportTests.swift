import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// The small reports commands print: hints, lint's summary, verify's exit rule.
@Suite struct CommandReportTests {
    @Test func doctorDoesNotNeedTheToolsOfALessonForAnotherPlatform() throws {
        let folder = URL(fileURLWithPath: "/tmp/no-such-lesson")
        func lesson(_ id: String, tool: String, platforms: PlatformSupport?) -> Lesson {
            Lesson(
                id: id, title: id, kind: .code, platformSupport: platforms, folder: folder,
                file: folder.appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1,
                code: CodeExercise(language: "c", starter: [], solution: [], steps: [CheckStep(name: "build", run: [tool])]))
        }
        let other = try #require(Platform.allCases.first { $0 != .current })
        let needs = CourseToolNeeds([
            lesson("p.here", tool: "tool-here", platforms: PlatformSupport(platforms: [.current])),
            lesson("p.elsewhere", tool: "tool-elsewhere", platforms: PlatformSupport(platforms: [other])),
        ])
        #expect(needs.needed == ["tool-here": ["p.here"]])
    }

    @Test func hintsAreRevealedInOrderUntilNoneAreLeft() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let hints = HintReveal(try course.lesson("t.read"))
        var progress = CourseProgress()
        #expect(hints.noHints == nil)
        #expect(hints.revealedLines(progress) == ["No hints of `t.read` are revealed yet; `crucible hint t.read` shows the first of 2."])
        let lines = (1...3).map { _ in hints.revealNext(in: &progress, outline: course.outline, achievements: []) }
        #expect(
            lines == [
                "Hint 1 of 2: First hint.", "Hint 2 of 2: Second hint.",
                "No hints left: all 2 hints of `t.read` are revealed; `crucible hint t.read --all` shows them again.",
            ])
        #expect(progress[lesson: "t.read"].hintsRevealed == 2)
        #expect(hints.revealedLines(progress) == ["Hint 1 of 2: First hint.", "Hint 2 of 2: Second hint."])
        #expect(HintReveal(try course.lesson("u.read")).noHints == "`u.read` has no hints.")
    }

    /// One hint is "the only hint" in every line about it, never "hint 1 of 1" or "all 1 hints".
    @Test func aSingleHintIsCountedInWordsThatAgree() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        var lesson = try course.lesson("t.read")
        lesson.hints = ["Read slowly."]
        let hints = HintReveal(lesson, followUp: FollowUpCommands(lessons: "/my course"))
        var progress = CourseProgress()
        #expect(
            hints.revealedLines(progress) == [
                "No hints of `t.read` are revealed yet; `crucible hint t.read --lessons '/my course'` shows the only hint."
            ])
        let lines = (1...2).map { _ in hints.revealNext(in: &progress, outline: course.outline, achievements: []) }
        #expect(
            lines == [
                "The only hint: Read slowly.",
                "No hints left: the only hint of `t.read` is revealed; `crucible hint t.read --all --lessons '/my course'` shows it again.",
            ])
    }

    @Test func lintSummaryCountsInTheRightNumber() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let clean = LintReport(course.loaded)
        #expect(clean.errors == 0 && clean.lessons == 4)
        #expect(clean.summary == "4 lessons loaded; 0 errors, \(clean.warnings) warning\(clean.warnings == 1 ? "" : "s")")

        let broken = course.folder.appendingPathComponent("01-t/04-broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "---\nid: t.broken\nkind: nonsense\n---\n".write(
            to: broken.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        let report = LintReport(CourseLoader.load(from: course.folder))
        #expect(report.errors >= 1)
        #expect(report.summary.hasPrefix("4 lessons loaded; \(report.errors) error"), "\(report.summary)")
    }

    @Test(arguments: [
        // statuses, load errors, allow skips → exit status
        ([LessonVerification.Status.ok, .ok], 0, false, ExitStatus.success),
        ([.ok, .problem], 0, false, ExitStatus.problems),
        ([.ok], 1, false, ExitStatus.problems),
        ([.ok, .skipped], 0, false, ExitStatus.problems),
        ([.ok, .skipped], 0, true, ExitStatus.success),
        ([.skipped, .skipped], 0, false, ExitStatus.problems),
        ([.skipped, .skipped], 0, true, ExitStatus.success),
        ([], 0, false, ExitStatus.success),
    ])
    func verifyFailsOnProblemsLoadErrorsOrAnySkip(
        _ statuses: [LessonVerification.Status], loadErrors: Int,
        allowSkips: Bool, status: Int32
    ) {
        let results = statuses.enumerated().map { LessonVerification(lessonID: "t.\($0)", kind: "code", status: $1) }
        #expect(VerifyTable.exitStatus(results, loadErrors: loadErrors, allowSkips: allowSkips) == status)
    }

    /// The summary says how many lessons were skipped and why, each reason once, the commonest first.
    @Test func verifySummaryCountsSkipsByReason() {
        func lesson(_ id: String, _ status: LessonVerification.Status, _ reason: String? = nil) -> LessonVerification {
            var result = LessonVerification(lessonID: id, kind: "code", status: status)
            result.skipReason = reason
            return result
        }
        let results = [
            lesson("a.ok", .ok), lesson("b.mac", .skipped, "runs on macOS only"),
            lesson("c.go", .skipped, "`go` not installed"), lesson("d.go", .skipped, "`go` not installed"),
        ]
        #expect(
            VerifyTable.render(results).last?.plainText
                == "4 lesson(s): 1 ok, 0 with problems, 3 skipped (`go` not installed: 2; runs on macOS only: 1)")
        #expect(VerifyTable.render([lesson("a.ok", .ok)]).last?.plainText == "1 lesson(s): 1 ok, 0 with problems, 0 skipped")
    }
}

@Suite struct PreviewSandboxTests {
    @Test func aFocusedCourseHoldsOnlyTheLessonInItsTrack() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let focused = course.loaded.focused(on: try course.lesson("t.quiz"))
        #expect(focused.tracks.map(\.id) == ["t"])
        #expect(focused.lessons.map(\.id) == ["t.quiz"])
        #expect(focused.course?.title == "Runtime course (preview)")
        #expect(focused.course?.lessons.map(\.id) == ["t.quiz"])
    }
}

@Suite struct CommandTextTests {
    @Test func aTrackTallyCountsChangedPassesAsPassedAndNamesTheRest() {
        #expect(CourseMapText.tally([]) == "0 of 0 passed")
        #expect(
            CourseMapText.tally([.passed, .updated, .inProgress, .skipped, .needsTool, .needsTool])
                == "2 of 6 passed (1 changed since) · 1 in progress · 1 skipped · 2 cannot be checked here")
        #expect(CourseMapText.tally([.needsTool, .passed]) == "1 of 2 passed · 1 cannot be checked here")
    }

    @Test(arguments: [
        (0, 0, "[░░░░░░░░░░░░░░░░░░░░]"), (1, 4, "[█████░░░░░░░░░░░░░░░]"), (4, 4, "[████████████████████]"),
        (9, 4, "[████████████████████]"),
    ])
    func progressBarsFillInProportion(done: Int, total: Int, bar: String) {
        #expect(ProgressSummaryText.bar(done, of: total) == bar)
    }
}
