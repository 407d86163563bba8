import Foundation

/// One debounced batch of changes under the folders a ``FileWatcher`` watches.
///
/// A burst of events (an editor writing a temporary file and renaming it over
/// the original, say) arrives as one batch once the folders have been quiet
/// for the watcher's quiet period.
public struct FileChanges: Sendable, Equatable {
    /// Files and folders that were written, created, renamed or deleted: absolute paths, sorted, no duplicates.
    public var paths: [String]
    /// Watched folders that were removed (or renamed away) and are still gone.
    public var missingFolders: [String]
    /// Watched folders that were missing and exist again; they are watched again.
    public var restoredFolders: [String]

    public init(paths: [String] = [], missingFolders: [String] = [], restoredFolders: [String] = []) {
        self.paths = paths
        self.missingFolders = missingFolders
        self.restoredFolders = restoredFolders
    }

    /// Whether the batch reports nothing.
    public var isEmpty: Bool { paths.isEmpty && missingFolders.isEmpty && restoredFolders.isEmpty }
}

/// How a ``FileWatcher`` learns about changes.
public enum FileWatchMode: String, Sendable, Equatable, CaseIterable {
    /// inotify where it works, polling where it does not (no inotify, watch limit
    /// reached, or a network or FUSE file system whose remote changes inotify misses).
    case automatic
    /// inotify only; starting fails if it is unavailable.
    case inotify
    /// Compare file sizes and modification times every poll interval.
    case polling
}

/// Why a ``FileWatcher`` could not start.
public struct FileWatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
