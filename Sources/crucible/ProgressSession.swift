import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

extension CourseOptions {
    /// `--progress FILE`, else `$CRUCIBLE_PROGRESS`, else the file in the XDG state folder.
    func progressFile() -> URL { ProgressLocation.file(option: progress) }
}

/// The command line's view of the runtime's progress session: opened from the course options,
/// with notices printed to stderr and errors turned into one-line ``CommandFailure``s.
struct ProgressSession: Sendable {
    let loaded: CourseLoadResult
    let session: CrucibleRuntime.ProgressSession
    /// The command line always has a file (a session that cannot open one fails instead).
    let store: ProgressStore

    var course: Course { session.course }
    var outline: CourseOutline { session.outline }
    var achievements: [Achievement] { session.achievements }

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
        do {
            session = try CrucibleRuntime.ProgressSession(course: course, file: options.progressFile())
        } catch {
            throw CommandFailure(message: error.description)
        }
        store = session.store!
        for diagnostic in session.loadAchievements() { Output.error(diagnostic.description) }
        showNotices()
    }

    /// Prints what happened to the progress file (moved aside, recovered, migrated).
    func showNotices() {
        for notice in session.takeNotices() { Output.error("crucible: " + notice.message) }
    }

    /// Saves a change, turning a failure into a one-line message.
    @discardableResult
    func update<Result>(_ change: @escaping (inout CourseProgress) throws -> Result) throws -> Result {
        defer { showNotices() }
        return try failingAsCommand { try session.update(change) }
    }

    /// Records a learner action through the game rules and returns the events to celebrate.
    func record(_ action: LearnerAction, now: Date = Date()) throws -> [GameEvent] {
        defer { showNotices() }
        return try failingAsCommand { try session.record(action, now: now) }
    }

    private func failingAsCommand<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as ProgressError {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
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
