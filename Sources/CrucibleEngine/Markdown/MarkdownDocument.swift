/// A parsed Markdown document as plain Swift values, independent of cmark.
///
/// Produced by `MarkdownDocument.parse(_:)`; consumed by the UI layout code.
public struct MarkdownDocument: Sendable, Equatable {
    /// The top-level blocks, in document order.
    public var blocks: [MarkdownBlock]

    public init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }
}

/// A block-level Markdown element.
public indirect enum MarkdownBlock: Sendable, Equatable {
    /// How a table column is aligned, from the `:---:` delimiter row.
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    /// An ATX or setext heading; `level` is 1...6.
    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    /// A bullet or ordered list; each item is a list of blocks.
    case list(ordered: Bool, start: Int, tight: Bool, items: [[MarkdownBlock]])
    case blockQuote([MarkdownBlock])
    /// A fenced or indented code block; `language` is the first word of the info string.
    case codeBlock(language: String, code: String)
    case thematicBreak
    /// A GFM table; every row has one cell per column.
    case table(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case htmlBlock(String)
}

/// An inline Markdown element inside a paragraph, heading or table cell.
public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case code(String)
    case link(destination: String, [MarkdownInline])
    case image(destination: String, alt: String)
    case strikethrough([MarkdownInline])
    case softBreak
    case lineBreak
    case html(String)
}

extension MarkdownInline {
    /// The text a reader sees, with styling dropped (breaks become spaces).
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text), .html(let text): text
        case .emphasis(let children), .strong(let children), .strikethrough(let children),
            .link(_, let children):
            children.plainText
        case .image(_, let alt): alt
        case .softBreak, .lineBreak: " "
        }
    }
}

extension Array where Element == MarkdownInline {
    /// The concatenated plain text of these inlines.
    public var plainText: String {
        map(\.plainText).joined()
    }
}
