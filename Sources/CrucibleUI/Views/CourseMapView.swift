/// The course map: each track with its title and summary, then its lessons, one selected.
enum CourseMapView {
    /// Placeholder status mark until progress exists: not started.
    static let notStarted = "○"
    /// Columns the lesson kind takes, enough for the longest ("predict").
    static let kindWidth = 8

    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let theme = state.theme
        let width = grid.width
        let rows = state.map.rows
        for screenRow in 0..<state.size.contentHeight {
            let index = state.mapScroll + screenRow
            guard index < rows.count else { break }
            let y = 1 + screenRow
            switch rows[index] {
            case .blank:
                break
            case .trackTitle(let track):
                put(state.course.tracks[track].title, x: 1, y: y, style: theme.heading2, into: &grid)
            case .trackSummary(let track):
                put(state.course.tracks[track].summary, x: 3, y: y, style: theme.quoteBar, into: &grid)
            case .noLessons:
                put("(no lessons yet)", x: 3, y: y, style: Chrome.dim, into: &grid)
            case .lesson(let lessonIndex):
                let lesson = state.lessons[lessonIndex]
                let selected = lessonIndex == state.selection
                let base = selected ? Chrome.selection : Style.plain
                if selected { grid.fill(Rect(x: 0, y: y, width: width, height: 1), style: base) }
                let kind = lesson.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0)
                let line = StyledLine([
                    Span(selected ? " › " : "   ", style: base.layered(with: Style(bold: true))),
                    Span(notStarted + " ", style: base.layered(with: Chrome.dim)),
                    Span(kind, style: base.layered(with: theme.quoteBar)),
                    Span(DisplayWidth.printable(lesson.title), style: base.layered(with: Style(bold: selected))),
                ])
                grid.put(line.clipped(to: width - 1, ellipsisStyle: base), x: 0, y: y)
            }
        }
    }

    /// "lesson 2 of 4", for the bottom bar.
    static func status(_ state: AppState) -> String {
        state.lessons.isEmpty ? "no lessons" : "lesson \(state.selection + 1) of \(state.lessons.count)"
    }

    /// One line of `text` (newlines become spaces) from column `x`, ending in `…` when cut.
    private static func put(_ text: String, x: Int, y: Int, style: Style, into grid: inout CellGrid) {
        let line = StyledLine(DisplayWidth.printable(text), style: style)
        grid.put(line.clipped(to: grid.width - x - 1, ellipsisStyle: style), x: x, y: y)
    }
}

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
            grid.put(DisplayWidth.printable(message), x: area.x, y: area.y + 2, maxWidth: area.width)
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
