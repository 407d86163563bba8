/// A lesson's status on the course map.
public enum LessonMark: Sendable, Equatable, CaseIterable {
    case notStarted, inProgress, passed
    /// Passed, but the lesson changed since; it stays passed.
    case updated
    case skipped
    /// Not passed, and it cannot be checked here: a tool its check runs is not installed or does
    /// not work, or the lesson's `platforms` leave this platform out.
    case needsTool

    /// The one-cell symbol drawn before the lesson.
    public var symbol: String {
        switch self {
        case .notStarted: "○"
        case .inProgress: "◐"
        case .passed: "✓"
        case .updated: "↻"
        case .skipped: "»"
        case .needsTool: "✗"
        }
    }

    /// The status in words, for the bottom bar.
    public var label: String {
        switch self {
        case .notStarted: "not started"
        case .inProgress: "in progress"
        case .passed: "passed"
        case .updated: "passed, changed since"
        case .skipped: "skipped"
        case .needsTool: "cannot be checked here"
        }
    }
}
