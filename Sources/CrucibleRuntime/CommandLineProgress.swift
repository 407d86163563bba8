import CrucibleEngine
import Foundation

/// The command line's view of the runtime's progress session: opened for a loaded course,
/// with notices printed to stderr and errors turned into one-line ``CommandFailure``s.
public struct CommandLineProgress: Sendable {
    public let loaded: CourseLoadResult
    public let session: ProgressSession
    /// The command line always has a file (a session that cannot open one fails instead).
    public let store: ProgressStore

    public var course: Course { session.course }
    public var outline: CourseOutline { session.outline }
    public var achievements: [Achievement] { session.achievements }

    /// Opens progress for a loaded course in `file`; notices about the file go to stderr.
    public init(loaded: CourseLoadResult, file: URL) throws {
        self.loaded = loaded
        guard let course = loaded.course else {
            throw CommandFailure(
                message: "the course has no usable course.yml, so there is no progress to keep; "
                    + "`crucible lint` explains what is wrong")
        }
        do {
            session = try ProgressSession(course: course, file: file)
        } catch {
            throw CommandFailure(message: error.description)
        }
        store = session.store!
        for diagnostic in session.loadAchievements() { Output.error(diagnostic.description) }
        showNotices()
    }

    /// Prints what happened to the progress file (moved aside, recovered, migrated).
    public func showNotices() {
        for notice in session.takeNotices() { Output.error("crucible: " + notice.message) }
    }

    /// Saves a change, turning a failure into a one-line message.
    @discardableResult
    public func update<Result>(_ change: @escaping (inout CourseProgress) throws -> Result) throws -> Result {
        defer { showNotices() }
        return try failingAsCommand { try session.update(change) }
    }

    /// Records a learner action through the game rules and returns the events to celebrate.
    public func record(_ action: LearnerAction, now: Date = Date()) throws -> [GameEvent] {
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
