import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// Numbers that used to crash the binary (an overflow trap) or made a level name of
/// hundreds of kilobytes: the lesson `xp` lint accepted, and huge or negative progress numbers.
@Suite struct HostileNumbersTests {
    /// A private workspace, cache and progress file, and a one-track course in `root`.
    static func environment(_ root: URL) -> [String: String] {
        [
            "CRUCIBLE_WORKSPACE": root.appendingPathComponent("state/workspace").path,
            "XDG_CACHE_HOME": root.appendingPathComponent("state/cache").path,
            "CRUCIBLE_PROGRESS": root.appendingPathComponent("state/progress.json").path,
            "CRUCIBLE_LESSONS": root.appendingPathComponent("course").path,
        ]
    }

    /// A course with read lessons `t.huge` worth `hugeXP` and `t.most` worth the most lint allows.
    static func course(hugeXP: String) throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write("course/" + path, text, in: root) }
        try write("course.yml", "id: numbers\ntitle: Numbers\nwelcome: Hi.\n")
        try write("01-t/track.yml", "id: t\ntitle: T\nsummary: S\n")
        try write("01-t/01-huge/lesson.md", "---\nid: t.huge\ntitle: Huge\nkind: read\nxp: \(hugeXP)\n---\nRead me.\n")
        try write("01-t/02-most/lesson.md", "---\nid: t.most\ntitle: Most\nkind: read\nxp: 1000\n---\nRead me.\n")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("state"), withIntermediateDirectories: true)
        return root
    }

    static func progressFile(_ root: URL) -> URL { root.appendingPathComponent("state/progress.json") }

    /// The file as an editor or a bug could leave it: `xp` and `streak` written as raw JSON text.
    static func writeProgress(_ root: URL, xp: String, current: String = "3", best: String = "3") throws {
        let text =
            #"{"schemaVersion": 1, "courses": {"numbers": {"xp": \#(xp), "level": 1, "#
            + #""streak": {"current": \#(current), "best": \#(best), "lastActiveDay": "2026-01-01"}, "#
            + #""achievements": {}, "settings": {"watchMode": false}, "lessons": {}}}}"#
        try Data(text.utf8).write(to: progressFile(root))
    }

    /// Exited on its own (no trap, which would be a signal), with `status`.
    static func expectExit(_ result: CrucibleRunner.Result, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            result.status == status, "status \(result.status)\n\(result.stdout)\n\(result.stderr.suffix(2000))",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: ["6148914691236517206", "99999999999999999999", "1e18"])
    func lintRejectsAnXPAboveTheMaximumAtItsLine(xp: String) throws {
        let root = try Self.course(hugeXP: xp)
        defer { try? FileManager.default.removeItem(at: root) }
        let lint = try CrucibleRunner.run(["lint", root.appendingPathComponent("course").path])
        Self.expectExit(lint, 1)
        let output = lint.stdout + lint.stderr
        #expect(
            output.contains("01-t/01-huge/lesson.md:5:5: error: `xp` must be a whole number from 0 to 1000, found number `\(xp)`"),
            "\(output)")
        #expect(!output.contains("02-most"), "1000 is allowed: \(output)")
    }

    @Test func checkingALessonWithHugeXPNamesTheProblemInsteadOfTrapping() throws {
        let root = try Self.course(hugeXP: "6148914691236517206")
        defer { try? FileManager.default.removeItem(at: root) }
        // The lesson is left out of the course for its error; the check says so and where.
        let check = try CrucibleRunner.run(["check", "t.huge"], environment: Self.environment(root))
        #expect(check.status != 0 && check.status < 128, "status \(check.status)\n\(check.stderr)")
        #expect(
            check.stderr.contains("lesson.md:5:5") && check.stderr.contains("`xp` must be a whole number from 0 to 1000"),
            "\(check.stdout)\(check.stderr)")
    }

    @Test func progressAndCheckWithTheLargestXPClampItAndSaySo() throws {
        let root = try Self.course(hugeXP: "10")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeProgress(root, xp: "9223372036854775807")
        let progress = try CrucibleRunner.run(["progress"], environment: Self.environment(root))
        Self.expectExit(progress, 0)
        #expect(
            progress.stderr.contains(
                "course `numbers`: `xp` was out of range (9223372036854775807 or more, above the maximum 1000000000); set to 1000000000"),
            "\(progress.stderr)")
        let levelLine = try #require(progress.stdout.split(separator: "\n").first { $0.hasPrefix("Level ") }, "\(progress.stdout)")
        #expect(levelLine == "Level 6325 · Crucible Master MMMMMMCCCXVI · 1000000000 XP · 0 XP to level 6326", "\(levelLine)")

        try Self.writeProgress(root, xp: "9223372036854775807")
        let check = try CrucibleRunner.run(["check", "t.most"], environment: Self.environment(root))
        Self.expectExit(check, 0)
        #expect(check.stdout.contains("+1000 XP"), "\(check.stdout)")
        let saved = try ProgressCoding.decode(Data(contentsOf: Self.progressFile(root)))
        #expect(saved.clamped.isEmpty, "the saved file is back in range: \(saved.clamped)")
        #expect(saved.progress[course: "numbers"].xp == NumberBounds.progressXP.upperBound)
    }

    @Test func xpInExponentFormIsClampedAndTheLevelNameStaysShort() throws {
        let root = try Self.course(hugeXP: "10")
        defer { try? FileManager.default.removeItem(at: root) }
        for xp in ["1e18", "1e300"] {
            try Self.writeProgress(root, xp: xp)
            let result = try CrucibleRunner.run(["progress", "--json"], environment: Self.environment(root))
            Self.expectExit(result, 0)
            #expect(result.stdout.utf8.count < 4000, "xp \(xp): \(result.stdout.utf8.count) bytes of output")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(json["xp"] as? Int == 1_000_000_000)
            #expect((json["levelName"] as? String)?.count ?? 99 < 40, "\(json["levelName"] ?? "none")")
            #expect(!result.stderr.contains("not valid JSON"), "\(result.stderr)")
            #expect(result.stderr.contains("`xp` was out of range"), "\(result.stderr)")
        }
    }

    @Test func aNegativeStreakIsSetToZeroWithItsReason() throws {
        let root = try Self.course(hugeXP: "10")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeProgress(root, xp: "0", current: "-5", best: "-1e300")
        let result = try CrucibleRunner.run(["progress"], environment: Self.environment(root))
        Self.expectExit(result, 0)
        #expect(result.stderr.contains("`streak.current` was negative (-5); set to 0"), "\(result.stderr)")
        #expect(result.stderr.contains("`streak.best` was negative (-9223372036854775808 or less); set to 0"), "\(result.stderr)")
        #expect(result.stdout.contains("Streak: 0 days (best 0)"), "\(result.stdout)")
    }

    @Test func aNumberBeyondEveryNumberTypeIsNamedNotCalledInvalidJSON() throws {
        let root = try Self.course(hugeXP: "10")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeProgress(root, xp: "1e400")
        let result = try CrucibleRunner.run(["progress"], environment: Self.environment(root))
        Self.expectExit(result, 0)
        #expect(result.stderr.contains("the number 1e400 on line 1 is out of range"), "\(result.stderr)")
    }
}
