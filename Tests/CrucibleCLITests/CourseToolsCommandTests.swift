import CrucibleTestSupport
import Foundation
import Testing

/// Tools a course declares and minimum versions, as `doctor`, `check`, `list` and `verify` report them.
@Suite struct CourseToolsCommandTests {
    /// A course with one code lesson needing `requires`, whose course.yml declares `tools`.
    static func course(tools: String, requires: String, run: String) throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        let lesson = root.appendingPathComponent("01-t/01-l")
        for sub in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: lesson.appendingPathComponent(sub), withIntermediateDirectories: true)
            try "".write(to: lesson.appendingPathComponent("\(sub)/x.txt"), atomically: true, encoding: .utf8)
        }
        try "id: tools-course\ntitle: Tools\nwelcome: Hello.\ntools:\n\(tools)".write(
            to: root.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: t\ntitle: T\nsummary: One lesson.\n".write(
            to: root.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
        try """
        ---
        id: t.lint
        title: Lint it
        kind: code
        requires: \(requires)
        code:
          language: text
          starter: [x.txt]
          solution: [x.txt]
          starterPasses: true
          steps:
            - run: \(run)
        ---
        Lint the file.

        """.write(to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        return root
    }

    static let declaration = """
          fake-lint:
            purpose: "the course's linter"
            kind: build
            version: [--version]
            install:
              debian: "pip install fake-lint"

        """

    /// A folder holding `fake-lint`, which prints version `version`.
    static func fakeLint(version: String) throws -> URL {
        let folder = try CrucibleRunner.temporaryFolder()
        let script = folder.appendingPathComponent("fake-lint")
        try "#!/bin/sh\necho 'fake-lint \(version)'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        return folder
    }

    static func environment(_ state: URL, path: String) -> [String: String] {
        [
            "PATH": path, "XDG_CACHE_HOME": state.appendingPathComponent("cache").path,
            "CRUCIBLE_WORKSPACE": state.appendingPathComponent("workspace").path,
            "CRUCIBLE_PROGRESS": state.appendingPathComponent("progress.json").path,
        ]
    }

    @Test func aMissingDeclaredToolIsListedByDoctorAndRefusedByCheckWithItsOwnInstallHint() throws {
        let course = try Self.course(tools: Self.declaration, requires: "[fake-lint]", run: "[fake-lint, x.txt]")
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course); try? FileManager.default.removeItem(at: state) }
        let environment = Self.environment(state, path: "/usr/bin:/bin")

        let lint = try CrucibleRunner.run(["lint", course.path], environment: environment)
        #expect(lint.status == 0, "\(lint.stdout)")
        let doctor = try CrucibleRunner.run(["doctor", "--lessons", course.path], environment: environment, timeout: 120)
        #expect(doctor.status == 1, "\(doctor.stdout)")
        #expect(
            doctor.stdout.contains(
                "✗ fake-lint: not found; used by 1 lesson; for the course's linter\n    Debian/Ubuntu: pip install fake-lint"),
            "\(doctor.stdout)")
        let check = try CrucibleRunner.run(["check", "t.lint", "--lessons", course.path], environment: environment, timeout: 120)
        #expect(check.status == 1)
        #expect(check.stdout.contains("`fake-lint`, which is not installed"), "\(check.stdout)")
        #expect(check.stdout.contains("Debian/Ubuntu: pip install fake-lint"), "\(check.stdout)")
    }

    @Test func aTooOldToolIsNamedWithItsVersionByDoctorListCheckAndVerify() throws {
        let tool = try Self.fakeLint(version: "1.4.2")
        let course = try Self.course(tools: Self.declaration, requires: "[\"fake-lint >= 2.0\"]", run: "[fake-lint, x.txt]")
        let state = try CrucibleRunner.temporaryFolder()
        defer {
            for folder in [tool, course, state] { try? FileManager.default.removeItem(at: folder) }
        }
        let environment = Self.environment(state, path: tool.path + ":/usr/bin:/bin")

        let doctor = try CrucibleRunner.run(["doctor", "--lessons", course.path], environment: environment, timeout: 120)
        #expect(doctor.status == 1, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("✗ fake-lint: too old — needs fake-lint 2.0 (lesson t.lint), have 1.4.2"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("    fix: upgrade it: pip install fake-lint"), "\(doctor.stdout)")

        let list = try CrucibleRunner.run(["list", "--lessons", course.path], environment: environment, timeout: 120)
        #expect(list.stdout.contains("needs fake-lint 2.0, have 1.4.2"), "\(list.stdout)")

        let check = try CrucibleRunner.run(["check", "t.lint", "--lessons", course.path], environment: environment, timeout: 120)
        #expect(check.status == 1)
        #expect(check.stdout.contains("✗ tool too old (fake-lint)  t.lint"), "\(check.stdout)")
        #expect(check.stdout.contains("This lesson needs fake-lint 2.0, have 1.4.2, so nothing was checked"), "\(check.stdout)")
        #expect(check.stdout.contains("This was not counted as an attempt."), "\(check.stdout)")

        let verify = try CrucibleRunner.run(["verify", "--lessons", course.path], environment: environment, timeout: 120)
        #expect(verify.status != 0, "a skipped lesson fails verify:\n\(verify.stdout)")
        #expect(verify.stdout.contains("needs fake-lint 2.0, have 1.4.2"), "\(verify.stdout)")
        let allowed = try CrucibleRunner.run(
            ["verify", "--lessons", course.path, "--allow-skips"], environment: environment, timeout: 120)
        #expect(allowed.status == 0, "\(allowed.stdout)")

        // Once the tool is new enough, the same lesson verifies.
        let newer = try Self.fakeLint(version: "2.1")
        defer { try? FileManager.default.removeItem(at: newer) }
        let upgraded = try CrucibleRunner.run(
            ["verify", "--lessons", course.path], environment: Self.environment(state, path: newer.path + ":/usr/bin:/bin"),
            timeout: 120)
        #expect(upgraded.status == 0, "\(upgraded.stdout)")
    }

    static let goPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .first { FileManager.default.isExecutableFile(atPath: "\($0)/go") }.map(String.init)

    /// A real Go: no release has version 99, so the lesson is skipped on any machine, naming the installed version.
    @Test(.enabled(if: goPath != nil, "go is not on PATH"))
    func verifySkipsALessonNeedingANewerGoAndNamesBothVersions() throws {
        let course = try Self.course(tools: "  {}\n", requires: "[\"go >= 99.0\"]", run: "[go, version]")
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course); try? FileManager.default.removeItem(at: state) }
        let verify = try CrucibleRunner.run(
            ["verify", "--lessons", course.path], environment: Self.environment(state, path: "\(Self.goPath ?? ""):/usr/bin:/bin"),
            timeout: 120)
        #expect(verify.status != 0, "\(verify.stdout)")
        #expect(
            verify.stdout.range(of: #"needs go 99\.0, have 1\.[0-9]+"#, options: .regularExpression) != nil, "\(verify.stdout)")
    }
}
