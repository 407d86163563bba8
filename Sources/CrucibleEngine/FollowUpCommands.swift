import Foundation

/// The `crucible …` commands a run prints for the learner to run next ("full output: crucible
/// check ID --verbose", "Stuck? crucible hint ID"), built in one place so each works when
/// copied as printed: it names the course when it is not the one found by default, and the
/// workspace and progress file when they were given on the command line.
public struct FollowUpCommands: Sendable, Equatable {
    /// The options every printed command ends with, each word already quoted for the shell.
    public let options: [String]

    /// Commands for the default course, workspace and progress file: no options.
    public static let plain = FollowUpCommands()

    /// Each path is absolute (a relative one would break once the learner changes folder, say
    /// into the workspace to edit) or nil when the command should not name it.
    public init(lessons: String? = nil, workspace: String? = nil, progress: String? = nil) {
        options = [("--lessons", lessons), ("--workspace", workspace), ("--progress", progress)].flatMap { name, value in
            value.map { [name, Self.shellQuoted($0)] } ?? []
        }
    }

    /// `crucible WORD …` followed by the options; `words` (a subcommand, a lesson id, flags) are quoted for the shell.
    public func command(_ words: String...) -> String { command(words) }

    public func command(_ words: [String]) -> String {
        (["crucible"] + words.map(Self.shellQuoted) + options).joined(separator: " ")
    }

    /// `word` as a POSIX shell reads it back: unchanged when it holds only characters the shell
    /// takes literally, else in single quotes (a single quote inside becomes `'\''`).
    public static func shellQuoted(_ word: String) -> String {
        let literal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        if !word.isEmpty, word.allSatisfy(literal.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
