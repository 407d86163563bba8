import Foundation
import Glibc

/// The learner's progress in one course, backed by the progress file.
///
/// Every ``update(_:)`` takes an exclusive lock on `FILE.lock`, re-reads the file, applies
/// the change to what is on disk *now*, and saves atomically (see ``AtomicFile``), so two
/// Crucible processes never lose each other's updates: their changes are serialised.
/// The previous good file is kept as `FILE.bak`. A file that cannot be read is never
/// overwritten: it is renamed to `FILE.corrupt-<UTC time>` and the store continues from
/// the backup when that is good, else from empty, with a ``ProgressNotice`` saying so.
/// A file that must not be touched at all (a folder, one over ``ProgressFileLimits/maximumSize``,
/// one from a newer schema) is refused with a ``ProgressError`` that names it and the way out.
/// Keys of the file this build does not know are written back by every save.
///
/// A change that cannot be saved (full disk, unwritable folder) still shows in ``current``
/// and is applied again, on top of whatever is on disk then, by the next update that saves.
///
/// Thread-safe. The first store opened ignores `SIGXFSZ` for the process, so a file size
/// limit makes a write fail with `EFBIG` instead of killing Crucible (child processes
/// started through CProcessSpawn get default signal handling back).
public final class ProgressStore: @unchecked Sendable {
    /// The progress file.
    public let file: URL
    /// The course whose progress this store reads and changes; other courses in the file are kept as they are.
    public let courseID: String
    /// The last good file, replaced before every save.
    public var backupFile: URL { URL(fileURLWithPath: file.path + ".bak") }
    /// The file `flock`ed while saving.
    public var lockFile: URL { URL(fileURLWithPath: file.path + ".lock") }

    private let lock = NSLock()
    private var saved: SavedProgress
    /// Keys the file had that this build does not know; every save puts them back.
    private var savedUnknownKeys = ProgressUnknownKeys.none
    /// The file as this store last read or wrote it; while it is unchanged, ``saved`` is what it holds.
    private var savedIdentity: SavedFileVersion?
    /// Whether temporary files left by killed writers were looked for (see `updateFile`).
    private var leftoversRemoved = false
    private var pending: [(inout CourseProgress) throws -> Void] = []
    private var unreadNotices: [ProgressNotice]
    private let lockTimeout: TimeInterval
    private let migrations: [ProgressMigration]

    /// Opens the progress of `courseID` in `file` (which need not exist yet).
    ///
    /// - Parameters:
    ///   - lockTimeout: how long an update waits for another process's save before failing.
    ///   - migrations: steps from older schemas (tests pass their own).
    /// - Throws: ``ProgressError/newerSchema(file:version:)`` when a newer Crucible wrote the file.
    public init(
        courseID: String, file: URL, lockTimeout: TimeInterval = 10,
        migrations: [ProgressMigration] = ProgressMigration.all
    ) throws(ProgressError) {
        self.file = file.standardizedFileURL
        self.courseID = courseID
        self.lockTimeout = lockTimeout
        self.migrations = migrations
        _ = ignoreFileSizeSignal
        var notices: [ProgressNotice] = []
        // Stamped before reading: a save by another process in between only costs one more read.
        let version = SavedFileVersion(self.file)
        switch Self.decodeFile(self.file, migrations: migrations) {
        case .missing: saved = SavedProgress()
        case .good(let decoded):
            saved = decoded.progress
            savedUnknownKeys = decoded.unknownKeys
            // Without it the first `reloadIfChanged` (the full screen's first key) read the whole file again.
            // A file of an older schema is read again by the first save, which keeps the original.
            if decoded.migratedFrom == nil { savedIdentity = version }
            let path = self.file.path
            notices += decoded.clamped.map { ProgressNotice("progress file \(path): \($0)") }
        case .newer(let version): throw .newerSchema(file: self.file.path, version: version)
        case .unusable(let reason): throw .unusable(file: self.file.path, reason: reason)
        case .bad:
            // Recovery renames files, so it happens under the lock; in a folder where the lock
            // file cannot be made, renaming fails too, and the notice says so.
            let held = try? FileLock(URL(fileURLWithPath: self.file.path + ".lock"), timeout: lockTimeout)
            let read = try Self.readLocked(self.file, migrations: migrations, notices: &notices)
            saved = read.progress
            savedUnknownKeys = read.unknownKeys
            withExtendedLifetime(held) {}
        }
        unreadNotices = notices
    }

