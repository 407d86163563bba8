import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check` on a read lesson marks it done, through the same game rules as any pass.
@Suite struct ReadLessonCheckTests {
    private func environment(_ folder: URL) -> [String: String] {
        [
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
    }

    @Test func checkMarksAReadLessonPassedWithItsXP() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = try CrucibleRunner.run(["list"], environment: environment(folder))
        #expect(list.stdout.contains("orientation.how-crucible-works"), "\(list.stdout)")

        let check = try CrucibleRunner.run(["check", "orientation.how-crucible-works"], environment: environment(folder))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("✓ passed  orientation.how-crucible-works"), "\(check.stdout)")
        #expect(check.stdout.contains("+5 XP"), "\(check.stdout)")
        #expect(check.stdout.contains("Achievement unlocked: First light"), "\(check.stdout)")

        let data = try Data(contentsOf: folder.appendingPathComponent("progress.json"))
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let course = try #require((file["courses"] as? [String: Any])?["crucible"] as? [String: Any])
        #expect(course["xp"] as? Int == 5)
        let record = try #require((course["lessons"] as? [String: Any])?["orientation.how-crucible-works"] as? [String: Any])
        #expect(record["status"] as? String == "passed")
        #expect(record["xpEarned"] as? Int == 5)
        let summary = (record["lastCheck"] as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["origin"] as? String == "commandLine")

        // The progress report counts it and recommends the next lesson instead.
        let progress = try CrucibleRunner.run(["progress"], environment: environment(folder))
        #expect(progress.stdout.contains("1/3"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Next in the recommended order: orientation.warm-up-quiz"), "\(progress.stdout)")

        // Checking it again earns nothing more.
        let again = try CrucibleRunner.run(["check", "orientation.how-crucible-works"], environment: environment(folder))
        #expect(again.status == 0)
        #expect(!again.stdout.contains("XP"), "\(again.stdout)")
    }

    @Test func aReadLessonTakesNoAnswers() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(["check", "orientation.how-crucible-works", "3"], environment: environment(folder))
        #expect(result.status == 2)
        #expect(result.stderr.contains("`orientation.how-crucible-works` is a read lesson: it takes no answers"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("progress.json").path))
    }
}

extension ReadLessonCheckTests {
    @Test func showTellsHowToMarkAReadLessonDone() throws {
        let result = try CrucibleRunner.run(["show", "orientation.how-crucible-works", "--width", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Done reading? crucible check orientation.how-crucible-works marks it done."), "\(result.stdout)")
    }
}
