import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

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
enum AtomicFile {
    /// Replaces `url` with `data`: a temporary file in the same folder, `fsync`, then (when
    /// `backup` is given and `url` exists) a hard link of the current file at `backup`,
    /// `rename` over `url`, and `fsync` of the folder so the rename itself is durable.
    ///
    /// The temporary name is fixed (`url` + `.tmp`): callers hold the progress lock, so no two
    /// writers share it, and a file left by a killed writer is simply truncated next time.
    static func write(_ data: Data, to url: URL, backup: URL? = nil) throws(FileSystemFailure) {
        let path = url.path, temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemFailure("cannot create", temporary) }
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
        if let backup { try keepBackup(of: path, at: backup.path) }
        guard rename(temporary, path) == 0 else {
            let failure = FileSystemFailure("cannot replace", path)
            unlink(temporary)
            throw failure
        }
        try syncFolder(of: path)
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
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            let code = Int32((error as NSError).userInfo[NSUnderlyingErrorKey].map { ($0 as! NSError).code } ?? Int(EACCES))
            throw FileSystemFailure("cannot create the folder", folder.path, code: code)
        }
    }

    /// Reads a whole file; `nil` when it does not exist.
    static func read(_ url: URL) throws(FileSystemFailure) -> Data? {
        switch TextFile.read(url.path) {
        case .bytes(let bytes): return Data(bytes)
        case .missing: return nil
        case .failed(let reason): throw FileSystemFailure("cannot read", url.path, message: reason)
        }
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
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotSave(file: url.path, reason: FileSystemFailure("cannot create the lock file", url.path).reason)
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
