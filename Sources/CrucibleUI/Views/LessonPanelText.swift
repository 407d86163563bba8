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
    /// at spaces, so that columns of output stay as the program printed them. A continuation
    /// starts with `↪` in the indent (where output has nothing), so a broken line never reads
    /// as two lines the program printed; with no room for the mark (indent under 2) it has none.
    static func output(
        _ text: String, width: Int, indent: Int = 2, style: Style = .plain,
        theme: Theme = .standard
    ) -> [StyledLine] {
        let room = max(1, width - indent)
        let pad = Span(String(repeating: " ", count: indent))
        let mark = indent >= 2 ? Span(String(repeating: " ", count: indent - 2) + "↪ ", style: theme.codeWrapMark) : pad
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { raw -> [StyledLine] in
            StyledLine(DisplayWidth.printable(String(raw)), style: style).pieces(of: room).enumerated().map { index, piece in
                piece.prefixed(by: index == 0 ? pad : mark)
            }
        }
    }
}