    /// The course's progress, including a change whose save failed.
    public var current: CourseProgress {
        lock.withLock {
            var course = saved[course: courseID]
            for change in pending { try? change(&course) }
            return course
        }
    }

    /// The whole file as last read or saved (every course).
    public var all: SavedProgress { lock.withLock { saved } }

    /// Keys the file had that this build does not know, for writers other than ``update(_:)`` (export).
    var unknownKeys: ProgressUnknownKeys { lock.withLock { savedUnknownKeys } }

    /// Whether a change is waiting for a save that failed.
    public var hasUnsavedChanges: Bool { lock.withLock { !pending.isEmpty } }

    /// Messages about the file (moved aside, recovered, migrated) not yet shown; reading clears them.
    public func takeNotices() -> [ProgressNotice] {
        lock.withLock {
            defer { unreadNotices = [] }
            return unreadNotices
        }
    }

    /// Locks the file, re-reads it, applies `change` to this course's progress, saves
    /// atomically and returns what `change` returned (the game's events, typically).
    ///
    /// When `change` throws, nothing is saved. When saving fails (full disk, unwritable folder,
    /// lock held too long), the change is kept (it shows in ``current`` and is saved with the
    /// next update) and the error says why.
    @discardableResult
    public func update<Result>(_ change: @escaping (inout CourseProgress) throws -> Result) throws -> Result {
        var result: Result?
        try updateFile { progress, courseID in
            var course = progress[course: courseID]
            result = try change(&course)
            progress[course: courseID] = course
        } keepIfUnsaved: { course in
            _ = try change(&course)
        }
        return result!
    }

    /// Like ``update(_:)`` for the whole file (every course), as import needs.
    /// A change that cannot be saved is not kept.
    public func updateAll<Result>(_ change: (inout SavedProgress) throws -> Result) throws -> Result {
        var result: Result?
        try withoutActuallyEscaping(change) { change in
            try updateFile({ progress, _ in result = try change(&progress) }, keepIfUnsaved: nil)
        }
        return result!
    }

    /// Re-reads the file, to see what another process saved.
    public func reload() throws(ProgressError) {
        var notices: [ProgressNotice] = []
        let held = try? FileLock(lockFile, timeout: lockTimeout)
        let version = SavedFileVersion(file)
        let read = try Self.readLocked(file, migrations: migrations, notices: &notices)
        withExtendedLifetime(held) {}
        lock.withLock {
            saved = read.progress
            savedUnknownKeys = read.unknownKeys
            savedIdentity = read.fileWasGood ? version : nil
            unreadNotices += notices
        }
    }

    /// Re-reads the file only when it changed since this store last read or wrote it (one
    /// `stat`), so a full-screen UI can call it on every tick to show what `crucible check`
    /// saved from another terminal. Returns whether it re-read.
    @discardableResult
    public func reloadIfChanged() throws(ProgressError) -> Bool {
        let version = SavedFileVersion(file)
        guard lock.withLock({ version != savedIdentity }) else { return false }
        try reload()
        return true
    }

