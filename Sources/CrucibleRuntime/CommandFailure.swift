/// A failure the command explains itself, in one sentence, with its exit status.
///
/// Unlike `ValidationError`, it prints no usage text: "no lesson has the id
/// `x`" is not helped by a synopsis of the command.
public struct CommandFailure: Error, CustomStringConvertible {
    public var message: String
    public var status: Int32

    public init(message: String, status: Int32 = ExitStatus.usage) {
        self.message = message
        self.status = status
    }

    /// The sentence itself, so a failure put into another message never shows as Swift debug text.
    public var description: String { message }
}

/// The process exit codes every subcommand shares.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// Lint found errors, a check did not pass.
    public static let problems: Int32 = 1
    /// A bad argument, an unknown id, or a course that cannot be read.
    public static let usage: Int32 = 2
}
