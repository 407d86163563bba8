/// Greedy word wrap of styled text by display width.
///
/// Feed it styled text and hard breaks; whitespace runs collapse to one space
/// and become the break opportunities. A word wider than the line is broken
/// after a `/` when it can be (a path), else between characters. Words may span
/// several styles (`**bold**suffix`).
struct TextWrapper {
    let width: Int
    private(set) var lines: [StyledLine] = []
    private var line: [Span] = []
    private var lineWidth = 0
    private var word: [Span] = []
    private var wordWidth = 0
    /// Style of a space seen since the last word, which goes before the next one on the same line.
    private var pendingSpace: Style?

    init(width: Int) {
        self.width = max(1, width)
    }

    /// Adds text in `style`; tabs and newlines act as spaces, other control characters are dropped.
    mutating func append(_ text: String, style: Style) {
        var text = DisplayWidth.printable(text)
        text.withUTF8 { bytes in
            var wordStart = 0
            var isASCII = true
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") {
                    appendToWord(UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), isASCII: isASCII, style: style)
                    endWord()
                    if !line.isEmpty { pendingSpace = style }
                    wordStart = index + 1
                    isASCII = true
                } else if byte >= 0x80 {
                    isASCII = false
                }
            }
            appendToWord(UnsafeBufferPointer(rebasing: bytes[wordStart...]), isASCII: isASCII, style: style)
        }
    }

    /// Ends the current line even if it is empty (a Markdown hard line break).
    mutating func breakLine() {
        endWord()
        endLine()
    }

    /// The wrapped lines, ending any line in progress.
    mutating func finish() -> [StyledLine] {
        endWord()
        if !line.isEmpty { endLine() }
        return lines
    }

    private mutating func appendToWord(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool, style: Style) {
        guard !utf8.isEmpty else { return }
        let piece = String(decoding: utf8, as: UTF8.self)
        Self.append(piece, style: style, to: &word)
        // The text is already free of control characters, so ASCII is one column per byte.
        wordWidth += isASCII ? utf8.count : DisplayWidth.of(piece)
    }

    private mutating func endWord() {
        guard !word.isEmpty else { return }
        defer { word.removeAll(keepingCapacity: true); wordWidth = 0 }
        if !line.isEmpty {
            if lineWidth + 1 + wordWidth <= width {
                Self.append(" ", style: pendingSpace ?? Style.plain, to: &line)
                lineWidth += 1
            } else {
                endLine()
            }
        }
        pendingSpace = nil
        if lineWidth + wordWidth <= width {
            for span in word { Self.append(span.text, style: span.style, to: &line) }
            lineWidth += wordWidth
        } else {
            appendBrokenWord()
        }
    }

    /// Places an overlong word over several lines, cut after a `/` where one fits (see
    /// ``LineBreak``) so a path splits between its folders, else between characters.
    private mutating func appendBrokenWord() {
        var rest = word.flatMap { span in span.text.map { (character: $0, style: span.style) } }[...]
        while !rest.isEmpty {
            var count = LineBreak.count(rest.map(\.character), room: width - lineWidth, preferringAfter: ["/"])
            if count == 0 {
                if !line.isEmpty { endLine(); continue }
                count = 1  // a character wider than the whole line goes on a line of its own
            }
            for (character, style) in rest.prefix(count) {
                Self.append(String(character), style: style, to: &line)
                lineWidth += DisplayWidth.of(character)
            }
            rest = rest.dropFirst(count)
            if !rest.isEmpty { endLine() }
        }
    }

    private mutating func endLine() {
        lines.append(StyledLine(line))
        line = []
        lineWidth = 0
        pendingSpace = nil
    }

    /// Appends text, extending the last span when the style matches so lines stay compact.
    private static func append(_ text: String, style: Style, to spans: inout [Span]) {
        if let last = spans.indices.last, spans[last].style == style {
            spans[last].text += text
        } else {
            spans.append(Span(text, style: style))
        }
    }
}

/// Where to cut text that does not fit on a line, preferring to cut after a chosen character:
/// after a `/`, so a long path breaks between folders and each piece is a whole folder name;
/// after a space in code, so a wrapped code line breaks between words.
enum LineBreak {
    /// How many of `characters` go on a line with `room` columns left: all of them when they fit,
    /// else up to the last of `breakers` that fits and follows something else on the line, else
    /// as many as fit (zero when not even the first does).
    static func count<Characters: Collection<Character>>(
        _ characters: Characters, room: Int,
        preferringAfter breakers: Set<Character>
    ) -> Int {
        var used = 0, fitting = 0, afterBreaker = 0, sawOther = false
        for character in characters {
            used += DisplayWidth.of(character)
            if used > room { return afterBreaker > 0 ? afterBreaker : fitting }
            fitting += 1
            if breakers.contains(character) {
                if sawOther { afterBreaker = fitting }
            } else {
                sawOther = true
            }
        }
        return fitting
    }

    /// `path` in lines of at most `width` columns, cut after a `/` where possible.
    static func pathLines(_ path: String, width: Int) -> [String] {
        StyledLine(path).pieces(of: width, preferringAfter: ["/"]).map(\.plainText)
    }
}