    private func updateFile(
        _ change: (inout SavedProgress, String) throws -> Void,
        keepIfUnsaved: ((inout CourseProgress) throws -> Void)?
    ) throws {
        lock.lock()
        defer { lock.unlock() }
        var notices: [ProgressNotice] = []
        defer { unreadNotices += notices }
        do {
            do {
                try AtomicFile.createFolder(file.deletingLastPathComponent())
            } catch {
                throw ProgressError.cannotSave(file: file.path, reason: error.reason)
            }
            let held = try FileLock(lockFile, timeout: lockTimeout)
            defer { withExtendedLifetime(held) {} }
            // Every writer of this file holds the lock, so a temporary file found now was left by a
            // killed one. Once per store: listing the folder on every save cost 15 % of a small save.
            if !leftoversRemoved {
                AtomicFile.removeLeftoverTemporaries(of: file.path)
                leftoversRemoved = true
            }
            // Unchanged since this store last read or wrote it: skip reading and decoding it again.
            let identity = SavedFileVersion(file)
            let read =
                identity != nil && identity == savedIdentity
                ? ReadResult(progress: saved, fileWasGood: true, unknownKeys: savedUnknownKeys)
                : try Self.readLocked(file, migrations: migrations, notices: &notices)
            if read.unreadableLeftInPlace {
                throw ProgressError.cannotSave(
                    file: file.path, reason: "the unreadable file could not be moved aside, and it is never overwritten")
            }
            var progress = read.progress
            var course = progress[course: courseID]
            for earlier in pending { try? earlier(&course) }
            progress[course: courseID] = course
            try change(&progress, courseID)
            progress.schemaVersion = ProgressCoding.currentSchemaVersion
            let data = try ProgressCoding.encode(progress, keeping: read.unknownKeys)
            do {
                try AtomicFile.write(data, to: file, backup: read.fileWasGood ? backupFile : nil)
            } catch {
                throw ProgressError.cannotSave(file: file.path, reason: error.reason)
            }
            // Dates are stored to the second; the sub-second part kept here is harmless.
            saved = progress
            savedUnknownKeys = read.unknownKeys
            savedIdentity = SavedFileVersion(file)
            pending = []
        } catch let error as ProgressError {
            // A full disk, a busy lock or a folder in the file's place passes; a newer file's schema does
            // not, so that change is dropped.
            switch error {
            case .cannotSave, .locked, .unusable: if let keepIfUnsaved { pending.append(keepIfUnsaved) }
            case .newerSchema, .cannotImport: break
            }
            throw error
        }
    }

    // MARK: Reading

    private enum FileState {
        case missing
        case good(ProgressCoding.Decoded)
        case newer(Int)
        /// Not read, and never moved or overwritten: a folder, or a file over the size limit.
        case unusable(String)
        /// Unreadable as progress: set aside and recovered from.
        case bad(String)
    }

    private static func decodeFile(_ url: URL, migrations: [ProgressMigration]) -> FileState {
        let data: Data
        switch AtomicFile.read(url, limit: ProgressFileLimits.maximumSize) {
        case .missing: return .missing
        case .folder: return .unusable("it is a folder, not a file")
        case .tooLarge(let size): return .unusable(ProgressFileLimits.tooLargeReason(size))
        case .failed(let reason): return .bad(reason)
        case .bytes(let bytes): data = bytes
        }
        do {
            return .good(try ProgressCoding.decode(data, migrations: migrations))
        } catch ProgressDecodingFailure.newerSchema(let version) {
            return .newer(version)
        } catch ProgressDecodingFailure.unreadable(let reason) {
            return .bad(reason)
        } catch {
            return .bad("\(error)")
        }
    }

    private struct ReadResult {
        var progress: SavedProgress
        /// The file parsed, so it may become the backup.
        var fileWasGood: Bool
        /// The file is unreadable and could not be renamed: it must not be overwritten.
        var unreadableLeftInPlace = false
        var unknownKeys = ProgressUnknownKeys.none
    }

