import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

extension CourseOptions {
    /// `--progress FILE`, else `$CRUCIBLE_PROGRESS`, else the file in the XDG state folder.
    func progressFile() -> URL { ProgressLocation.file(option: progress) }
}

/// The loaded course with its progress store and achievements: what every command that
/// reads or changes progress needs, opened the same way each time.
struct ProgressSession {
    let loaded: CourseLoadResult
    let course: Course
    let outline: CourseOutline
    let achievements: [Achievement]
    let store: ProgressStore

    /// Loads the course and opens its progress; notices about the file go to stderr.
    init(options: CourseOptions) throws {
        try self.init(options: options, loaded: try options.load())
    }

    /// Opens progress for a course the command has already loaded.
    init(options: CourseOptions, loaded: CourseLoadResult) throws {
        self.loaded = loaded
        guard let course = loaded.course else {
            throw CommandFailure(message: "the course has no usable course.yml, so there is no progress to keep; "
                                 + "`crucible lint` explains what is wrong")
        }
        self.course = course
        outline = CourseOutline(course)
        let file = AchievementsFile.load(courseRoot: course.root)
        for diagnostic in file.diagnostics { Output.error(diagnostic.description) }
        achievements = file.achievements
        do {
            store = try ProgressStore(courseID: course.id, file: options.progressFile())
        } catch {
            throw CommandFailure(message: error.description)
        }
        showNotices()
    }

    /// Prints what happened to the progress file (moved aside, recovered, migrated).
    func showNotices() {
        for notice in store.takeNotices() { Output.error("crucible: " + notice.message) }
    }

    /// Saves a change, turning a failure into a one-line message.
    @discardableResult
    func update<Result>(_ change: @escaping (inout CourseProgress) throws -> Result) throws -> Result {
        defer { showNotices() }
        do {
            return try store.update(change)
        } catch let error as ProgressError {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
    }

    /// Records a learner action through the game rules and returns the events to celebrate.
    func record(_ action: LearnerAction, now: Date = Date()) throws -> [GameEvent] {
        let outline = outline, achievements = achievements
        return try update { progress in
            GameRules.apply(action, to: &progress, outline: outline, achievements: achievements, now: now, calendar: .current)
        }
    }
}

/// Game events as short lines for the command line: "+30 XP (20, first try +10)", level-ups, achievements.
enum GameEventText {
    static func lines(_ events: [GameEvent]) -> [String] {
        events.compactMap { event in
            switch event {
            case .xpAwarded(_, let base, let bonuses):
                let total = event.xpTotal ?? base
                let parts = ["\(base)"] + bonuses.map { "\($0.bonus.label) +\($0.points)" }
                return bonuses.isEmpty ? "+\(total) XP" : "+\(total) XP (\(parts.joined(separator: ", ")))"
            case .levelUp(let level):
                return "Level up! You are now level \(level.number): \(level.name)"
            case .achievementUnlocked(let achievement):
                return "Achievement unlocked: \(achievement.title) — \(achievement.description)"
            case .streakExtended(let days):
                return days > 1 ? "Streak: \(days) days in a row" : nil
            case .lessonPassed, .streakBroken:
                return nil
            }
        }
    }
}
