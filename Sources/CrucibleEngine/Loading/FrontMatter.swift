/// Splits `lesson.md` into its YAML front matter and Markdown body, by byte offsets,
/// without decoding the body (bodies are read later, on demand).
struct FrontMatter: Equatable {
    /// Byte range of the YAML text between the two `---` lines.
    var yaml: Range<Int>
    /// Lines before the YAML text (the opening `---` line), added to YAML line numbers.
    var yamlLineOffset: Int
    /// Byte offset of the body: just after the closing `---` line.
    var bodyOffset: Int
    /// 1-based line where the body starts.
    var bodyLine: Int

    enum Problem: Error, Equatable {
        /// The file does not start with a `---` line.
        case missingOpening
        /// No closing `---` line follows the opening one.
        case missingClosing
    }

    /// Splits `bytes`, which start at `start` (after any byte order mark).
    static func split(_ bytes: [UInt8], from start: Int) -> Result<FrontMatter, Problem> {
        var lineStart = start
        var lineNumber = 1
        let firstEnd = lineEnd(bytes, from: start) ?? bytes.count
        guard isFence(bytes, start, firstEnd) else {
            return .failure(.missingOpening)
        }
        lineStart = firstEnd + 1
        let yamlStart = lineStart
        while lineStart < bytes.count {
            lineNumber += 1
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isFence(bytes, lineStart, end) {
                let bodyOffset = min(end + 1, bytes.count)
                return .success(
                    FrontMatter(
                        yaml: yamlStart..<lineStart, yamlLineOffset: 1,
                        bodyOffset: bodyOffset, bodyLine: lineNumber + 1))
            }
            lineStart = end + 1
        }
        return .failure(.missingClosing)
    }

    /// Index of the `\n` ending the line that starts at `start`, or `nil` at the end of the file.
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// Whether `bytes[start..<end]` is `---`, allowing trailing spaces, tabs and `\r`.
    private static func isFence(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D else {
            return false
        }
        return bytes[(start + 3)..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
