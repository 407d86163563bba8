/// Splits source bytes into coloured tokens for `SyntaxHighlighter`.
///
/// Works on UTF-8 bytes for speed; every byte belongs to exactly one token,
/// and adjacent tokens of the same kind are merged.
struct CodeLexer {
    typealias Language = SyntaxHighlighter.Language
    typealias Kind = SyntaxHighlighter.TokenKind

    struct Token: Equatable {
        var range: Range<Int>
        var kind: Kind
    }

    let bytes: [UInt8]
    let language: Language

    func tokens() -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var atLineStart = true
        while index < bytes.count {
            let (end, kind) = language == .plain ? (bytes.count, .plain) : scanToken(at: index, atLineStart: atLineStart)
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { atLineStart = true } else if byte != UInt8(ascii: " ") { atLineStart = false }
            if let last = tokens.indices.last, tokens[last].kind == kind {
                tokens[last].range = tokens[last].range.lowerBound..<end
            } else {
                tokens.append(Token(range: index..<end, kind: kind))
            }
            index = end
        }
        return tokens
    }

    private func byte(_ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// The end and kind of the token starting at `start`.
    private func scanToken(at start: Int, atLineStart: Bool) -> (Int, Kind) {
        let first = bytes[start]
        let second = byte(start + 1)
        switch first {
        case UInt8(ascii: "/") where second == UInt8(ascii: "/"):
            return (endOfLine(from: start), .comment)
        case UInt8(ascii: "/") where second == UInt8(ascii: "*"):
            return (endOfBlockComment(from: start), .comment)
        case UInt8(ascii: "\""):
            if language == .swift, second == UInt8(ascii: "\""), byte(start + 2) == UInt8(ascii: "\"") {
                return (endOfDelimited(from: start + 3, closing: Array(#"""""#.utf8)), .string)
            }
            return (endOfQuoted(from: start, quote: first), .string)
        case UInt8(ascii: "'") where language != .swift:
            return scanQuote(at: start)
        case UInt8(ascii: "`") where language == .go:
            return (endOfDelimited(from: start + 1, closing: [first]), .string)
        case UInt8(ascii: "#"):
            return scanHash(at: start, atLineStart: atLineStart)
        case UInt8(ascii: "@") where language == .swift && isIdentifierStart(second):
            return (endOfIdentifier(from: start + 1), .attribute)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return (endOfNumber(from: start), .number)
        case _ where isIdentifierStart(first):
            return scanIdentifier(at: start)
        default:
            return (start + 1, .plain)
        }
    }

    private func scanIdentifier(at start: Int) -> (Int, Kind) {
        let end = endOfIdentifier(from: start)
        if language == .rust {
            // Raw and byte strings: r"…", r#"…"#, b"…", br"…", b'x'.
            var quote = end
            var hashes = 0
            while byte(quote) == UInt8(ascii: "#") { quote += 1; hashes += 1 }
            let prefix = bytes[start..<end]
            if byte(quote) == UInt8(ascii: "\""), prefix.elementsEqual("r".utf8) || prefix.elementsEqual("br".utf8) {
                let closing = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "#"), count: hashes)
                return (endOfDelimited(from: quote + 1, closing: closing), .string)
            }
            if hashes == 0, prefix.elementsEqual("b".utf8) {
                if byte(end) == UInt8(ascii: "\"") { return (endOfQuoted(from: end, quote: byte(end)), .string) }
                if byte(end) == UInt8(ascii: "'") { return scanQuote(at: end) }
            }
            if byte(end) == UInt8(ascii: "!") && byte(end + 1) != UInt8(ascii: "=") {
                return (end + 1, .attribute)  // a macro call such as println!
            }
        }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        let words = CodeLexer.vocabulary(for: language)
        if words.keywords.contains(word) { return (end, .keyword) }
        if words.types.contains(word) || isUppercase(bytes[start]) { return (end, .type) }
        if language == .c, word.hasSuffix("_t") { return (end, .type) }
        return (end, .plain)
    }

    /// `'x'` character literals; in Rust a quote without a closing one is a lifetime (`'a`).
    private func scanQuote(at start: Int) -> (Int, Kind) {
        if language == .rust, byte(start + 1) != UInt8(ascii: "\\") {
            var next = start + 2
            while byte(next) & 0xC0 == 0x80 { next += 1 }  // skip the rest of a multi-byte character
            if byte(next) != UInt8(ascii: "'"), isIdentifierStart(byte(start + 1)) {
                return (endOfIdentifier(from: start + 1), .type)
            }
        }
        return (endOfQuoted(from: start, quote: UInt8(ascii: "'")), .string)
    }

    /// `#` starts a C preprocessor line, a Rust attribute, a Swift directive/macro or raw string.
    private func scanHash(at start: Int, atLineStart: Bool) -> (Int, Kind) {
        switch language {
        case .c where atLineStart:
            return (endOfLine(from: start), .attribute)
        case .rust where byte(start + 1) == UInt8(ascii: "[") || byte(start + 1) == UInt8(ascii: "!"):
            var depth = 0
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "[") { depth += 1 }
                if bytes[index] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { return (index + 1, .attribute) } }
                index += 1
            }
            return (index, .attribute)
        case .swift:
            var quote = start
            while byte(quote) == UInt8(ascii: "#") { quote += 1 }
            if byte(quote) == UInt8(ascii: "\"") {
                let closing = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "#"), count: quote - start)
                return (endOfDelimited(from: quote + 1, closing: closing), .string)
            }
            if isIdentifierStart(byte(start + 1)) { return (endOfIdentifier(from: start + 1), .attribute) }
            return (start + 1, .plain)
        default:
            return (start + 1, .plain)
        }
    }

    private func endOfLine(from start: Int) -> Int {
        bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    /// The end of a `/* */` comment; Swift and Rust comments nest, C and Go ones do not.
    private func endOfBlockComment(from start: Int) -> Int {
        let nests = language == .swift || language == .rust
        var depth = 0
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/") && bytes[index + 1] == UInt8(ascii: "*") && (nests || depth == 0) {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// The end of a one-line quoted literal with backslash escapes (unterminated ones stop at the newline).
    private func endOfQuoted(from start: Int, quote: UInt8) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case quote: return index + 1
            case UInt8(ascii: "\n"): return index
            default: index += 1
            }
        }
        return bytes.count
    }

    /// The end of a literal that runs, across lines, until `closing` (escapes skipped).
    private func endOfDelimited(from start: Int, closing: [UInt8]) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") && closing.count > 1 && closing.last == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if bytes[index] == closing[0], bytes[index...].starts(with: closing) { return index + closing.count }
            index += 1
        }
        return bytes.count
    }

    private func endOfNumber(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            let current = bytes[index]
            // A dot belongs to the number only before a digit, so `0..<n` and `1.max` stay apart.
            if current == UInt8(ascii: "."), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte(index + 1)) {
                index += 1
            } else if isIdentifierContinue(current) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    private func endOfIdentifier(from start: Int) -> Int {
        var index = start
        while index < bytes.count, isIdentifierContinue(bytes[index]) { index += 1 }
        return index
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func isIdentifierContinue(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
}

extension CodeLexer {
    /// Keywords and lowercase builtin type names of one language.
    struct Vocabulary {
        let keywords: Set<String>
        let types: Set<String>

        init(keywords: String, types: String = "") {
            self.keywords = Set(keywords.split(separator: " ").map(String.init))
            self.types = Set(types.split(separator: " ").map(String.init))
        }
    }

    static func vocabulary(for language: Language) -> Vocabulary {
        switch language {
        case .swift: swiftVocabulary
        case .c: cVocabulary
        case .rust: rustVocabulary
        case .go: goVocabulary
        case .plain: plainVocabulary
        }
    }

    private static let swiftVocabulary = Vocabulary(
        keywords: """
            actor any as associatedtype async await borrowing break case catch class consume consuming continue \
            convenience default defer deinit do dynamic else enum extension fallthrough false fileprivate final for \
            func get guard if import in indirect init inout internal is isolated lazy let macro mutating nil \
            nonisolated nonmutating open operator override package precedencegroup private protocol public repeat \
            required rethrows return self Self sending set some static struct subscript super switch throw throws \
            true try typealias unowned var weak where while willSet didSet Any
            """)
    private static let cVocabulary = Vocabulary(
        keywords: """
            auto break case const continue default do else enum extern for goto if inline register restrict return \
            sizeof static struct switch typedef union volatile while true false NULL nullptr alignof typeof \
            _Alignas _Atomic _Generic _Noreturn _Static_assert _Thread_local static_assert
            """, types: "bool char double float int long short signed unsigned void _Bool FILE")
    private static let rustVocabulary = Vocabulary(
        keywords: """
            as async await break const continue crate dyn else enum extern false fn for if impl in let loop match \
            mod move mut pub ref return self Self static struct super trait true type union unsafe use where while
            """, types: "bool char str i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64")
    private static let goVocabulary = Vocabulary(
        keywords: """
            break case chan const continue default defer else fallthrough for func go goto if import interface map \
            package range return select struct switch type var true false nil iota
            """,
        types: """
            any bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string \
            uint uint8 uint16 uint32 uint64 uintptr
            """)
    private static let plainVocabulary = Vocabulary(keywords: "")
}
