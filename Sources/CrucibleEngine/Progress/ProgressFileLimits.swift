import Foundation

/// The bounds a progress file must keep, checked before it is parsed, so a hostile or runaway
/// file is refused or set aside in bounded time and memory instead of being parsed at length.
public enum ProgressFileLimits {
    /// The largest progress file read: 8 MiB. A learner's file is a few kilobytes per course
    /// (a thousand lessons stay under 1 MiB), so anything bigger is not one Crucible wrote.
    public static let maximumSize = 8 << 20

    /// The deepest nesting of arrays and objects accepted. A progress file nests about 6 levels
    /// (file, courses, course, lessons, lesson, last check); the parser's own limit is far deeper.
    public static let maximumDepth = 64

    /// The file's size in words, such as "100 MB".
    static func sizeInWords(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    /// The reason a file over ``maximumSize`` is refused, with the way out.
    static func tooLargeReason(_ bytes: Int64) -> String {
        "it is \(sizeInWords(bytes)), more than the \(sizeInWords(Int64(maximumSize))) a progress file may be (a real one "
            + "is a few kilobytes per course), so it was not read"
    }

    /// Whether `data` nests arrays and objects deeper than `limit`, by a scan that skips strings.
    static func nestsDeeper(_ data: Data, than limit: Int) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var depth = 0, inString = false, escaped = false
            for byte in bytes {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limit { return true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            return false
        }
    }
}
