import Foundation

/// File operations for the learner's workspace: reading by streaming, copying by content, and
/// writing only through fresh files in real folders, so no link ever carries a write out of it.
enum WorkspaceIO {
    /// Bytes read or written at a time: large files never sit in memory whole.
    static let chunkSize = 64 * 1024

    /// What a path is, without following a link at its end.
    enum Entry: Equatable {
        case missing, file, folder, link, other
    }

    static func entry(_ path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Where the link at `path` points, as written in it.
    static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// An open regular file (after following links) and its size. Anything else is refused:
    /// reading a FIFO would block forever, a device may never end.
    struct Reader: ~Copyable {
        let descriptor: Int32
        let size: Int64

        init(_ path: String) throws {
            // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw WorkspaceError(message: "cannot read \(path): \(describe(errno))") }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw WorkspaceError(message: "\(path) is not a regular file (a folder, device or pipe), so it cannot be read")
            }
            self.descriptor = descriptor
            size = Int64(info.st_size)
        }

        deinit { close(descriptor) }

        /// Calls `body` with each chunk read until the end; returns the number of bytes read.
        @discardableResult
        func forEachChunk(path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int64 {
            var buffer = [UInt8](repeating: 0, count: WorkspaceIO.chunkSize)
            var total: Int64 = 0
            while true {
                let count = buffer.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw WorkspaceError(message: "cannot read \(path): \(describe(errno))")
                }
                if count == 0 { return total }
                total += Int64(count)
                try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            }
        }
    }

    /// The SHA-256 of the file at `path`, read in chunks.
    static func hash(_ path: String) throws -> String {
        let reader = try Reader(path)
        var hasher = SHA256()
        try reader.forEachChunk(path: path) { hasher.update($0) }
        return hasher.finalize()
    }

    /// The file at `path` in memory, refused without reading it when larger than `limit`
    /// (and reading stops at the limit if the file grows meanwhile).
    static func read(_ path: String, limit: Int64) throws -> Data {
        let reader = try Reader(path)
        guard reader.size <= limit else { throw TooLarge(path: path, size: reader.size, limit: limit) }
        var data = Data(capacity: Int(reader.size))
        try reader.forEachChunk(path: path) { chunk in
            guard Int64(data.count + chunk.count) <= limit else { throw TooLarge(path: path, size: limit + 1, limit: limit) }
            data.append(contentsOf: chunk)
        }
        return data
    }

    struct TooLarge: Error, CustomStringConvertible {
        var path: String, size: Int64, limit: Int64
        var description: String {
            "\(path) is \(WorkspaceIO.megabytes(size)), more than the \(WorkspaceIO.megabytes(limit)) a lesson file may have, "
                + "so it was not read; make it smaller"
        }
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// A new file in `folder` with a unique name, created exclusively and never through a link.
    static func createTemporary(in folder: String, mode: mode_t = 0o644) throws -> (path: String, descriptor: Int32) {
        for _ in 0..<100 {
            let path = folder + "/.crucible-tmp-" + UUID().uuidString
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if descriptor >= 0 { return (path, descriptor) }
            if errno != EEXIST { throw WorkspaceError(message: "cannot create a file in \(folder): \(describe(errno))") }
        }
        throw WorkspaceError(message: "cannot create a file in \(folder): every temporary name was taken")
    }

