import CrucibleTestSupport
import Foundation
import Testing

/// Course trust on the command line: a course from elsewhere runs nothing until trusted (asked on a
/// terminal, refused with exit 2 without one), `--trust` and `CRUCIBLE_TRUST=1` trust it for one run,
/// `trust` and `untrust` remember and forget, a change to what it runs asks again, and reading never asks.
@Suite struct TrustCommandTests {
    private func run(_ course: TrustTestCourse, _ arguments: [String], environment: [String: String] = [:]) throws
        -> CrucibleRunner.Result
    {
        try CrucibleRunner.run(
            [arguments[0]] + course.options + arguments.dropFirst(),
            environment: course.untrustedEnvironment.merging(environment) { $1 })
    }

    /// Asserts the refusal of a course that is not trusted: exit 2, what it is, how to trust it, nothing run.
    private func expectRefused(
        _ result: CrucibleRunner.Result, _ course: TrustTestCourse, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        for shown in [
            "not trusted", "nothing was run", "crucible trust", "--trust", "CRUCIBLE_TRUST=1", "Trust test course", "runs: sh",
            "hidden harnesses: 1 lesson", TrustTestCourse.realPath(course.folder),
        ] {
            #expect(result.stderr.contains(shown), "\(shown) not in: \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!result.stdout.contains("t.fix"), "the check ran: \(result.stdout)", sourceLocation: sourceLocation)
    }

    @Test func withoutATerminalAnUntrustedCourseIsRefused() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        expectRefused(try run(course, ["check", "t.fix"]), course)
        expectRefused(try run(course, ["verify", "t.fix"]), course)
        expectRefused(try run(course, ["watch", "t.fix", "--manual"]), course)
        #expect(!FileManager.default.fileExists(atPath: course.trustFile.path))
    }

    @Test func trustFlagAndEnvironmentTrustForOneRunOnly() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let flagged = try run(course, ["check", "t.fix", "--trust"])
        #expect(flagged.status == 1, "\(flagged.stderr)")
        #expect(flagged.stdout.contains("t.fix"))
        #expect(!flagged.stderr.contains("trust"), "\(flagged.stderr)")
        let environment = try run(course, ["check", "t.fix"], environment: ["CRUCIBLE_TRUST": "1"])
        #expect(environment.status == 1, "\(environment.stderr)")
        #expect(environment.stdout.contains("t.fix"))
        // Nothing was remembered.
        #expect(!FileManager.default.fileExists(atPath: course.trustFile.path))
        expectRefused(try run(course, ["check", "t.fix"]), course)
    }

    @Test func trustIsRememberedUntilUntrusted() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let trust = try CrucibleRunner.run(["trust", course.folder.path], environment: course.untrustedEnvironment)
        #expect(trust.status == 0, "\(trust.stderr)")
        #expect(trust.stdout.contains("Trusted: Trust test course"), "\(trust.stdout)")
        #expect(FileManager.default.fileExists(atPath: course.trustFile.path))
        let again = try CrucibleRunner.run(["trust", course.folder.path], environment: course.untrustedEnvironment)
        #expect(again.stdout.contains("Already trusted"), "\(again.stdout)")

        let check = try run(course, ["check", "t.fix"])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("t.fix"))
        #expect(!check.stderr.contains("trust"), "\(check.stderr)")

        let untrust = try CrucibleRunner.run(["untrust", course.folder.path], environment: course.untrustedEnvironment)
        #expect(untrust.status == 0, "\(untrust.stderr)")
        #expect(untrust.stdout.contains("No longer trusted"), "\(untrust.stdout)")
        expectRefused(try run(course, ["check", "t.fix"]), course)
        let twice = try CrucibleRunner.run(["untrust", course.folder.path], environment: course.untrustedEnvironment)
        #expect(twice.stdout.contains("was not trusted"), "\(twice.stdout)")
    }

    @Test func aChangedHarnessAsksAgainAndSaysWhatChanged() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        #expect(try CrucibleRunner.run(["trust", course.folder.path], environment: course.untrustedEnvironment).status == 0)
        try course.write("grep -q fixed answer.txt && curl https://example.invalid\n", to: "01-t/01-fix/check/harness.sh")
        let result = try run(course, ["check", "t.fix"])
        expectRefused(result, course)
        #expect(result.stderr.contains("changed since you trusted it"), "\(result.stderr)")
        #expect(result.stderr.contains("lesson t.fix's hidden harness changed"), "\(result.stderr)")
    }

    @Test func readingAndAnsweringNeverAsk() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        for arguments in [
            ["list"], ["show", "t.fix"], ["hint", "t.read"], ["progress"], ["check", "t.quiz", "1", "2"], ["check", "t.read"],
        ] {
            let result = try run(course, arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("trust"), "\(arguments): \(result.stderr)")
        }
        let lint = try CrucibleRunner.run(["lint", course.folder.path], environment: course.untrustedEnvironment)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(!lint.stderr.contains("trust"))
        #expect(!FileManager.default.fileExists(atPath: course.trustFile.path))
    }

    @Test func theBundledCourseIsAlwaysTrusted() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let result = try CrucibleRunner.run(["trust", CrucibleRunner.bundledLessons.path], environment: course.untrustedEnvironment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("The bundled course is always trusted"), "\(result.stdout)")
        let check = try CrucibleRunner.run(
            [
                "check", "orientation.first-fix", "--lessons", CrucibleRunner.bundledLessons.path, "--progress",
                course.root.appendingPathComponent("p.json").path, "--workspace", course.root.appendingPathComponent("w").path,
            ],
            environment: course.untrustedEnvironment)
        #expect(!check.stderr.contains("not trusted"), "\(check.stderr)")
        #expect(check.stdout.contains("orientation.first-fix"), "\(check.stdout)")
    }

    @Test func aCorruptTrustFileIsReportedAndTrustsNothing() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        try FileManager.default.createDirectory(at: course.trustFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: course.trustFile)
        let result = try run(course, ["check", "t.fix"])
        expectRefused(result, course)
        #expect(result.stderr.contains("is not a trust file Crucible can read"), "\(result.stderr)")
        #expect(try Data(contentsOf: course.trustFile) == Data("not json".utf8))
        let trust = try CrucibleRunner.run(["trust", course.folder.path], environment: course.untrustedEnvironment)
        #expect(trust.status == 0, "\(trust.stderr)")
        #expect(trust.stderr.contains("moved to \(course.trustFile.path).corrupt-"), "\(trust.stderr)")
    }
}

