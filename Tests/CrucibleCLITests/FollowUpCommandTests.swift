import CrucibleTestSupport
import Foundation
import Testing

/// The `crucible …` commands that `check`, `show` and `hint` print for the learner work when
/// copied as printed: on a third-party course in a folder whose name the shell must quote, with a
/// workspace and progress file given on the command line, run from another folder.
@Suite struct FollowUpCommandTests {
    /// Runs `command` as a shell would, with the built `crucible` first on PATH, in `folder`.
    static func runAsPrinted(_ command: String, in folder: URL) throws -> CrucibleRunner.Result {
        let path = CrucibleRunner.binary.deletingLastPathComponent().path + ":" + AuthoringTests.reachablePath
        return try CrucibleRunner.run(
            ["-c", command], in: folder, executable: URL(fileURLWithPath: "/bin/sh"), environment: ["PATH": path], timeout: 120)
    }

    /// The text after `prefix` on the line that starts with it (after indentation), with `suffix` cut off.
    static func command(after prefix: String, in output: String, dropping suffix: String = "") throws -> String {
        let line = try #require(
            output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(prefix) },
            "no line starts with `\(prefix)` in:\n\(output)")
        let command = String(line.dropFirst(prefix.count))
        return command.hasSuffix(suffix) ? String(command.dropLast(suffix.count)) : command
    }

    /// The text between the first pair of backticks that starts with `crucible `.
    static func quotedCommand(in output: String) throws -> String {
        let parts = output.split(separator: "`", omittingEmptySubsequences: false)
        return String(try #require(parts.first { $0.hasPrefix("crucible ") }, "no `crucible …` in:\n\(output)"))
    }

    @Test(.enabled(if: AuthoringTests.hasPython3, "python3 is not on PATH"))
    func followUpCommandsOfAThirdPartyCourseWorkAsPrinted() throws {
        let work = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let course = work.appendingPathComponent("third party's course")
        try FileManager.default.copyItem(at: AuthoringTests.pythonCourse, to: course)
        let state = work.appendingPathComponent("learner state")
        let elsewhere = work.appendingPathComponent("elsewhere")
        for folder in [state, elsewhere] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        // Relative paths, as a learner types them: the printed commands must work from any folder.
        let options = [
            "--lessons", "third party's course", "--workspace", "learner state/ws", "--progress", "learner state/my progress.json",
        ]
        let id = "python.word-count"

        let check = try AuthoringTests.crucible(["check", id, "--no-cache"] + options, in: work, status: 1)
        let verbose = try Self.runAsPrinted(try Self.command(after: "full output: ", in: check.stdout), in: elsewhere)
        #expect(verbose.status == 1, "\(verbose.stdout)\(verbose.stderr)")
        #expect(verbose.stdout.contains("$ python3 test_wordcount.py") && verbose.stdout.contains("FAIL: count_words"), "\(verbose.stdout)")

        let stuck = try Self.runAsPrinted(try Self.command(after: "Stuck? ", in: check.stdout), in: elsewhere)
        #expect(stuck.status == 0, "\(stuck.stdout)\(stuck.stderr)")
        #expect(stuck.stdout == "The only hint: `str.split()` with no argument splits on any run of whitespace.\n", "\(stuck.stdout)")

        // The hint is revealed, in the progress file the printed command named: the next says so and how to see it again.
        let noneLeft = try AuthoringTests.crucible(["hint", id] + options, in: work)
        #expect(noneLeft.stdout.contains("No hints left: the only hint of `\(id)` is revealed"), "\(noneLeft.stdout)")
        let again = try Self.runAsPrinted(try Self.quotedCommand(in: noneLeft.stdout), in: elsewhere)
        #expect(again.status == 0 && again.stdout.hasPrefix("The only hint: "), "\(again.stdout)\(again.stderr)")

        let show = try AuthoringTests.crucible(["show", id, "--width", "400"] + options, in: work)
        let shownCheck = try Self.runAsPrinted(
            try Self.command(after: "Run the check with ", in: show.stdout, dropping: "."), in: elsewhere)
        #expect(shownCheck.status == 1 && shownCheck.stdout.contains("✗ failed"), "\(shownCheck.stdout)\(shownCheck.stderr)")
        #expect(shownCheck.stdout.contains("FAIL: count_words"), "\(shownCheck.stdout)")
    }

    /// On the course found by default, with no options given, the commands stay short.
    @Test func theDefaultCourseNeedsNoOptions() throws {
        let show = try CrucibleRunner.run(
            ["show", "orientation.first-fix", "--width", "200", "--lessons", CrucibleRunner.bundledLessons.path])
        #expect(show.stdout.contains("Run the check with crucible check orientation.first-fix."), "\(show.stdout)")
    }
}
