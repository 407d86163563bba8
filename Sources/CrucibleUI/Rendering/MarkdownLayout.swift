import CrucibleEngine

/// Lays out a Markdown document as styled, word-wrapped terminal lines.
public enum MarkdownLayout {
    /// The lines that show `document` in `width` columns.
    ///
    /// Blocks are separated by one blank line (so a bold, underlined H1 is
    /// always followed by one); tight list items are not. Lines fit in `width`
    /// except when nesting leaves less than one column for text, a table has
    /// more columns than fit at one character each, or a single character is
    /// wider than the room left. Long code lines wrap with a `↪` mark (see
    /// ``SyntaxHighlighter/block(for:language:width:theme:)``), so no code is hidden.
    public static func lines(for document: MarkdownDocument, width: Int, theme: Theme = .standard) -> [StyledLine] {
        MarkdownRenderer(theme: theme).lines(for: document.blocks, width: max(1, width), tight: false)
    }
}

/// The recursive worker behind `MarkdownLayout`; each block is laid out at the
/// width left after its container's prefix, then the container adds the prefix.
struct MarkdownRenderer {
    let theme: Theme
    static let bullet = "• "
    static let quotePrefix = "│ "

    func lines(for blocks: [MarkdownBlock], width: Int, tight: Bool) -> [StyledLine] {
        var result: [StyledLine] = []
        for block in blocks {
            let blockLines = lines(for: block, width: width)
            if blockLines.isEmpty { continue }
            if !result.isEmpty && !tight { result.append(StyledLine()) }
            result += blockLines
        }
        return result
    }

    func lines(for block: MarkdownBlock, width: Int) -> [StyledLine] {
        switch block {
        case .heading(let level, let inlines):
            return wrap(inlines, width: width, style: theme.heading(level: level))
        case .paragraph(let inlines):
            return wrap(inlines, width: width, style: theme.text)
        case .list(let ordered, let start, let tight, let items):
            return list(ordered: ordered, start: start, tight: tight, items: items, width: width)
        case .blockQuote(let children):
            let bar = Span(Self.quotePrefix, style: theme.quoteBar)
            let inner = lines(for: children, width: max(1, width - 2), tight: false)
            return inner.map { line in
                line.spans.isEmpty
                    ? StyledLine("│", style: theme.quoteBar)
                    : line.restyled(under: theme.quoteText).prefixed(by: bar)
            }
        case .codeBlock(let language, let code):
            return SyntaxHighlighter.block(for: code, language: language, width: width, theme: theme)
        case .thematicBreak:
            return [StyledLine(String(repeating: "─", count: width), style: theme.rule)]
        case .table(let alignments, let header, let rows):
            return TableLayout(theme: theme, renderer: self)
                .lines(alignments: alignments, header: header, rows: rows, width: width)
        case .htmlBlock(let html):
            // Comments are notes for lesson authors, not for readers.
            if html.hasPrefix("<!--") { return [] }
            var rawLines = html.split(separator: "\n", omittingEmptySubsequences: false)
            if rawLines.last?.isEmpty == true { rawLines.removeLast() }
            return rawLines.map { StyledLine(DisplayWidth.printable(String($0)), style: theme.html).clipped(to: width) }
        }
    }

    /// Word-wraps inline content to `width`, every span layered over `style`.
    func wrap(_ inlines: [MarkdownInline], width: Int, style: Style) -> [StyledLine] {
        var wrapper = TextWrapper(width: width)
        append(inlines, style: style, to: &wrapper)
        return wrapper.finish()
    }

    private func append(_ inlines: [MarkdownInline], style: Style, to wrapper: inout TextWrapper) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                wrapper.append(text, style: style)
            case .emphasis(let children):
                append(children, style: style.layered(with: theme.emphasis), to: &wrapper)
            case .strong(let children):
                append(children, style: style.layered(with: theme.strong), to: &wrapper)
            case .strikethrough(let children):
                append(children, style: style.layered(with: theme.strikethrough), to: &wrapper)
            case .code(let code):
                wrapper.append(code, style: style.layered(with: theme.inlineCode))
            case .link(let destination, let children):
                append(children, style: style.layered(with: theme.link), to: &wrapper)
                let text = children.plainText
                if destination != text && destination != "mailto:" + text && !destination.isEmpty {
                    wrapper.append(" (\(destination))", style: style.layered(with: theme.linkDestination))
                }
            case .image(let destination, let alt):
                let label = alt.isEmpty ? "[image]" : "[image: \(alt)]"
                wrapper.append(label, style: style.layered(with: theme.image))
                if !destination.isEmpty {
                    wrapper.append(" (\(destination))", style: style.layered(with: theme.linkDestination))
                }
            case .html(let html):
                wrapper.append(html, style: style.layered(with: theme.html))
            case .softBreak:
                wrapper.append(" ", style: style)
            case .lineBreak:
                wrapper.breakLine()
            }
        }
    }

    /// A list with a hanging indent: markers in a column, item text aligned after them.
    private func list(ordered: Bool, start: Int, tight: Bool, items: [[MarkdownBlock]], width: Int) -> [StyledLine] {
        let markers: [String]
        if ordered {
            let numbers = items.indices.map { "\(start + $0)." }
            let widest = numbers.map(\.count).max() ?? 0
            markers = numbers.map { String(repeating: " ", count: widest - $0.count) + $0 + " " }
        } else {
            markers = Array(repeating: Self.bullet, count: items.count)
        }
        let markerWidth = markers.first?.count ?? 0
        let indent = Span(String(repeating: " ", count: markerWidth))
        var result: [StyledLine] = []
        for (item, marker) in zip(items, markers) {
            if !result.isEmpty && !tight { result.append(StyledLine()) }
            let content = lines(for: item, width: max(1, width - markerWidth), tight: tight)
            result.append((content.first ?? StyledLine()).prefixed(by: Span(marker, style: theme.listMarker)))
            for line in content.dropFirst() {
                result.append(line.spans.isEmpty ? line : line.prefixed(by: indent))
            }
        }
        return result
    }
}
