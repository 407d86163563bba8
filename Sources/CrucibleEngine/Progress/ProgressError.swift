import Foundation

/// Why progress could not be opened or saved. Each case's description says what happened,
/// to which file, and that the progress already saved is unchanged.
public enum ProgressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file was written by a newer Crucible; it is left untouched.
    case newerSchema(file: String, version: Int)
    /// Saving failed; the file on disk still holds the previous state.
    case cannotSave(file: String, reason: String)
    /// Another process held the lock for too long.
    case locked(lockFile: String, seconds: Double)
    /// A file given to import cannot be used.
    case cannotImport(file: String, reason: String)
    /// The progress file cannot be used at all (a folder, or over the size limit); it is left untouched.
    case unusable(file: String, reason: String)

    public var description: String {
        switch self {
        case .newerSchema(let file, let version):
            return """
                \(file) was written by a newer version of Crucible (progress schema \(version); this one reads up to \
                \(ProgressCoding.currentSchemaVersion)). It is left untouched: update Crucible, or pass --progress \
                with another file.
                """
        case .cannotSave(let file, let reason):
            return "cannot save progress to \(file): \(reason). The progress saved before is unchanged."
        case .locked(let lockFile, let seconds):
            return """
                another Crucible process has been saving progress for \(Int(seconds)) s and still holds \(lockFile); \
                close the other one and try again. Nothing was changed.
                """
        case .cannotImport(let file, let reason):
            return "cannot import \(file): \(reason). Your progress is unchanged."
        case .unusable(let file, let reason):
            return """
                cannot use the progress file \(file): \(reason). It is left untouched: move it elsewhere (Crucible then \
                starts a new file), or pass --progress with another file.
                """
        }
    }
}

/// Something the learner should be told about their progress file, though the course goes on.
public struct ProgressNotice: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }
}
