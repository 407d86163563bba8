import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check`, `verify` and `doctor` driven as a user drives them.
@Suite(.serialized) struct CheckCommandTests {
    /// A private workspace, cache and progress file, so tests never touch the user's.
    private func environment(_ folder: URL) -> [String: String] {
        [
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
    }

    @Test func quizAnswersArePositionalPerQuestion() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let right = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "3", "1,2,4"], environment: environment(folder))
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(right.stdout.hasPrefix("✓ passed"))

        let wrong = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "1", "1,2,4"], environment: environment(folder))
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("C never frees memory for you"), "\(wrong.stdout)")

        let usage = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "3"], environment: environment(folder))
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("2 questions"))
    }

    @Test func predictShowsTheRealOutputAfterTheAnswer() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(["check", "memory.value-and-reference", " 0   1 "], environment: environment(folder))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("The program's real output:\n    0 1"), "\(result.stdout)")
    }

    @Test func codeCheckCopiesTheStarterReportsTheCompileErrorAndCaches() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CrucibleRunner.run(["check", "orientation.first-fix", "--json"], environment: environment(folder), timeout: 300)
        #expect(first.status == 1, "\(first.stdout)\(first.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(json["outcome"] as? String == "failed")
        #expect(json["reason"] as? String == "compileError")
        let error = try #require(json["compilerError"] as? [String: Any])
        #expect(error["file"] as? String == "sum.swift")
        #expect(error["line"] as? Int == 5)
        #expect(json["fromCache"] as? Bool == false)
        let copied = folder.appendingPathComponent("workspace/crucible/orientation.first-fix/sum.swift")
        #expect(FileManager.default.fileExists(atPath: copied.path))

        let again = try CrucibleRunner.run(["check", "orientation.first-fix"], environment: environment(folder), timeout: 300)
        #expect(again.status == 1)
        #expect(again.stdout.hasPrefix("✗ failed (compile error)"), "\(again.stdout)")
        #expect(again.stdout.contains("sum.swift:5:"))
        #expect(again.stdout.contains("cached"))
        #expect(again.stdout.contains("crucible hint orientation.first-fix"))

        let solution = CrucibleRunner.bundledLessons.appendingPathComponent("00-orientation/03-first-fix/solution/sum.swift")
        try FileManager.default.removeItem(at: copied)
        try FileManager.default.copyItem(at: solution, to: copied)
        let fixed = try CrucibleRunner.run(["check", "orientation.first-fix"], environment: environment(folder), timeout: 300)
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(!fixed.stdout.contains("\u{1B}["), "colour in a pipe")
        let progress = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("progress.json")))
                as? [String: Any])
        let lessons = ((progress["courses"] as? [String: Any])?["crucible"] as? [String: Any])?["lessons"] as? [String: Any]
        let record = try #require(lessons?["orientation.first-fix"] as? [String: Any], "\(progress)")
        // The first failure and the pass; the cached failure in between judged the same files again.
        #expect(record["attempts"] as? Int == 2, "\(record)")
    }

    @Test func verifyPassesOnTheBundledCourse() throws {
        let result = try CrucibleRunner.run(["verify", "--jobs", "2"], timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("orientation.first-fix"))
        #expect(result.stdout.contains("starter: failed (compile error); solution: passed"))
        // Every lesson really ran: scripts/test installs every tool the course needs, so a
        // skipped lesson (a missing rustc or go) would leave its checks unverified in CI.
        #expect(
            result.stdout.contains(", 0 skipped"), "a lesson was skipped; scripts/deps --for-tests installs its tool:\n\(result.stdout)")
    }

    /// A course whose every lesson is skipped verified nothing, so verify says so and fails, unless skips are allowed.
    @Test func verifyFailsWhenEveryLessonWasSkipped() throws {
        let course = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        let lesson = course.appendingPathComponent("01-t/01-l")
        for folder in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: lesson.appendingPathComponent(folder), withIntermediateDirectories: true)
            try "int main(void) { return 0; }\n".write(
                to: lesson.appendingPathComponent(folder + "/main.c"), atomically: true, encoding: .utf8)
        }
        try "id: c\ntitle: C\nwelcome: hi\n".write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: t\ntitle: T\nsummary: s\n".write(to: course.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
        try """
        ---
        id: t.l
        title: L
        kind: code
        code:
          language: c
          starter: [main.c]
          solution: [main.c]
          steps:
            - run: [crucible-no-such-tool, main.c]
        ---
        You will fix it.
        """.write(to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)

        let strict = try CrucibleRunner.run(["verify", "--lessons", course.path, "--jobs", "1"])
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stdout.contains("0 ok, 0 with problems, 1 skipped"), "\(strict.stdout)")
        #expect(strict.stderr.contains("nothing was verified: every lesson was skipped"), "\(strict.stderr)")
        #expect(strict.stderr.contains("pass --allow-skips"), "\(strict.stderr)")

        let allowed = try CrucibleRunner.run(["verify", "--lessons", course.path, "--jobs", "1", "--allow-skips"])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(allowed.stderr.contains("nothing was verified"), "still said: \(allowed.stderr)")
    }

    @Test func doctorListsEveryToolFoundOrNot() throws {
        let result = try CrucibleRunner.run(["doctor"])
        for tool in ["swiftc", "clang", "gcc", "rustc", "go"] {
            #expect(result.stdout.contains(" \(tool): "), "\(tool) missing from:\n\(result.stdout)")
        }
        #expect(result.stdout.contains("Swift version") || result.stdout.contains("swiftc: not found"))
    }
}
