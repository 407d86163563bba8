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
            return errno == ENOENT || errno == ENOTDIR ? .missing : .failed(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed(String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failed("it is not a regular file (a FIFO, device or socket)")
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
            report.error(missing)
            return nil
        case .failed(let reason):
            report.error("cannot read the file: \(reason); check its permissions")
            return nil
        case .bytes(let bytes):
            let start = bomLength(bytes)
            if let bad = firstInvalidUTF8(bytes, from: start) {
                report.error(invalidUTF8Message, line: bad.line, column: bad.column)
                return nil
            }
            return text(bytes[start...])
        }
    }

    static let invalidUTF8Message =
        "the file is not valid UTF-8 here; save it as UTF-8 (check for stray bytes pasted from elsewhere)"
}
