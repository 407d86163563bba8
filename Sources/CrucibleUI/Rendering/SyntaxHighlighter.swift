/// Colours source code in lesson code blocks with a small lexer per language family.
///
/// Not a parser: it recognises comments (line and block, spanning lines),
/// strings and characters, numbers, keywords, types (capitalised identifiers
/// and builtin type names) and attributes/macros/directives. Good enough to
/// make code readable; unknown languages come out plain.
public enum SyntaxHighlighter {
    /// A language family with its own lexical rules.
    public enum Language: Sendable, Equatable {
        case swift, c, rust, go, plain

        /// The family for a code fence's info word, e.g. "swift" or "rs"; plain if unknown.
        public init(fenceName: String) {
            switch fenceName.lowercased() {
            case "swift": self = .swift
            case "c", "h": self = .c
            case "rust", "rs": self = .rust
            case "go", "golang": self = .go
            default: self = .plain
            }
        }
    }

    /// What a token is, which decides its colour.
    public enum TokenKind: Sendable, Equatable {
        case plain, keyword, type, string, number, comment, attribute
    }

    /// Highlighted lines of `code`; tabs expand to 4-column stops and control characters are removed.
    public static func lines(for code: String, language: String, theme: Theme) -> [StyledLine] {
        let bytes = printableBytes(code)
        let tokens = CodeLexer(bytes: bytes, language: Language(fenceName: language)).tokens()
        var lines: [StyledLine] = []
        var spans: [Span] = []
        for token in tokens {
            let style = theme.style(for: token.kind)
            var start = token.range.lowerBound
            // Split the token at newlines: block comments and raw strings span lines.
            while let newline = bytes[start..<token.range.upperBound].firstIndex(of: UInt8(ascii: "\n")) {
                if newline > start { spans.append(Span(String(decoding: bytes[start..<newline], as: UTF8.self), style: style)) }
                lines.append(StyledLine(spans))
                spans = []
                start = newline + 1
            }
            if start < token.range.upperBound {
                spans.append(Span(String(decoding: bytes[start..<token.range.upperBound], as: UTF8.self), style: style))
            }
        }
        if !spans.isEmpty { lines.append(StyledLine(spans)) }
        return lines
    }

    /// `code` highlighted and indented two columns, as lessons, predictions and solutions show it.
    ///
    /// A line wider than `width` wraps rather than being cut, so no code is hidden: between
    /// words where it can, and each continuation starts with `↪` in the indent, where no code
    /// line has anything. Every character stays, spaces included.
    public static func block(for code: String, language: String, width: Int, theme: Theme) -> [StyledLine] {
        let indent = Span("  ", style: theme.code), mark = Span("↪ ", style: theme.codeWrapMark)
        return lines(for: code, language: language, theme: theme).flatMap { line -> [StyledLine] in
            guard !line.spans.isEmpty else { return [line] }
            return line.pieces(of: max(1, width - 2), preferringAfter: [" "]).enumerated().map { index, piece in
                piece.prefixed(by: index == 0 ? indent : mark)
            }
        }
    }

    /// The UTF-8 of `code` with tabs expanded and every control character except newline dropped.
    private static func printableBytes(_ code: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(code.utf8.count)
        var column = 0
        var previous: UInt8 = 0
        for byte in code.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "\n"):
                result.append(byte)
                column = 0
            case UInt8(ascii: "\t"):
                let spaces = 4 - column % 4
                result.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
                column += spaces
            case 0..<0x20, 0x7F:
                continue
            case 0x80...0x9F where previous == 0xC2:
                result.removeLast()  // a C1 control: drop its lead byte too
                column -= 1
            default:
                result.append(byte)
                // Count characters, not continuation bytes (close enough for tab stops).
                if byte & 0xC0 != 0x80 { column += 1 }
            }
        }
        return result
    }
}

extension Theme {
    /// The style for code tokens of `kind`.
    func style(for kind: SyntaxHighlighter.TokenKind) -> Style {
        switch kind {
        case .plain: code
        case .keyword: codeKeyword
        case .type: codeType
        case .string: codeString
        case .number: codeNumber
        case .comment: codeComment
        case .attribute: codeAttribute
        }
    }
}
