import CCmarkGFM
import Synchronization

/// cmark-gfm adds its extensions' special characters (`~`, `|`) to a process-wide table when a
/// parse finishes and removes them after, so two parses at once can each see the table without
/// them and miss a strikethrough or a table: parses take turns. The app parses on one thread;
/// this keeps the engine safe for any caller (tests parse in parallel, and saw it happen).
private let parseTurn = Mutex(())

/// Registering the GFM extensions mutates cmark's global plugin list; a Swift
/// global is initialised exactly once, so parallel parses cannot race on it.
private let gfmExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

extension MarkdownDocument {
    /// Parses CommonMark plus the GFM table, strikethrough and autolink extensions.
    ///
    /// Never fails: any byte sequence is some Markdown document. Nesting deeper
    /// than `MarkdownTreeConverter.maxDepth` is flattened to text, so the value
    /// model (and recursion over it) stays shallow.
    public static func parse(_ text: String) -> MarkdownDocument {
        parseTurn.withLock { _ in parseAlone(text) }
    }

    private static func parseAlone(_ text: String) -> MarkdownDocument {
        _ = gfmExtensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            return MarkdownDocument(blocks: [])
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = text
        source.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownDocument(blocks: [])
        }
        defer { cmark_node_free(root) }
        return MarkdownDocument(blocks: MarkdownTreeConverter.blocks(childrenOf: root, depth: 0))
    }
}

/// Converts a cmark node tree into `MarkdownBlock`/`MarkdownInline` values.
enum MarkdownTreeConverter {
    /// Containers nested deeper than this become plain text, which bounds recursion.
    static let maxDepth = 64

    static func blocks(childrenOf node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    static func inlines(childrenOf node: OpaquePointer, depth: Int) -> [MarkdownInline] {
        children(of: node).compactMap { inline($0, depth: depth + 1) }
    }

    private static func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        if depth > maxDepth {
            return .paragraph([.text(flattenedText(of: node))])
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(
                level: Int(cmark_node_get_heading_level(node)),
                inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { blocks(childrenOf: $0, depth: depth + 1) }
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(childrenOf: node, depth: depth))
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            return .codeBlock(language: language, code: literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(literal(node))
        default:
            if typeName(node) == "table" {
                return table(node, depth: depth)
            }
            let text = flattenedText(of: node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
    }

    private static func table(_ node: OpaquePointer, depth: Int) -> MarkdownBlock {
        let columnCount = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [MarkdownBlock.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columnCount {
                switch raw[column] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        } else {
            alignments = Array(repeating: .none, count: columnCount)
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        for row in children(of: node) {
            var cells = children(of: row).map { inlines(childrenOf: $0, depth: depth + 1) }
            // cmark pads short rows and drops extra cells, but do not rely on it.
            cells = Array(cells.prefix(columnCount))
            cells += Array(repeating: [], count: columnCount - cells.count)
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return .table(alignments: alignments, header: header, rows: rows)
    }

    private static func inline(_ node: OpaquePointer, depth: Int) -> MarkdownInline? {
        if depth > maxDepth {
            return .text(flattenedText(of: node))
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis(inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(node)),
                inlines(childrenOf: node, depth: depth))
        case CMARK_NODE_IMAGE:
            return .image(
                destination: string(cmark_node_get_url(node)),
                alt: flattenedText(of: node))
        default:
            if typeName(node) == "strikethrough" {
                return .strikethrough(inlines(childrenOf: node, depth: depth))
            }
            let text = flattenedText(of: node)
            return text.isEmpty ? nil : .text(text)
        }
    }

    /// The text under `node`, gathered without recursion (so any depth is safe).
    static func flattenedText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
                continue
            }
            // Separate the text of consecutive blocks (block types have 0x8000, inlines 0xC000).
            if type.rawValue & 0xC000 == 0x8000, let last = text.last, last != " " {
                text += " "
            }
            text += literal(current)
        }
        return text
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
