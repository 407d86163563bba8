import Foundation

/// Reading files as bytes and turning them into text the way the format allows:
/// UTF-8 only, with an optional byte order mark and `\n` or `\r\n` line endings.
enum TextFile {
    enum ReadResult {
        case bytes([UInt8])
        case missing
        case failed(String)
    }

    /// Reads a whole file with plain POSIX calls: cheaper than Foundation in the per-lesson hot loop.
    static func read(_ path: String) -> ReadResult {
        // O_NONBLOCK: opening a FIFO must not wait for a writer. Only regular files are read,
        // so a FIFO or a link to /dev/zero is reported instead of hanging the course.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .failed(failure(errno))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(failure(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failed("it is \(kindName(info.st_mode)), not a regular file; replace it with a regular text file")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .bytes(bytes)
    }

    /// A failed system call's reason with what to do about it.
    private static func failure(_ code: Int32) -> String {
        let reason = String(cString: strerror(code)).lowercased()
        return code == EACCES || code == EPERM ? reason + "; check its permissions" : reason
    }

    /// What a file-system entry that is not a regular file is, for messages: "a folder", "a FIFO (named pipe)".
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Why reading `path` found nothing although something is there: a folder, or a symbolic link to
    /// nothing. `nil` when nothing is there, so a folder or broken link is never called "missing".
    static func notAFile(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return "is a folder, not a file"
        case S_IFLNK:
            let target = linkTarget(path) ?? "?"
            var resolved = stat()
            if stat(path, &resolved) == 0 {
                return (resolved.st_mode & S_IFMT) == S_IFDIR ? "is a symbolic link to a folder (\(quoted: target)), not a file" : nil
            }
            return "is a symbolic link to \(quoted: target), which does not exist"
        default:
            return nil
        }
    }

    /// Where the symbolic link at `path` points, as written in the link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Length of a leading UTF-8 byte order mark (0 or 3).
    static func bomLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// The 1-based line and column (in Unicode scalars) of the first byte that is not valid UTF-8,
    /// or `nil` when all of `bytes[start...]` is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int = 0) -> (line: Int, column: Int)? {
        guard let bad = firstInvalidUTF8Offset(bytes, from: start) else { return nil }
        // Only on failure: count lines and characters up to the bad byte (the prefix is valid).
        let prefix = bytes[start..<bad]
        let lineStart = (prefix.lastIndex(of: 0x0A) ?? start - 1) + 1
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// Offset of the first byte that is not valid UTF-8, skipping ASCII eight bytes at a time.
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            let end = buffer.count
            while index < end {
                if index + 8 <= end {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                let length: Int
                var minimum: UInt32 = 0
                switch lead {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return index
                }
                if length > 1 {
                    guard index + length <= end else { return index }
                    var scalar = UInt32(lead) & (0xFF >> (length + 1))
                    for offset in 1..<length {
                        let next = buffer[index + offset]
                        guard next & 0xC0 == 0x80 else { return index }
                        scalar = scalar << 6 | UInt32(next & 0x3F)
                    }
                    guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return index }
                }
                index += length
            }
            return nil
        }
    }

    /// Decodes already validated UTF-8 and normalises `\r\n` to `\n`.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// Reads a YAML file (course.yml, track.yml) into text, reporting an unreadable or invalid file.
    static func readText(_ path: String, into report: FileReport, missing: String) -> String? {
        switch read(path) {
        case .missing:
            if let what = notAFile(path) {
                let name = (path as NSString).lastPathComponent
                report.error("\(name) \(what); make it the text file")
            } else {
                report.error(missing)
            }
            return nil
        case .failed(let reason):
            report.error("cannot read the file: \(reason)")
            return nil
        case .bytes(let bytes):
            if let problem = encodingProblem(bytes) {
                report.error(problem)
                return nil
            }
            let start = bomLength(bytes)
            if let bad = firstInvalidUTF8(bytes, from: start) {
                report.error(invalidUTF8Message, line: bad.line, column: bad.column)
                return nil
            }
            return text(bytes[start...])
        }
    }

    /// A whole-file encoding mistake that would otherwise read as garbled text: UTF-16 (with or
    /// without a byte order mark; the NUL bytes between ASCII letters give it away).
    static func encodingProblem(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(64)
        let utf16BOM = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        let evenNULs = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let oddNULs = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        if utf16BOM || (head.count >= 8 && max(evenNULs, oddNULs) * 4 >= head.count && min(evenNULs, oddNULs) == 0) {
            return "the file is saved as UTF-16; save it as UTF-8 (in your editor's \"Save with encoding\" or \"Reopen with encoding\")"
        }
        return nil
    }

    /// Whether the file ends its lines with a lone `\r` (classic Mac OS) and has no `\n` at all.
    static func hasOnlyCRLineEndings(_ bytes: [UInt8]) -> Bool {
        bytes.contains(0x0D) && !bytes.contains(0x0A)
    }

    static let invalidUTF8Message =
        "the file is not valid UTF-8 here; save it as UTF-8 (check for stray bytes pasted from elsewhere)"
}
