import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible scoreboard` on the scoreboard fixture course, through the real binary, and the
/// scoreboard screen opened from the map in a real terminal.
@Suite struct ScoreboardCommandTests {
    /// A copy of the fixture progress file in a fresh folder (the app may save to it).
    static func progressCopy() throws -> (folder: URL, file: URL) {
        let folder = try CrucibleRunner.temporaryFolder()
        let file = folder.appendingPathComponent("progress.json")
        try FileManager.default.copyItem(at: ScoreboardFixture.progressFile, to: file)
        return (folder, file)
    }

    @Test func printsBothLanguagesFiguresAndTheAnswers() throws {
        let (folder, file) = try Self.progressCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(
            ["scoreboard", "--lessons", ScoreboardFixture.course.path, "--progress", file.path], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        for line in [
            "Arena: Rust vs Go", "not a law about the", "JSON endpoint",
            "throughput      41,000 req/s  52,000 req/s  Rust, 1.3×",
            "CPU time              1.70 s        1.60 s  a tie (within 10%)",
            "build time            800 ms        9.40 s  Go, 12×",
            "throughput      18,000 req/s             –  not measured yet",
        ] {
            #expect(result.stdout.contains(line), "missing \(line) in:\n\(result.stdout)")
        }
    }

    @Test func jsonHoldsTheSameStandings() throws {
        let (folder, file) = try Self.progressCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(
            ["scoreboard", "--lessons", ScoreboardFixture.course.path, "--progress", file.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let standings = try JSONDecoder().decode(ScoreboardStandings.self, from: Data(result.stdout.utf8))
        #expect(standings.title == "Arena: Rust vs Go")
        #expect(!standings.isEmpty)
        let throughput = standings.tasks[0].claims[0].rows[0]
        #expect(throughput.values.map(\.value) == [41000, 52000])
        #expect(throughput.verdict == .ahead(language: "rust", factor: 52000.0 / 41000.0))
    }

    @Test func nothingMeasuredExitsZeroNamingTheLessons() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(
            ["scoreboard", "--lessons", ScoreboardFixture.course.path, "--progress", folder.appendingPathComponent("p.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Nothing measured yet. Pass the lessons `a.endpoint-go`"), "\(result.stdout)")
    }

    @Test func aCourseWithoutAScoreboardSaysSo() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(
            [
                "scoreboard", "--lessons", ScoreboardFixture.fixtures.appendingPathComponent("go-course").path, "--progress",
                folder.appendingPathComponent("p.json").path,
            ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("has no scoreboard"), "\(result.stderr)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func theScreenOpensFromTheMapWithBothLanguagesFigures() throws {
        let (folder, file) = try Self.progressCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        try session.run(
            "XDG_CACHE_HOME='\(folder.path)/cache' '\(CrucibleRunner.binary.path)' --lessons '\(ScoreboardFixture.course.path)'"
                + " --progress '\(file.path)' --workspace '\(folder.path)/workspace'")
        // Progress with lessons in it may skip the welcome box; dismiss it if it is there.
        let first = try session.waitUntil("the map or the welcome box") { $0.contains("Endpoint in Go") || $0.contains("Enter start") }
        if first.contains("Enter start") { try session.send("Enter") }
        try session.waitUntil("the course map") { $0.contains("Endpoint in Go") && !$0.contains("Press any key") }
        try session.send("b")
        let screen = try session.waitUntil("the scoreboard with both languages' figures") {
            $0.contains("41,000 req/s") && $0.contains("52,000 req/s")
        }
        #expect(screen.contains("Rust, 1.3×"))
        try session.send("q")
        try session.waitUntil("back on the map") { $0.contains("Endpoint in Go") && !$0.contains("41,000 req/s") }
    }
}
