import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible progress`: the summary, and moving progress between machines.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your progress: XP, level, streak, tracks and achievements.",
        discussion: """
            Examples:
              crucible progress                    the summary
              crucible progress --json             the same as JSON
              crucible progress export ~/p.json    copy it, to move it to another machine
              crucible progress import ~/p.json    merge it in; nothing earned is lowered
            """,
        subcommands: [ProgressSummaryCommand.self, ProgressExportCommand.self, ProgressImportCommand.self,
                      ProgressStressCommand.self],
        defaultSubcommand: ProgressSummaryCommand.self)

    @OptionGroup var course: CourseOptions
}

/// `crucible progress [show] [--json]`.
struct ProgressSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the summary (the default).")

    @OptionGroup var course: CourseOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        let session = try ProgressSession(options: course)
        var progress = session.store.current
        let updated = progress.markUpdatedLessons(in: session.course)
        if !updated.isEmpty {
            // Remember the marks; showing them matters more than saving them, so a failure is only reported.
            do { try session.update { $0.markUpdatedLessons(in: session.course) } } catch {
                Output.error("crucible: \(error)")
            }
        }
        let summary = ProgressSummary(progress: progress, outline: session.outline, achievements: session.achievements,
                                      today: LocalDay(Date(), calendar: .current))
        if json {
            Output.print(json: try ProgressCoding.makeEncoder().encode(summary))
        } else {
            Output.print(ProgressSummaryText.render(summary, courseTitle: session.course.title, file: session.store.file))
        }
    }
}

/// The summary as plain text, one fact per line, with a bar per track.
enum ProgressSummaryText {
    static func render(_ summary: ProgressSummary, courseTitle: String, file: URL) -> String {
        var lines = [courseTitle, ""]
        lines.append("Level \(summary.level) · \(summary.levelName) · \(summary.xp) XP · \(summary.xpToNextLevel) XP to level \(summary.level + 1)")
        let days = summary.streak == 1 ? "day" : "days"
        lines.append("Streak: \(summary.streak) \(days) (best \(summary.bestStreak))")
        lines.append("Lessons: \(summary.lessonsPassed) of \(summary.lessonsTotal) passed")
        lines.append("")
        let width = summary.tracks.map(\.title.count).max() ?? 0
        for track in summary.tracks {
            lines.append("\(track.title.padding(toLength: width, withPad: " ", startingAt: 0))  \(bar(track.passed, of: track.total))  \(track.passed)/\(track.total)")
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
    static func bar(_ done: Int, of total: Int, width: Int = 20) -> String {
        let filled = total == 0 ? 0 : min(width, done * width / total)
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }
}

/// `crucible progress export FILE`.
struct ProgressExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write your progress in every course to FILE, to move it to another machine.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "Where to write it.")
    var file: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func run() throws {
        let target = URL(fileURLWithPath: file)
        do {
            let store = try ProgressStore(courseID: "", file: course.progressFile())
            for notice in store.takeNotices() { Output.error("crucible: " + notice.message) }
            try store.export(to: target, replace: force)
            let courses = store.all.courses.keys.sorted()
            Output.print("Exported \(courses.count) course\(courses.count == 1 ? "" : "s") (\(courses.joined(separator: ", "))) to \(target.path)")
        } catch {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
    }
}

/// `crucible progress import FILE`.
struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge progress exported on another machine into yours.",
        discussion: "Nothing you earned is lowered: passes, XP, achievements and the best streak only go up.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "A file written by `crucible progress export`.")
    var file: String

    func run() throws {
        let session = try ProgressSession(options: course)
        let imported: SavedProgress
        do { imported = try ProgressStore.readExport(URL(fileURLWithPath: file)) } catch {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
        let before = session.store.current
        let outline = session.outline, achievements = session.achievements, courseID = session.course.id
        let events: [GameEvent]
        do {
            events = try session.store.updateAll { progress in
                progress = progress.merged(with: imported)
                // Achievements the two machines' lessons earn only together are unlocked now.
                var course = progress[course: courseID]
                let unlocked = GameRules.unlockAchievements(in: &course, outline: outline, achievements: achievements, now: Date())
                progress[course: courseID] = course
                return unlocked
            }
        } catch {
            throw CommandFailure(message: "\(error)", status: ExitStatus.problems)
        }
        session.showNotices()
        let after = session.store.current
        let passed = { (progress: CourseProgress) in progress.lessons.values.filter(\.isPassed).count }
        Output.print("Imported \(file): \(session.course.title)")
        Output.print("  XP \(before.xp) → \(after.xp), lessons passed \(passed(before)) → \(passed(after)), achievements \(before.achievements.count) → \(after.achievements.count)")
        for case .achievementUnlocked(let achievement) in events { Output.print("  Achievement unlocked: \(achievement.title)") }
        let others = imported.courses.keys.filter { $0 != courseID }.sorted()
        if !others.isEmpty { Output.print("  Also merged: \(others.joined(separator: ", "))") }
    }
}

/// `crucible progress __stress FILE`: saves progress in a loop and prints each saved count,
/// for the crash and two-process tests. Hidden from help.
struct ProgressStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__stress", abstract: "Save progress in a loop (for tests).", shouldDisplay: false)

    @Argument var file: String

    @Option(help: "Saves to make; 0 means until killed.")
    var count = 0

    @Option(help: "The lesson id this process counts its saves in.")
    var lesson = "stress"

    @Option(help: "Lessons to pad the file with, so writes have a realistic size.")
    var padding = 50

    @Flag(help: "Print each save's latency in microseconds after its count (for scripts/bench-progress).")
    var timings = false

    func run() throws {
        do {
            let store = try ProgressStore(courseID: "stress", file: URL(fileURLWithPath: file))
            let lesson = lesson, padding = padding
            var saved = 0
            while count == 0 || saved < count {
                // xp and the lesson's attempts move together, so a torn write would show as a mismatch.
                let start = DispatchTime.now().uptimeNanoseconds
                let value = try store.update { (progress: inout CourseProgress) -> Int in
                    progress.xp += 1
                    progress[lesson: lesson].attempts += 1
                    progress[lesson: lesson].status = .attempted
                    for index in 0..<padding where progress.lessons["pad-\(index)"] == nil {
                        progress[lesson: "pad-\(index)"] = LessonProgress(status: .passed, attempts: 1, passedAt: Date())
                    }
                    return progress.xp
                }
                let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1_000
                saved += 1
                Output.say(timings ? "\(value) \(micros)" : "\(value)")
            }
        } catch let error as ProgressError {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
    }
}