/// The question on a real terminal: `check` asks on stdin, and the full screen asks in a dialog when `c` is pressed.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct TrustTmuxTests {
    private func command(_ course: TrustTestCourse, _ arguments: String) -> String {
        course.untrustedShellPrefix + "'\(CrucibleRunner.binary.path)' " + arguments + " "
            + course.options.map { "'\($0)'" }.joined(separator: " ")
    }

    @Test func checkAsksOnTheTerminalAndRemembersYes() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.close() }
        try session.run(command(course, "check t.fix"))
        let asked = try session.waitFor("Trust this course and run its checks? [y/N]")
        #expect(asked.contains("Trust test course") && asked.contains("runs: sh"), "\(asked)")
        try session.send("n", "Enter")
        try session.waitFor("not trusted, so nothing was run")
        try session.run("clear")
        try session.run(command(course, "check t.fix"))
        try session.waitFor("[y/N]")
        try session.send("y", "Enter")
        let checked = try session.waitUntil("the check's result") {
            $0.contains("t.fix") && $0.contains(TmuxSession.prompt) && $0.contains("full output")
                || $0.contains("answer") && $0.contains(TmuxSession.prompt)
        }
        #expect(!checked.contains("nothing was run"), "\(checked)")
        #expect(FileManager.default.fileExists(atPath: course.trustFile.path))
        try session.run("clear")
        try session.run(command(course, "check t.fix") + "; echo EXIT=$?")
        let again = try session.waitFor("EXIT=1")
        #expect(!again.contains("[y/N]"), "\(again)")
    }

    @Test func theFullScreenAsksWhenCIsPressed() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        try session.run(command(course, ""))
        try session.dismissWelcome()
        try session.waitFor("Fix it")
        try session.send("Enter")
        try session.waitFor("Write")
        try session.send("c")
        let dialog = try session.waitFor("y trust and check · n/Esc cancel")
        #expect(dialog.contains("Trust this course?") && dialog.contains("Trust test course"), "\(dialog)")
        try session.send("Escape")
        try session.waitFor("Not trusted: nothing was run")
        #expect(!FileManager.default.fileExists(atPath: course.trustFile.path))
        try session.send("c")
        try session.waitFor("y trust and check")
        try session.send("y")
        try session.waitUntil("the check's result") {
            !$0.contains("y trust and check") && ($0.contains("answer") || $0.contains("failed"))
        }
        #expect(FileManager.default.fileExists(atPath: course.trustFile.path))
        // Ctrl-C quits from any screen (the result panel may be open).
        try session.send("C-c")
        try session.waitFor(TmuxSession.prompt)
    }
}
