/// Ids: lower-case letters, digits, `-`, `_` and `.`, starting with a letter or digit.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowerOrDigit(first) else { return false }
        return text.utf8.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static let rule =
        "use lower-case letters, digits, `-`, `_` and `.`, starting with a letter or digit (for example `memory.retain-cycles`)"

    /// An id made from a folder name, used when a track file cannot give one: `02-Memory Safety` → `memory-safety`.
    static func fallback(fromFolder name: String) -> String {
        let title = FolderOrder.title(fromFolder: name).lowercased()
        let mapped = String(title.map { isValid(String($0)) || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
        return isValid(mapped) ? mapped : "track"
    }
}

extension Fields {
    /// An id: a string that follows the id rule.
    func id(_ key: String, required: Bool = true) -> String? {
        guard let node = value(key, required: required), let text = text(node, key) else { return nil }
        guard Identifier.isValid(text) else {
            report.error(at: node, "\(quoted: text) is not a valid id; \(Identifier.rule)")
            return nil
        }
        return text
    }
}

/// The order of track and lesson folders: a numeric prefix such as `01-` first, by number,
/// then folders without one, by name.
enum FolderOrder {
    /// The number of a prefix such as `01-` or `7_`, if the name has one.
    static func prefixNumber(_ name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, name.count > digits.count else { return nil }
        let separator = name[digits.endIndex]
        return separator == "-" || separator == "_" ? Int(digits) : nil
    }

    static func sorted(_ names: [String]) -> [String] {
        names.map { (name: $0, number: prefixNumber($0)) }.sorted { a, b in
            switch (a.number, b.number) {
            case (let x?, let y?): return x != y ? x < y : a.name < b.name
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.name < b.name
            }
        }.map(\.name)
    }

    /// A folder's name without its numeric prefix, as a fallback title: `01-memory` → `memory`.
    static func title(fromFolder name: String) -> String {
        guard prefixNumber(name) != nil else { return name }
        return String(name.drop { $0.isNumber }.dropFirst())
    }
}
