import CrucibleEngine
import Foundation

/// The scoreboard's fixture course (`Tests/CrucibleCLITests/Fixtures/scoreboard-course`: two tasks,
/// each with a Go and a Rust lesson) and a progress file in the arena contract's shape: the
/// endpoint measured in both languages, the boss in Go only.
public enum ScoreboardFixture {
    public static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CrucibleCLITests/Fixtures", isDirectory: true)
    public static let course = fixtures.appendingPathComponent("scoreboard-course", isDirectory: true)
    public static let progressFile = fixtures.appendingPathComponent("scoreboard-progress.json")
    public static let courseID = "scoreboard-fixture"

    /// The fixture's progress in the fixture course.
    public static func progress() throws -> CourseProgress? {
        try ProgressCoding.decode(Data(contentsOf: progressFile)).progress.courses[courseID]
    }

    /// The loaded fixture course.
    public static func load() -> CourseLoadResult { CourseLoader.load(from: course) }
}
