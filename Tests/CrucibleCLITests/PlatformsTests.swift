import CrucibleTestSupport
import Foundation
import Testing

/// A lesson whose `platforms` leave this platform out (`[macos]` on Linux, `[linux]` on macOS):
/// lint accepts it, the map marks it like a lesson whose tool is missing, with the reason,
/// `check` refuses it (no attempt, no hint) and `verify` skips it with the reason.
@Suite(.serialized) struct PlatformsTests {
    #if os(Linux)
    static let elsewhere = (key: "macos", name: "macOS")
    #else
    static let elsewhere = (key: "linux", name: "Linux")
    #endif
    static let refusal = "this lesson runs on \(elsewhere.name) only: it reads allocation counts the other platform does not have"

    /// A course with one code lesson for the other platform and one for every platform.
    static func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        try write("course.yml", "id: plat\ntitle: Platform Course\nwelcome: Welcome.\n")
        try write("01-p/track.yml", "id: p\ntitle: Platform Track\nsummary: Lessons for some platforms.\n")
        for (folder, id, title, platforms) in [
            (
                "01-elsewhere", "p.elsewhere", "Count allocations elsewhere",
                "platforms: [\(elsewhere.key)]\nplatformNote: \"it reads allocation counts the other platform does not have\"\n"
            ),
            ("02-anywhere", "p.anywhere", "Fix it anywhere", ""),
        ] {
            try write(
                "01-p/\(folder)/lesson.md",
                """
                ---
                id: \(id)
                title: \(title)
                kind: code
                hints: ["HINT-ONE"]
                \(platforms)code:
                  language: text
                  starter: [answer.txt]
                  solution: [answer.txt]
                  steps:
                    - name: answer
                      run: [sh, "-c", "grep -q fixed answer.txt"]
                ---
                Write `fixed` into answer.txt.

                """)
            try write("01-p/\(folder)/starter/answer.txt", "broken\n")
            try write("01-p/\(folder)/solution/answer.txt", "fixed\n")
        }
        return root
    }

    @Test func aLessonForAnotherPlatformIsLintedMarkedRefusedAndSkipped() throws {
        let course = try Self.writeCourse(), state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course); try? FileManager.default.removeItem(at: state) }
        let progress = state.appendingPathComponent("progress.json")
        let environment = [
            "XDG_CACHE_HOME": state.appendingPathComponent("cache").path,
            "CRUCIBLE_WORKSPACE": state.appendingPathComponent("workspace").path, "CRUCIBLE_PROGRESS": progress.path,
        ]
        func crucible(_ arguments: String...) throws -> CrucibleRunner.Result {
            try CrucibleRunner.run(["--lessons", course.path] + arguments, environment: environment, timeout: 120)
        }

        let lint = try CrucibleRunner.run(["lint", course.path], environment: environment)
        #expect(lint.status == 0, "lint is about the file, not the machine:\n\(lint.stdout)\(lint.stderr)")

        // The map as text: marked like a missing tool, with the reason; the other lesson is not.
        let list = try crucible("list")
        let rows = list.stdout.split(separator: "\n").map(String.init)
        let marked = try #require(rows.first { $0.contains("p.elsewhere") }, "\(list.stdout)")
        #expect(marked.hasPrefix("  ✗ ") && marked.hasSuffix("  \(Self.elsewhere.name) only"), "\(list.stdout)")
        #expect(rows.first { $0.contains("p.anywhere") }?.hasPrefix("  ○ ") == true, "\(list.stdout)")
        #expect(list.stdout.contains("1 cannot be checked here"), "\(list.stdout)")
        #expect(list.stdout.contains("✗ cannot be checked here"), "the legend:\n\(list.stdout)")

        // check: refused with the reason, no attempt, no hint.
        let check = try crucible("check", "p.elsewhere")
        #expect(check.status == 1)
        #expect(check.stdout.contains("not for this platform"), "\(check.stdout)")
        #expect(check.stdout.contains(Self.refusal.prefix(1).uppercased() + Self.refusal.dropFirst()), "\(check.stdout)")
        #expect(check.stdout.contains("This was not counted as an attempt."), "\(check.stdout)")
        #expect(!check.stdout.contains("crucible hint") && !check.stdout.contains("HINT-ONE"), "\(check.stdout)")
        let saved = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
        #expect(!saved.contains("p.elsewhere"), "recorded as an attempt:\n\(saved)")

        // verify: skipped with the reason, and the summary counts it with the platform; a skipped
        // lesson was not verified, so it fails unless skips are allowed.
        let verify = try crucible("verify", "--jobs", "1")
        #expect(verify.status == 1, "\(verify.stdout)\(verify.stderr)")
        let skipped = try #require(verify.stdout.split(separator: "\n").first { $0.hasPrefix("p.elsewhere") }, "\(verify.stdout)")
        #expect(skipped.contains("skipped") && skipped.contains(Self.refusal), "\(verify.stdout)")
        let reason = "runs on \(Self.elsewhere.name) only"
        #expect(verify.stdout.contains("2 lesson(s): 1 ok, 0 with problems, 1 skipped (\(reason): 1)"), "\(verify.stdout)")
        #expect(verify.stderr.contains("1 of 2 lessons was skipped, so not verified (\(reason): 1)"), "\(verify.stderr)")
        let allowed = try crucible("verify", "--jobs", "1", "--allow-skips")
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
    }
}
