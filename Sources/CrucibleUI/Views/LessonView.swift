import CrucibleEngine

/// An open lesson: its laid-out text, scrolled.
public enum LessonView {
    /// Columns the lesson text is laid out for: the terminal less a margin, at most 100 for readability.
    public static func textWidth(for size: TerminalSize) -> Int {
        max(20, min(size.width - 4, 100))
    }

    static func draw(_ screen: LessonScreen, state: AppState, into grid: inout CellGrid) {
        let area = Rect(x: 2, y: 1, width: textWidth(for: state.size), height: state.size.contentHeight)
        switch screen.content {
        case .loading:
            grid.put("Loading…", x: area.x, y: area.y + 1, style: Chrome.dim)
        case .failed(let message):
            grid.put("Cannot open this lesson:", x: area.x, y: area.y + 1, style: Chrome.error, maxWidth: area.width)
            // One paragraph per line of the message (diagnostics are one per line), wrapped to the width.
            let paragraphs = message.split(separator: "\n", omittingEmptySubsequences: false).map {
                MarkdownBlock.paragraph([.text(String($0))])
            }
            let lines = paragraphs.flatMap {
                MarkdownLayout.lines(for: MarkdownDocument(blocks: [$0]), width: area.width, theme: state.theme)
            }
            grid.put(lines, in: Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2)), scroll: 0)
        case .loaded(_, let lines, _):
            grid.put(lines, in: area, scroll: screen.scroll)
        }
    }

    /// "lines 1-22 of 80", for the bottom bar.
    static func status(_ screen: LessonScreen, state: AppState) -> String {
        let total = screen.lines.count
        guard total > 0 else { return "" }
        let last = min(total, screen.scroll + state.size.contentHeight)
        return "lines \(screen.scroll + 1)-\(last) of \(total)"
    }
}
