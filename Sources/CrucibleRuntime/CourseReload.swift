import CrucibleEngine
import CrucibleUI
import Foundation
import Synchronization

/// Live reload for authors: watches the course folder and, when a file changes, loads the
/// course again and hands the result to the app as ``Action/courseReloaded(_:diagnostics:)``.
///
/// The course is loaded on the watcher's own thread (a large course takes a good part of a
/// second), so keys keep being answered meanwhile; the run loop only collects the result
/// between keys, and `update` stays the only thing that changes the state.
final class CourseReload: Sendable {
    private let root: URL
    private let watcher: FileWatcher
    private let latest = LatestReload()

    /// How often the run loop wakes to look for a reloaded course while it waits for a key, in milliseconds.
    static let poll: Int32 = 250

    init(root: URL) {
        self.root = root
        watcher = FileWatcher(folders: [root])
    }

    /// Starts watching the course folder; false (no live reload, nothing else lost) when it cannot be watched.
    func startWatching() -> Bool {
        let latest = latest, root = root
        do {
            try watcher.start { _ in latest.put(Self.reload(root)) }
            return true
        } catch {
            return false
        }
    }

    /// Loads the course now, on the calling thread, as a change to its files would.
    func reloadNow() {
        latest.put(Self.reload(root))
    }

    /// The course loaded again, or a notice when its course file no longer loads.
    private static func reload(_ root: URL) -> Action {
        action(for: CourseLoader.load(from: root))
    }

    /// What a new load of the course means for the app: the course, or a notice.
    static func action(for loaded: CourseLoadResult) -> Action {
        // Without a usable course.yml there is nothing to show but the error: keep the old course.
        guard let course = loaded.course else {
            let errors = loaded.errors.prefix(3).map(\.description).joined(separator: "\n")
            return .notice("The course file no longer loads, so the course on screen is the last good one:\n\(errors)")
        }
        return .courseReloaded(course, diagnostics: loaded.diagnostics)
    }

    /// The newest reload since the last call; an older one it replaced is of no use any more.
    func collect() -> [Action] {
        latest.take().map { [$0] } ?? []
    }

    func stop() { watcher.stop() }
}

/// The newest reload, put by the watcher's thread and taken by the run loop.
private final class LatestReload: Sendable {
    private let action = Mutex<Action?>(nil)

    func put(_ reload: Action) { action.withLock { $0 = reload } }

    func take() -> Action? {
        action.withLock { current in
            defer { current = nil }
            return current
        }
    }
}