    /// Reads the file while holding the lock, recovering from an unreadable one.
    private static func readLocked(
        _ url: URL, migrations: [ProgressMigration],
        notices: inout [ProgressNotice]
    ) throws(ProgressError) -> ReadResult {
        switch decodeFile(url, migrations: migrations) {
        case .missing:
            return ReadResult(progress: SavedProgress(), fileWasGood: false)
        case .newer(let version):
            throw .newerSchema(file: url.path, version: version)
        case .unusable(let reason):
            throw .unusable(file: url.path, reason: reason)
        case .good(let decoded):
            if let migratedFrom = decoded.migratedFrom { keepOriginal(of: url, schema: migratedFrom, notices: &notices) }
            notices += decoded.clamped.map { ProgressNotice("progress file \(url.path): \($0)") }
            return ReadResult(progress: decoded.progress, fileWasGood: true, unknownKeys: decoded.unknownKeys)
        case .bad(let reason):
            return recover(url, reason: reason, migrations: migrations, notices: &notices)
        }
    }

    /// Moves an unreadable file aside and continues from the backup if it is good, else from empty.
    private static func recover(
        _ url: URL, reason: String, migrations: [ProgressMigration],
        notices: inout [ProgressNotice]
    ) -> ReadResult {
        let backup = URL(fileURLWithPath: url.path + ".bak")
        var progress = SavedProgress(), from = "from empty progress"
        var unknownKeys = ProgressUnknownKeys.none
        if case .good(let saved) = decodeFile(backup, migrations: migrations) {
            progress = saved.progress
            unknownKeys = saved.unknownKeys
            from = "from the backup \(backup.path)"
        }
        guard let aside = moveAside(url) else {
            notices.append(
                ProgressNotice(
                    """
                    progress file \(url.path) cannot be read (\(reason)) and could not be moved aside; it is left as it \
                    is and nothing will be saved until it is fixed or moved. Continuing \(from) for now.
                    """))
            return ReadResult(progress: progress, fileWasGood: false, unreadableLeftInPlace: true, unknownKeys: unknownKeys)
        }
        notices.append(
            ProgressNotice(
                """
                progress file \(url.path) could not be read (\(reason)); it was moved to \(aside.path) and the course \
                continues \(from).
                """))
        // Put the recovered state back in place at once, so the next launch finds it even if nothing is saved.
        if from != "from empty progress", let data = try? ProgressCoding.encode(progress, keeping: unknownKeys) {
            try? AtomicFile.write(data, to: url)
        }
        return ReadResult(progress: progress, fileWasGood: false, unknownKeys: unknownKeys)
    }

    /// Renames `url` to `url.corrupt-YYYYMMDDTHHMMSSZ` (with `-2`, `-3`… when taken).
    static func moveAside(_ url: URL) -> URL? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = url.path + ".corrupt-" + formatter.string(from: Date())
        // Never onto an existing name, link or not: a name taken (even by a planted link) is skipped.
        for suffix in [""] + (2...99).map({ "-\($0)" }) {
            guard AtomicFile.moveWithoutReplacing(url.path, to: base + suffix) else {
                if errno == EEXIST { continue }
                return nil
            }
            try? AtomicFile.syncFolder(of: url.path)
            return URL(fileURLWithPath: base + suffix)
        }
        return nil
    }

    /// Before the first save in the new schema, keeps the old file as `FILE.schema-N` for a downgrade.
    private static func keepOriginal(of url: URL, schema: Int, notices: inout [ProgressNotice]) {
        let copy = URL(fileURLWithPath: url.path + ".schema-\(schema)")
        guard access(copy.path, F_OK) != 0,
            case .bytes(let data) = AtomicFile.read(url, limit: ProgressFileLimits.maximumSize)
        else { return }
        try? AtomicFile.write(data, to: copy)
        notices.append(
            ProgressNotice(
                "progress file \(url.path) used schema \(schema) and was updated to \(ProgressCoding.currentSchemaVersion); the original is kept as \(copy.path)."
            ))
    }
}

/// What identifies one version of a file without reading it: device, inode, size and
/// modification time. A save renames a new inode into place, so any save changes it.
private struct SavedFileVersion: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int

    init?(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

/// Ignores `SIGXFSZ` once per process (see ``ProgressStore``).
private let ignoreFileSizeSignal: Void = { signal(SIGXFSZ, SIG_IGN) }()