    /// Writes everything in `bytes` to `descriptor`.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw WorkspaceError(message: "cannot write \(path): \(describe(errno))")
            }
            offset += count
        }
    }

    /// Copies the content of `source` (following links) into a new temporary file in `folder`,
    /// flushed to disk. Returns its path and the SHA-256 of the bytes copied.
    static func copyToTemporary(from source: String, in folder: String, hashing: Bool = true) throws -> (path: String, hash: String) {
        let reader = try Reader(source)
        let (path, descriptor) = try createTemporary(in: folder)
        var hasher = SHA256()
        do {
            defer { close(descriptor) }
            try reader.forEachChunk(path: source) { chunk in
                if hashing { hasher.update(chunk) }
                try writeAll(descriptor, chunk, path: path)
            }
            guard fsync(descriptor) == 0 else { throw WorkspaceError(message: "cannot write \(path): \(describe(errno))") }
        } catch {
            unlink(path)
            throw error
        }
        return (path, hasher.finalize())
    }

    /// Writes `data` into a new temporary file in `folder` and returns its path.
    static func writeTemporary(_ data: Data, in folder: String) throws -> String {
        let (path, descriptor) = try createTemporary(in: folder)
        do {
            defer { close(descriptor) }
            try data.withUnsafeBytes { try writeAll(descriptor, $0, path: path) }
            guard fsync(descriptor) == 0 else { throw WorkspaceError(message: "cannot write \(path): \(describe(errno))") }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }

    /// Gives the temporary file the name `target` unless something already has it (a link
    /// counts: it is not followed). Returns whether the file was placed; the temporary is gone either way.
    static func placeIfAbsent(_ temporary: String, at target: String) throws -> Bool {
        defer { unlink(temporary) }
        if link(temporary, target) == 0 { return true }
        if errno == EEXIST { return false }
        // File systems without hard links: the same, minus atomicity against a racing writer.
        guard errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP else {
            throw WorkspaceError(message: "cannot create \(target): \(describe(errno))")
        }
        guard entry(target) == .missing else { return false }
        guard rename(temporary, target) == 0 else { throw WorkspaceError(message: "cannot create \(target): \(describe(errno))") }
        return true
    }

    /// Gives the temporary file the name `target`, replacing what had it. A link there is
    /// replaced itself: what it pointed to is not touched.
    static func replace(_ temporary: String, at target: String) throws {
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw WorkspaceError(message: "cannot replace \(target): \(describe(code))")
        }
    }

    /// Makes `path` a real folder (creating it if missing), refusing a link or a file there.
    /// Safe against another process creating it at the same moment.
    static func makeRealFolder(_ path: String) throws {
        switch entry(path) {
        case .folder: return
        case .missing:
            if mkdir(path, 0o755) == 0 || (errno == EEXIST && entry(path) == .folder) { return }
            if errno != EEXIST { throw WorkspaceError(message: "cannot create the folder \(path): \(describe(errno))") }
            return try makeRealFolder(path)
        case .link: throw LinkOut(path: path, target: linkTarget(path))
        case .file, .other: throw WorkspaceError(message: "\(path) should be a folder but is a file; move it away and try again")
        }
    }

    /// A folder in the workspace that is a link: writing through it would change files outside.
    struct LinkOut: Error, CustomStringConvertible {
        var path: String, target: String
        /// Why something had to be written there, when known.
        var needed: String?
        var description: String {
            "\(path) is a link to \(target)" + (needed.map { " and \($0)" } ?? "")
                + "; crucible does not write through links out of the workspace, so nothing was written there. "
                + "Replace the link with a real folder holding your files"
        }
    }

    /// Holds an exclusive lock on a folder (flock on the folder itself, so no lock file is
    /// left among the learner's files) until released.
    final class FolderLock {
        private let descriptor: Int32

        init(_ path: String) throws {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw WorkspaceError(message: "cannot open the folder \(path): \(describe(errno))") }
            while flock(descriptor, LOCK_EX) != 0 {
                // A file system without locks: copies stay safe (each is placed only if absent),
                // only the starter record may miss a file copied by a racing process.
                if errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS || errno == EINVAL { return }
                guard errno == EINTR else {
                    let code = errno
                    close(descriptor)
                    throw WorkspaceError(message: "cannot lock the folder \(path): \(describe(code))")
                }
            }
        }

        deinit { close(descriptor) }
    }
}

extension WorkspaceIO {
    /// Copies the folder `source` into the new folder `copy` by content, following links (so a
    /// linked folder or file is kept as real bytes, not as another link to the same place), and
    /// re-reads every copied file to verify it. Returns how many files were kept. A link that
    /// leads nowhere is kept as that link; pipes and devices hold no content and are skipped.
    /// On failure the partial copy is removed and nothing else was touched.
    @discardableResult
    static func keepCopy(of source: String, at copy: String) throws -> Int {
        guard mkdir(copy, 0o755) == 0 else {
            throw WorkspaceError(message: "cannot create the folder \(copy): \(describe(errno))")
        }
        do {
            var visited: Set<[UInt64]> = []
            return try copyFolder(source, into: copy, visited: &visited)
        } catch {
            try? FileManager.default.removeItem(atPath: copy)
            throw error
        }
    }

    /// Whether two files hold the same bytes, compared chunk by chunk.
    static func sameBytes(_ first: String, _ second: String) throws -> Bool {
        let a = try Reader(first), b = try Reader(second)
        guard a.size == b.size else { return false }
        var left = [UInt8](repeating: 0, count: chunkSize), right = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try fill(&left, from: a.descriptor, path: first)
            guard try fill(&right, from: b.descriptor, path: second) == count else { return false }
            if count == 0 { return true }
            guard memcmp(left, right, count) == 0 else { return false }
        }
    }

    /// Reads until `buffer` is full or the file ends; returns how many bytes were read.
    private static func fill(_ buffer: inout [UInt8], from descriptor: Int32, path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WorkspaceError(message: "cannot read \(path): \(describe(errno))")
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    private static func copyFolder(_ source: String, into copy: String, visited: inout Set<[UInt64]>) throws -> Int {
        var info = stat()
        guard stat(source, &info) == 0 else { throw WorkspaceError(message: "cannot read the folder \(source): \(describe(errno))") }
        // A link back up the tree would otherwise be copied forever.
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return 0 }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: source) } catch {
            throw WorkspaceError(message: "cannot list the folder \(source): \(error.localizedDescription)")
        }
        var kept = 0
        for name in names.sorted() {
            let from = source + "/" + name, to = copy + "/" + name
            guard stat(from, &info) == 0 else {
                if entry(from) == .link, symlink(linkTarget(from), to) == 0 { continue }
                throw WorkspaceError(message: "cannot read \(from): \(describe(errno))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                let (temporary, _) = try copyToTemporary(from: from, in: copy, hashing: false)
                try replace(temporary, at: to)
                guard try sameBytes(from, to) else {
                    throw WorkspaceError(message: "the copy \(to) does not hold the same bytes as \(from)")
                }
                kept += 1
            case S_IFDIR:
                guard mkdir(to, 0o755) == 0 else { throw WorkspaceError(message: "cannot create the folder \(to): \(describe(errno))") }
                kept += try copyFolder(from, into: to, visited: &visited)
            default:
                continue
            }
        }
        return kept
    }
}

/// `read(2)`, named apart from ``WorkspaceIO/read(_:limit:)``.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
