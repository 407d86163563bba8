import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// When checks cannot be sandboxed, `check` and `doctor` say so, once, with how to enable it;
/// turned off on purpose, they say nothing. The PATH of these runs holds only `sh` (and a fake
/// `bwrap` where one is wanted), so bubblewrap is missing or broken whatever this machine has.
@Suite struct SandboxNoticeTests {
    /// A course with one code lesson whose check runs `sh`, and a PATH folder holding `sh`.
    private func course() throws -> (folder: URL, environment: [String: String]) {
        let folder = try CrucibleRunner.temporaryFolder()
        let course = folder.appendingPathComponent("course")
        try CrucibleRunner.writeOneLessonCourse(steps: #"- run: [sh, -c, "exit 0"]"#, in: course)
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("sh").path, withDestinationPath: "/bin/sh")
        return (
            folder,
            [
                "PATH": bin.path, "CRUCIBLE_LESSONS": course.path, "CRUCIBLE_TRUST": "1",
                "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
                "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
                "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
            ]
        )
    }

    private func occurrences(of text: String, in output: String) -> Int { output.components(separatedBy: text).count - 1 }

    @Test func withoutBubblewrapCheckSaysOnceThatChecksAreNotSandboxedAndHowToEnableIt() throws {
        let (folder, environment) = try course()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CrucibleRunner.run(["check", "--lessons", environment["CRUCIBLE_LESSONS"]!, "t.l"], environment: environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(occurrences(of: "checks are not sandboxed: bubblewrap (bwrap) is not installed", in: run.stderr) == 1, "\(run.stderr)")
        #expect(run.stderr.contains("apt-get install bubblewrap"))

        let doctor = try CrucibleRunner.run(["doctor", "--lessons", environment["CRUCIBLE_LESSONS"]!], environment: environment)
        #expect(doctor.stdout.contains("sandbox: off (bwrap is not installed)"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("apt-get install bubblewrap"))
    }

    @Test func aBubblewrapThatCannotWorkHereIsToldApartFromAMissingOne() throws {
        let (folder, environment) = try course()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("bin/bwrap")
        try "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n".write(
            to: fake, atomically: true, encoding: .utf8)
        _ = chmod(fake.path, 0o755)
        let run = try CrucibleRunner.run(["check", "--lessons", environment["CRUCIBLE_LESSONS"]!, "t.l"], environment: environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(occurrences(of: "checks are not sandboxed: bubblewrap cannot build a sandbox here", in: run.stderr) == 1, "\(run.stderr)")
        #expect(run.stderr.contains("No permissions to create new namespace"))
        #expect(run.stderr.contains("unprivileged user namespaces"))
    }

    @Test func turnedOffOnPurposeNothingIsSaid() throws {
        let (folder, environment) = try course()
        defer { try? FileManager.default.removeItem(at: folder) }
        let flag = try CrucibleRunner.run(
            ["check", "--lessons", environment["CRUCIBLE_LESSONS"]!, "t.l", "--no-sandbox"], environment: environment)
        #expect(flag.status == 0, "\(flag.stdout)\(flag.stderr)")
        #expect(!flag.stderr.contains("sandboxed"), "\(flag.stderr)")
        var turnedOff = environment
        turnedOff[Sandbox.disableKey] = "1"
        let variable = try CrucibleRunner.run(["check", "--lessons", environment["CRUCIBLE_LESSONS"]!, "t.l"], environment: turnedOff)
        #expect(variable.status == 0, "\(variable.stdout)\(variable.stderr)")
        #expect(!variable.stderr.contains("sandboxed"), "\(variable.stderr)")
        let doctor = try CrucibleRunner.run(["doctor", "--lessons", environment["CRUCIBLE_LESSONS"]!], environment: turnedOff)
        #expect(doctor.stdout.contains("sandbox: off (turned off"), "\(doctor.stdout)")
    }
}
