import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible hint`: hints revealed one at a time, remembered in the progress file.
@Suite struct HintCommandTests {
    @Test func revealsHintsInOrderAndRemembersThem() throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        func hint(_ extra: String...) throws -> CrucibleRunner.Result {
            try CrucibleRunner.run(["--lessons", course.lessons.path, "hint", "t.fix"] + extra, environment: course.environment)
        }

        let none = try hint("--all")
        #expect(none.status == 0, "\(none.stderr)")
        // The course is not the default one, so the command it suggests names it.
        let lessons = FollowUpCommands.shellQuoted(course.lessons.resolvingSymlinksInPath().path)
        #expect(
            none.stdout == "No hints of `t.fix` are revealed yet; `crucible hint t.fix --lessons \(lessons)` shows the first of 3.\n",
            "\(none.stdout)")

        #expect(try hint().stdout == "Hint 1 of 3: Look at `answer.txt`.\n")
        #expect(try hint().stdout == "Hint 2 of 3: Write the word fixed.\n")
        #expect(try course.progress()[lesson: "t.fix"].hintsRevealed == 2)
        #expect(try hint("--all").stdout == "Hint 1 of 3: Look at `answer.txt`.\nHint 2 of 3: Write the word fixed.\n")

        #expect(try hint().stdout == "Hint 3 of 3: Save the file.\n")
        let spent = try hint()
        #expect(spent.status == 0)
        #expect(spent.stdout.hasPrefix("No hints left: all 3 hints of `t.fix` are revealed"), "\(spent.stdout)")
        #expect(try course.progress()[lesson: "t.fix"].hintsRevealed == 3)
    }

    @Test func lessonWithoutHintsSaysSo() throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let result = try CrucibleRunner.run(["--lessons", course.lessons.path, "hint", "t.read"], environment: course.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "`t.read` has no hints.\n")
    }

    @Test func unknownLessonIsAUsageError() throws {
        let course = try WatchTestCourse()
        defer { course.remove() }
        let result = try CrucibleRunner.run(["--lessons", course.lessons.path, "hint", "t.fx"], environment: course.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean `t.fix`"), "\(result.stderr)")
    }
}
