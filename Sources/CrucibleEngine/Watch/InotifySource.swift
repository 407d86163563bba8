import Foundation

/// Reports changes through Linux inotify, watching every folder of the tree.
///
/// Folders are watched rather than files because editors save by writing a
/// temporary file and renaming it over the original: a watch on the original
/// file would follow the old inode and miss every save after the first.
final class InotifySource: ChangeSource, @unchecked Sendable {
    /// Events that mean something in a folder changed, plus the folder itself going away.
    private static let folderEvents =
        UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM) | UInt32(IN_ATTRIB)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)
    /// Size of `struct inotify_event` before its name.
    private static let eventHeaderSize = 16
    /// At most this many folders are watched, so a huge tree cannot exhaust the
    /// user's inotify watches (the default limit on older systems is 8,192).
    static let folderLimit = 2_000

    let descriptor: Int32
    private(set) var nextScan: ContinuousClock.Instant
    private let roots: [String]
    private let filter: WatchFilter
    /// How often the roots are checked: a root whose parent is renamed raises no event of its own.
    private let rootCheckInterval: Duration
    private var folderOfWatch: [Int32: String] = [:]
    private var identityOfRoot: [String: FolderIdentity] = [:]
    private var missingRoots: Set<String> = []
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Opens an inotify instance and watches every folder under `roots`.
    init(roots: [String], filter: WatchFilter, rootCheckInterval: Duration) throws(FileWatcherError) {
        self.roots = roots
        self.filter = filter
        self.rootCheckInterval = rootCheckInterval
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw FileWatcherError("inotify is unavailable: \(String(cString: strerror(errno)))")
        }
        nextScan = .now + rootCheckInterval
        for root in roots {
            guard let identity = FolderScan.folderIdentity(root) else {
                Glibc.close(descriptor)
                throw FileWatcherError("cannot watch \(root): no such folder")
            }
            identityOfRoot[root] = identity
            if let failure = watchTree(root, isRoot: true).failure {
                Glibc.close(descriptor)
                throw failure
            }
        }
    }

    func collect(into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant) {
        readEvents(into: &debouncer, now: now)
        if now >= nextScan {
            checkRoots(into: &debouncer, now: now)
            nextScan = now + rootCheckInterval
        }
    }

    func close() {
        Glibc.close(descriptor)
    }

    // MARK: Events

    private func readEvents(into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }  // EAGAIN: drained
            var events: [(watch: Int32, mask: UInt32, name: String)] = []
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + Self.eventHeaderSize <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + Self.eventHeaderSize)..<min(count, offset + Self.eventHeaderSize + nameLength)]
                    // The name is NUL-padded to align the next event.
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    events.append((watch, mask, name))
                    offset += Self.eventHeaderSize + nameLength
                }
            }
            for event in events { handle(event.watch, event.mask, event.name, into: &debouncer, now: now) }
        }
    }

    private func handle(
        _ watch: Int32, _ mask: UInt32, _ name: String,
        into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant
    ) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say every present root changed so the consumer re-reads it all.
            for root in roots where !missingRoots.contains(root) { debouncer.changed(root, at: now) }
            return
        }
        guard let folder = folderOfWatch[watch] else { return }  // a watch removed earlier
        if mask & UInt32(IN_IGNORED) != 0 {
            folderOfWatch[watch] = nil
            if identityOfRoot[folder] != nil, !missingRoots.contains(folder) { rootWentAway(folder, into: &debouncer, now: now) }
            return
        }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            // A subfolder's removal is reported by its parent; only roots need handling here.
            if identityOfRoot[folder] != nil, !missingRoots.contains(folder) { rootWentAway(folder, into: &debouncer, now: now) }
            return
        }
        guard !name.isEmpty else { return }
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder ? filter.ignoresFolder(name) : filter.ignoresFile(name) { return }
        let path = folder + "/" + name
        if isFolder && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            for file in watchTree(path, isRoot: false).files { debouncer.changed(file, at: now) }
        } else if isFolder && mask & UInt32(IN_MOVED_FROM) != 0 {
            unwatchTree(path)
        }
        debouncer.changed(path, at: now)
    }

    // MARK: Roots

    /// Notices roots that vanished, were replaced, or came back.
    private func checkRoots(into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant) {
        for root in roots {
            let identity = FolderScan.folderIdentity(root)
            if !missingRoots.contains(root), identity != identityOfRoot[root] {
                rootWentAway(root, into: &debouncer, now: now)
            }
            if missingRoots.contains(root), let identity {
                identityOfRoot[root] = identity
                missingRoots.remove(root)
                for file in watchTree(root, isRoot: true).files { debouncer.changed(file, at: now) }
                debouncer.folderRestored(root, at: now)
            }
        }
    }

    private func rootWentAway(_ root: String, into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant) {
        missingRoots.insert(root)
        unwatchTree(root)
        debouncer.folderRemoved(root, at: now)
    }

    // MARK: Watches

    /// Watches `top` and the folders under it, returning the files found there (they may
    /// have been written before the watch existed) or why a root could not be watched.
    private func watchTree(_ top: String, isRoot: Bool) -> (files: [String], failure: FileWatcherError?) {
        var files: [String] = []
        var folders = [top]
        while let folder = folders.popLast(), folderOfWatch.count < Self.folderLimit {
            let mask = Self.folderEvents | (folder == top && isRoot ? 0 : UInt32(IN_DONT_FOLLOW))
            let watch = inotify_add_watch(descriptor, folder, mask)
            if watch < 0 {
                // A subfolder may vanish between listing and watching; only a root's failure matters.
                if folder == top && isRoot {
                    return (files, FileWatcherError("cannot watch \(folder): \(String(cString: strerror(errno)))"))
                }
                continue
            }
            folderOfWatch[watch] = folder
            for entry in FolderScan.entries(of: folder) {
                if entry.isFolder {
                    if !filter.ignoresFolder(entry.name) { folders.append(folder + "/" + entry.name) }
                } else if !filter.ignoresFile(entry.name) {
                    files.append(folder + "/" + entry.name)
                }
            }
        }
        return (files, nil)
    }

    private func unwatchTree(_ top: String) {
        for (watch, folder) in folderOfWatch where folder == top || folder.hasPrefix(top + "/") {
            inotify_rm_watch(descriptor, watch)
            folderOfWatch[watch] = nil
        }
    }
}
