import Foundation
import Glibc

private let systemWrite = Glibc.write

/// A failed system call on a named file, with errno kept for choosing the message.
struct FileSystemFailure: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32
    /// Set when the failure was already put in words elsewhere.
    var message: String?

    init(_ operation: String, _ path: String, code: Int32 = errno, message: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.message = message
    }

    /// Plain words for the errors a learner can act on; `strerror` for the rest.
    var reason: String {
        if let message { return message }
        return switch code {
        case ENOSPC, EDQUOT: "the disk is full"
        case EFBIG: "a file size limit was reached (ulimit -f) or the disk is full"
        case EACCES, EPERM: "permission denied: the folder or file is not writable"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "a part of the path is a file, not a folder"
        default: String(cString: strerror(code))
        }
    }

    var description: String { "\(operation) \(path): \(reason)" }
}

/// Writes files so that a crash at any moment leaves either the old or the new contents.
///
/// No write ever goes through a symbolic link: the temporary file is created new
/// (`O_CREAT|O_EXCL|O_NOFOLLOW`, unique name), renames replace a link rather than its target,
/// and the backup and the set-aside copy are made with `link`, which does not follow links either.
enum AtomicFile {
    /// Temporary files start with the target's name and this, so leftovers can be found.
    static let temporaryMarker = ".tmp-"

    /// Replaces `url` with `data`: a new temporary file in the same folder, `fsync`, then (when
    /// `backup` is given and `url` exists) a hard link of the current file at `backup`,
    /// `rename` over `url`, and `fsync` of the folder so the rename itself is durable.
    static func write(_ data: Data, to url: URL, backup: URL? = nil) throws(FileSystemFailure) {
        let path = url.path
        let (fd, temporary) = try createTemporary(beside: path)
        var failure: FileSystemFailure?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = FileSystemFailure("cannot write", temporary)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = FileSystemFailure("cannot flush", temporary) }
        if close(fd) != 0, failure == nil { failure = FileSystemFailure("cannot close", temporary) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        if let backup {
            do { try keepBackup(of: path, at: backup.path) } catch {
                unlink(temporary)
                throw error
            }
        }
        guard rename(temporary, path) == 0 else {
            let failure = FileSystemFailure(
                "cannot replace", path,
                message: errno == EISDIR || errno == ENOTEMPTY
                    ? "it is a folder, not a file" : nil)
            unlink(temporary)
            throw failure
        }
        try syncFolder(of: path)
    }

    /// Creates `PATH.tmp-XXXXXXXX`, a file nobody else has (`O_EXCL`), never through a link.
    private static func createTemporary(beside path: String) throws(FileSystemFailure) -> (Int32, String) {
        for _ in 0..<100 {
            let temporary = path + temporaryMarker + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw FileSystemFailure("cannot create", temporary) }
        }
        throw FileSystemFailure("cannot create", path + temporaryMarker + "*", code: EEXIST)
    }

    /// Removes temporary files a killed writer left beside `path` (regular files only: `lstat`,
    /// so a planted link is removed as a link, its target untouched). Call with the file's lock held.
    static func removeLeftoverTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + temporaryMarker
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        // `FILE.tmp` is the fixed name older versions used.
        for name in names where name.hasPrefix(prefix) || name == prefix.dropLast() {
            let leftover = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(leftover, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(leftover) }
        }
    }

    /// Gives `path` the new name `target` without replacing anything there, and without following
    /// a link at either name: a hard link then `unlink`; `rename` after a check where links are not supported.
    static func moveWithoutReplacing(_ path: String, to target: String) -> Bool {
        if link(path, target) == 0 {
            unlink(path)
            return true
        }
        guard errno == EPERM || errno == EXDEV || errno == EMLINK || errno == ENOTSUP else { return false }
        var info = stat()
        if lstat(target, &info) == 0 {
            errno = EEXIST
            return false
        }
        return errno == ENOENT && rename(path, target) == 0
    }

    /// Makes `backup` a hard link to the current `path` (no copy, no window without a backup);
    /// copies where links are not supported. Nothing happens when `path` does not exist.
    private static func keepBackup(of path: String, at backup: String) throws(FileSystemFailure) {
        if unlink(backup) != 0, errno != ENOENT { throw FileSystemFailure("cannot replace the backup", backup) }
        if link(path, backup) == 0 || errno == ENOENT { return }
        guard let previous = FileManager.default.contents(atPath: path) else { return }
        try write(previous, to: URL(fileURLWithPath: backup))
    }

    /// `fsync` on the folder holding `path`, which makes a rename in it durable.
    static func syncFolder(of path: String) throws(FileSystemFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemFailure("cannot open the folder", folder) }
        defer { close(fd) }
        // Some file systems cannot sync a folder (EINVAL); the rename has still happened.
        if fsync(fd) != 0, errno != EINVAL { throw FileSystemFailure("cannot flush the folder", folder) }
    }

    /// Creates `folder` and its parents, owner-only, when missing.
    static func createFolder(_ folder: URL) throws(FileSystemFailure) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue { return }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            let code = Int32((error as NSError).userInfo[NSUnderlyingErrorKey].map { ($0 as! NSError).code } ?? Int(EACCES))
            throw FileSystemFailure("cannot create the folder", folder.path, code: code)
        }
    }

    /// What reading a file found.
    enum ReadOutcome {
        case missing
        case bytes(Data)
        case folder
        /// Over the limit, with the size; nothing was read.
        case tooLarge(Int64)
        case failed(String)
    }

    /// Reads a whole file of at most `limit` bytes, in time and memory bounded by the limit
    /// (a file that grows while it is read is caught too).
    static func read(_ url: URL, limit: Int) -> ReadOutcome {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .failed(FileSystemFailure("", url.path).reason)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(FileSystemFailure("", url.path).reason) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: break
        default: return .failed("it is not a regular file (a FIFO, device or socket)")
        }
        if Int64(info.st_size) > Int64(limit) { return .tooLarge(Int64(info.st_size)) }
        var data = Data(count: Int(info.st_size) + 1)
        var length = 0
        while true {
            if length == data.count {
                if length > limit { return .tooLarge(Int64(length)) }
                data.count = min(limit + 1, data.count * 2)
            }
            let count = data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + length, $0.count - length) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(FileSystemFailure("", url.path).reason)
            }
            if count == 0 { break }
            length += count
        }
        if length > limit { return .tooLarge(Int64(length)) }
        data.count = length
        return .bytes(data)
    }
}

/// An exclusive advisory lock (`flock`) on a lock file beside the progress file.
///
/// The lock lives on its own file because the progress file is replaced by rename on
/// every save; the kernel drops it when its holder dies, so a killed process leaves no
/// stale lock. The lock file itself is never deleted (deleting it would let two processes
/// lock two different files).
final class FileLock {
    private let fd: Int32

    /// Waits up to `timeout` seconds for the lock.
    init(_ url: URL, timeout: TimeInterval) throws(ProgressError) {
        // O_NOFOLLOW: a link planted at the lock file's name must not make Crucible create or open its target.
        fd = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason =
                switch errno {
                case ELOOP: "the lock file \(url.path) is a symbolic link, and Crucible never writes through one; remove it"
                case EISDIR: "the lock file \(url.path) is a folder, not a file; move it away"
                default: "cannot create the lock file \(url.path): " + FileSystemFailure("", url.path).reason
                }
            throw .cannotSave(file: String(url.path.dropLast(".lock".count)), reason: reason)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw .locked(lockFile: url.path, seconds: timeout)
            }
            usleep(2_000)
        }
    }

    deinit { close(fd) }
}
