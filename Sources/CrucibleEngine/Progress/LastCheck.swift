import Foundation

/// Where a check was run, so a lesson screen can say where its last result came from.
public enum CheckOrigin: String, Codable, Sendable, Equatable {
    /// `crucible check`.
    case commandLine
    /// `crucible watch`.
    case watch
    /// The full-screen course.
    case fullScreen

    /// "from the command line", for "Last check: ✗ failed (compile error) · from the command line, today at 09:12".
    public var label: String {
        switch self {
        case .commandLine: "from the command line"
        case .watch: "from crucible watch"
        case .fullScreen: "in the full-screen course"
        }
    }
}

/// A check result in one line, small enough to keep in the progress file: enough to tell the
/// learner how their last attempt went after the full result is gone.
public struct CheckSummary: Codable, Sendable, Equatable {
    public var passed: Bool
    /// ``CheckResult/outcomeLabel``, such as "failed (compile error)".
    public var outcome: String
    /// The reason on one line: the compiler's first error, the sanitizer's finding, or the result's message.
    public var reason: String
    public var origin: CheckOrigin

    /// Longest reason kept; the full result is one `crucible check` away.
    public static let reasonLimit = 160

    public init(passed: Bool, outcome: String, reason: String, origin: CheckOrigin) {
        self.passed = passed
        self.outcome = outcome
        self.reason = reason
        self.origin = origin
    }

    /// The summary of `result`, run `origin`.
    public init(_ result: CheckResult, origin: CheckOrigin) {
        // The reason the result presentation leads with: the compiler's first error or the
        // finding when the verdict is one, else the message.
        let reason =
            switch result.verdict {
            case .compileError(let error?): error.text
            case .finding(let finding?): finding.summary
            default: result.message
            }
        let firstLine = reason.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        self.init(
            passed: result.passed, outcome: result.outcomeLabel,
            reason: trimmed.count > Self.reasonLimit ? String(trimmed.prefix(Self.reasonLimit - 1)) + "…" : trimmed,
            origin: origin)
    }
}

/// The latest check of a lesson as the progress file keeps it: the summary and when it ran.
public struct LastCheck: Codable, Sendable, Equatable {
    public var summary: CheckSummary
    public var at: Date

    public init(_ summary: CheckSummary, at: Date) {
        self.summary = summary
        self.at = at
    }
}
