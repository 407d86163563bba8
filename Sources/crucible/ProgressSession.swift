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
