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

    /// The first key that appears twice in one object, with the keys leading to that object
    /// ("courses → crucible"), by a scan that reads keys as JSON strings. Parsers disagree on
    /// which duplicate wins (the decoder takes one, the unknown-key reader the other), so a file
    /// with one has no single meaning; Crucible never writes one.
    static func duplicateKey(in data: Data) -> (key: String, path: [String])? {
        struct Container {
            var isObject: Bool
            var keys: Set<String> = []
            var expectsKey: Bool
            var lastKey: String? = nil
        }
        var stack: [Container] = []
        var string: [UInt8] = [], inString = false, escaped = false, hasEscape = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                    hasEscape = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    guard stack.last?.isObject == true, stack[stack.count - 1].expectsKey else { continue }
                    let key = hasEscape ? keyText(escaped: string) : String(decoding: string, as: UTF8.self)
                    if stack[stack.count - 1].keys.contains(key) {
                        return (key, stack.dropLast().compactMap(\.lastKey))
                    }
                    stack[stack.count - 1].keys.insert(key)
                    stack[stack.count - 1].lastKey = key
                    stack[stack.count - 1].expectsKey = false
                    continue
                }
                string.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                string.removeAll(keepingCapacity: true)
                hasEscape = false
            case UInt8(ascii: "{"): stack.append(Container(isObject: true, expectsKey: true))
            case UInt8(ascii: "["): stack.append(Container(isObject: false, expectsKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = stack.popLast()
            case UInt8(ascii: ","): if stack.last?.isObject == true { stack[stack.count - 1].expectsKey = true }
            default: break
            }
        }
        return nil
    }

    /// A key with escapes, as a JSON parser reads it (`"\u0061"` is `a`); the raw text if it does not parse.
    private static func keyText(escaped raw: [UInt8]) -> String {
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        return (try? JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed)) as? String
            ?? String(decoding: raw, as: UTF8.self)
    }
}
