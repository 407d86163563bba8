import CrucibleEngine
import CrucibleUI
import Foundation

/// `crucible scoreboard`: the same standings the scoreboard screen shows, as text or JSON.
public enum ScoreboardReport {
    /// The standings of `course`'s scoreboard from `progress`; a failure when the course has none.
    public static func standings(_ course: Course, progress: CourseProgress?) throws -> ScoreboardStandings {
        guard let scoreboard = course.scoreboard else {
            throw CommandFailure(
                message: "the course \(quoted: course.id) has no scoreboard: its course.yml pairs no lessons across languages "
                    + "(add `scoreboard`, see \"The scoreboard\" in Lessons/README.md)")
        }
        return ScoreboardStandings(scoreboard, progress: progress)
    }

    /// Prints the standings of `progress`'s course, as text at `width` columns or as JSON.
    public static func print(_ progress: CommandLineProgress, json: Bool, width: Int = Output.width) throws {
        let standings = try standings(progress.course, progress: progress.store.current)
        if json {
            try Output.print(encoding: standings)
        } else {
            Output.print(ScoreboardText.lines(standings, width: width))
        }
    }
}
