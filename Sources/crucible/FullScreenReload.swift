import CrucibleEngine
import CrucibleUI
import Foundation
import Synchronization

/// Live reload for authors: watches the course folder and, when a file changes, loads the
/// course again and hands the result to the app as ``Action/courseReloaded(_:diagnostics:)``.
///
/// The watcher reports on its own thread; the run loop collects on its own, between keys,
/// so the course is reloaded on the loop's thread and `update` stays the only state change.
final class CourseReload: Sendable {
    private let root: URL
    private let watcher: FileWatcher
    private let changed = ChangeFlag()

    /// How often the run loop wakes to look for changes while it waits for a key, in milliseconds.
    static let poll: Int32 = 250

    /// Starts watching `root`; nil (no live reload, nothing else lost) when it cannot be watched.
    init?(root: URL) {
        self.root = root
        watcher = FileWatcher(folders: [root])
        let changed = changed
        do {
            try watcher.start { _ in changed.raise() }
        } catch {
            return nil
        }
    }

    /// The reloaded course when files changed since the last call; nothing otherwise.
    func collect() -> [Action] {
        guard changed.take() else { return [] }
        let loaded = CourseLoader.load(from: root)
        // Without a usable course.yml there is nothing to show but the error: keep the old course.
        guard let course = loaded.course else {
            let errors = loaded.errors.prefix(3).map(\.description).joined(separator: "\n")
            return [.notice("The course file no longer loads, so the course on screen is the last good one:\n\(errors)")]
        }
        return [.courseReloaded(course, diagnostics: loaded.diagnostics)]
    }

    func stop() { watcher.stop() }
}

/// A flag the watcher's thread raises and the run loop takes down.
private final class ChangeFlag: Sendable {
    private let raised = Mutex(false)

    func raise() { raised.withLock { $0 = true } }

    /// Whether the flag was up; it is down afterwards.
    func take() -> Bool {
        raised.withLock { flag in
            defer { flag = false }
            return flag
        }
    }
}
