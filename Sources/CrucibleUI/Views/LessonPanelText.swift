import CrucibleEngine

/// Small layout helpers the lesson panels share.
enum PanelText {
    /// `text` word-wrapped to `width` in `style`, taken literally (no Markdown).
    static func wrap(_ text: String, width: Int, style: Style = .plain, theme: Theme) -> [StyledLine] {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        return paragraphs.flatMap { paragraph -> [StyledLine] in
            let document = MarkdownDocument(blocks: [.paragraph([.text(String(paragraph))])])
            let lines = MarkdownLayout.lines(for: document, width: width, theme: theme).map { $0.restyled(under: style) }
            return lines.isEmpty ? [StyledLine()] : lines
        }
    }

    /// `markdown` laid out like a lesson body.
    static func markdown(_ markdown: String, width: Int, theme: Theme) -> [StyledLine] {
        MarkdownLayout.lines(for: MarkdownDocument.parse(markdown), width: width, theme: theme)
    }

    /// A file's full path on lines of its own, indented; a path too long for `width` breaks
    /// only after a `/` (inside a name only when one name alone is too long), never mid-word.
    static func path(_ path: String, width: Int, indent: Int = 2, style: Style = .plain) -> [StyledLine] {
        let pad = String(repeating: " ", count: indent)
        return LineBreak.pathLines(DisplayWidth.printable(path), width: max(1, width - indent)).map { StyledLine(pad + $0, style: style) }
    }

    /// Program output, line by line, with long lines broken at `width` columns rather than
    /// at spaces, so that columns of output stay as the program printed them.
    static func output(_ text: String, width: Int, indent: Int = 2, style: Style = .plain) -> [StyledLine] {
        let room = max(1, width - indent), pad = String(repeating: " ", count: indent)
        var lines: [StyledLine] = []
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var piece = "", used = 0
            for character in DisplayWidth.printable(String(raw)) {
                let characterWidth = DisplayWidth.of(character)
                if used + characterWidth > room {
                    lines.append(StyledLine(pad + piece, style: style))
                    piece = ""
                    used = 0
                }
                piece.append(character)
                used += characterWidth
            }
            lines.append(StyledLine(pad + piece, style: style))
        }
        return lines
    }
}
