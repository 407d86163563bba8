import Foundation

/// Finds changes by listing the watched folders every interval and comparing
/// each file's size, times, inode and mode with the previous listing.
///
/// Slower to notice than inotify and costs a scan per interval, but works on
/// every file system, including network and FUSE mounts whose remote changes
/// raise no inotify events.
final class PollingSource: ChangeSource, @unchecked Sendable {
    /// What is compared between scans; folders keep only inode and mode because their
    /// times change whenever an entry does, which is reported for the entry itself.
    struct Stamp: Equatable {
        var inode: UInt64
        var mode: UInt32
        var size: Int64 = 0
        var modified: timespec = timespec()
        var statusChanged: timespec = timespec()

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.inode == b.inode && a.mode == b.mode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.statusChanged.tv_sec == b.statusChanged.tv_sec && a.statusChanged.tv_nsec == b.statusChanged.tv_nsec
        }
    }

    /// Scans stop after this many entries so a huge tree cannot stall the watcher.
    static let entryLimit = 20_000

    let descriptor: Int32 = -1
    private(set) var nextScan: ContinuousClock.Instant
    private let roots: [String]
    private let filter: WatchFilter
    private let interval: Duration
    private var snapshot: [String: Stamp] = [:]
    private var missingRoots: Set<String> = []

    /// Takes the first snapshot; fails if a folder is missing.
    init(roots: [String], filter: WatchFilter, interval: Duration) throws(FileWatcherError) {
        self.roots = roots
        self.filter = filter
        self.interval = interval
        for root in roots where FolderScan.folderIdentity(root) == nil {
            throw FileWatcherError("cannot watch \(root): no such folder")
        }
        snapshot = Self.scan(roots: roots, filter: filter)
        nextScan = .now + interval
    }

    func collect(into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant) {
        guard now >= nextScan else { return }
        let current = Self.scan(roots: roots, filter: filter)
        for (path, stamp) in current where snapshot[path] != stamp { debouncer.changed(path, at: now) }
        for path in snapshot.keys where current[path] == nil { debouncer.changed(path, at: now) }
        for root in roots {
            let exists = FolderScan.folderIdentity(root) != nil
            if !exists && !missingRoots.contains(root) {
                missingRoots.insert(root)
                debouncer.folderRemoved(root, at: now)
            } else if exists && missingRoots.contains(root) {
                missingRoots.remove(root)
                debouncer.folderRestored(root, at: now)
            }
        }
        snapshot = current
        nextScan = now + interval
    }

    func close() {}

    /// Stamps of every entry under `roots`, keyed by absolute path; roots themselves are left out.
    static func scan(roots: [String], filter: WatchFilter) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var folders = roots
        while let folder = folders.popLast(), stamps.count < entryLimit {
            for entry in FolderScan.entries(of: folder) {
                if entry.isFolder ? filter.ignoresFolder(entry.name) : filter.ignoresFile(entry.name) { continue }
                let path = folder + "/" + entry.name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }  // deleted since the listing
                if info.st_mode & S_IFMT == S_IFDIR {
                    stamps[path] = Stamp(inode: UInt64(info.st_ino), mode: info.st_mode)
                    folders.append(path)
                } else {
                    stamps[path] = Stamp(
                        inode: UInt64(info.st_ino), mode: info.st_mode, size: Int64(info.st_size),
                        modified: info.st_mtim, statusChanged: info.st_ctim)
                }
            }
        }
        return stamps
    }
}
