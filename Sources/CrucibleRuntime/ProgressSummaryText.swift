import CrucibleEngine
import Foundation

/// The summary as plain text, one fact per line, with a bar per track.
public enum ProgressSummaryText {
    public static func render(_ summary: ProgressSummary, courseTitle: String, file: URL) -> String {
        var lines = [courseTitle, ""]
        lines.append(
            "Level \(summary.level) · \(summary.levelName) · \(summary.xp) XP · \(summary.xpToNextLevel) XP to level \(summary.level + 1)")
        let days = summary.streak == 1 ? "day" : "days"
        lines.append("Streak: \(summary.streak) \(days) (best \(summary.bestStreak))")
        lines.append("Lessons: \(summary.lessonsPassed) of \(summary.lessonsTotal) passed")
        lines.append("")
        let width = summary.tracks.map(\.title.count).max() ?? 0
        for track in summary.tracks {
            lines.append(
                "\(track.title.padding(toLength: width, withPad: " ", startingAt: 0))  \(bar(track.passed, of: track.total))  \(track.passed)/\(track.total)"
            )
        }
        let earned = summary.achievements.filter { $0.earned != nil }.count
        lines += ["", "Achievements: \(earned) of \(summary.achievements.count)"]
        for achievement in summary.achievements {
            let earned = achievement.earned.map { " (earned \(LocalDay($0, calendar: .current)))" } ?? ""
            lines.append("  \(achievement.earned == nil ? "·" : "✓") \(achievement.title): \(achievement.description)\(earned)")
        }
        if !summary.updatedLessons.isEmpty {
            lines += ["", "Changed since you passed them (still passed): " + summary.updatedLessons.joined(separator: ", ")]
        }
        if !summary.lessonsNoLongerInCourse.isEmpty {
            lines.append("Kept but not counted (no longer in the course): " + summary.lessonsNoLongerInCourse.joined(separator: ", "))
        }
        lines.append("")
        if let position = summary.position { lines.append("Resume at: \(position.lesson)") }
        if let next = summary.nextInOrder { lines.append("Next in the recommended order: \(next)") }
        lines.append("Progress file: \(file.path)")
        return lines.joined(separator: "\n")
    }

    /// `[██████░░░░░░░░░░░░░░]`, 20 cells wide.
    public static func bar(_ done: Int, of total: Int, width: Int = 20) -> String {
        let filled = total == 0 ? 0 : min(width, done * width / total)
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }
}

extension ProgressSummaryText {
    /// Prints the summary of `store`'s progress in `course`, as text or as JSON (`crucible progress`).
    public static func print(_ progress: CommandLineProgress, json: Bool) throws {
        let store = progress.store, course = progress.course, outline = progress.outline
        let achievements = progress.achievements
        let summary = summary(of: store, course: course, outline: outline, achievements: achievements)
        if json {
            Output.print(json: try ProgressCoding.makeEncoder().encode(summary))
        } else {
            Output.print(render(summary, courseTitle: course.title, file: store.file))
        }
    }

    /// The summary of `store`'s progress today. Passed lessons changed since are marked and the
    /// marks saved; showing them matters more than saving them, so a failure to save is only reported.
    public static func summary(
        of store: ProgressStore, course: Course, outline: CourseOutline,
        achievements: [Achievement]
    ) -> ProgressSummary {
        var progress = store.current
        let updated = progress.markUpdatedLessons(in: course)
        if !updated.isEmpty {
            do { try store.update { $0.markUpdatedLessons(in: course) } } catch {
                Output.error("crucible: \(error)")
            }
            store.printNotices()
        }
        return ProgressSummary(
            progress: progress, outline: outline, achievements: achievements,
            today: LocalDay(Date(), calendar: .current))
    }
}
