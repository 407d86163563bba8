import CrucibleEngine

/// The course map: the game header, then each track with its title, progress bar and summary,
/// then its lessons with their status marks, one selected; below them the introduction of the
/// selected lesson's track, when it has one (see ``AppState/mapIntroduction``).
enum CourseMapView {
    /// Columns the lesson kind takes, enough for the longest ("predict").
    static let kindWidth = 8
    /// Cells of a track's progress bar.
    static let trackBarWidth = 10

    static func draw(_ state: AppState, into grid: inout CellGrid) {
        HeaderView.draw(state, y: 1, into: &grid)
        let theme = state.theme
        let rows = state.map.rows
        let top = 1 + AppState.mapHeaderHeight
        for screenRow in 0..<state.mapHeight {
            let index = state.mapScroll + screenRow
            guard index < rows.count else { break }
            let y = top + screenRow
            switch rows[index] {
            case .blank:
                break
            case .trackTitle(let track):
                drawTrackTitle(state.course.tracks[track], state: state, y: y, into: &grid)
            case .trackSummary(let track):
                put(state.course.tracks[track].summary, x: 3, y: y, style: theme.quoteBar, into: &grid)
            case .noLessons:
                put("(no lessons yet)", x: 3, y: y, style: Chrome.dim, into: &grid)
            case .lesson(let lessonIndex):
                drawLesson(lessonIndex, selected: lessonIndex == state.selection, note: nil, state: state, y: y, into: &grid)
            }
        }
        let introduction = state.mapIntroduction
        for (offset, line) in introduction.enumerated() {
            grid.put(line, x: offset == 0 ? 0 : 2, y: top + state.mapHeight + offset)
        }
    }

    /// The track's title, and flush right its bar of passed lessons when there is room.
    static func drawTrackTitle(_ track: Track, state: AppState, y: Int, into grid: inout CellGrid) {
        let passed = state.passedCount(in: track)
        let count = " \(passed)/\(track.lessons.count)"
        let barWidth = trackBarWidth + DisplayWidth.of(count)
        let titleRoom = grid.width - 2 - (track.lessons.isEmpty ? 0 : barWidth + 2)
        let title = StyledLine(DisplayWidth.printable(track.title), style: state.theme.heading2)
        if track.lessons.isEmpty || titleRoom < 12 {
            grid.put(title.clipped(to: grid.width - 2, ellipsisStyle: state.theme.heading2), x: 1, y: y)
            return
        }
        grid.put(title.clipped(to: titleRoom, ellipsisStyle: state.theme.heading2), x: 1, y: y)
        let bar = StyledLine(ProgressBar.spans(passed, of: track.lessons.count, width: trackBarWidth) + [Span(count, style: Chrome.dim)])
        grid.put(bar, x: grid.width - 1 - barWidth, y: y)
    }

    /// One lesson row: cursor, status mark, kind, title, then the "continue" mark or missing tools, and `note`.
    static func drawLesson(_ index: Int, selected: Bool, note: String?, state: AppState, y: Int, into grid: inout CellGrid) {
        let lesson = state.lessons[index]
        let base = selected ? Chrome.selection : Style.plain
        if selected { grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: base) }
        let mark = state.game.mark(for: lesson.id)
        let kind = lesson.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0)
        var spans = [
            Span(selected ? " › " : "   ", style: base.layered(with: Style(bold: true))),
            Span(mark.symbol + " ", style: base.layered(with: style(of: mark))),
            Span(kind, style: base.layered(with: state.theme.quoteBar)),
            Span(DisplayWidth.printable(lesson.title), style: base.layered(with: Style(bold: selected))),
        ]
        if lesson.id == state.game.resumeLessonID {
            spans.append(Span("  ◀ continue", style: base.layered(with: Chrome.key)))
        }
        if mark == .needsTool, let problem = state.game.toolProblem(for: lesson.id) {
            spans.append(Span("  " + problem, style: base.layered(with: Chrome.error)))
        }
        if let note { spans.append(Span("  " + DisplayWidth.printable(note), style: base.layered(with: Chrome.dim))) }
        grid.put(StyledLine(spans).clipped(to: grid.width - 1, ellipsisStyle: base), x: 0, y: y)
    }

    /// How a status mark is coloured.
    static func style(of mark: LessonMark) -> Style {
        switch mark {
        case .notStarted, .skipped: Chrome.dim
        case .inProgress: Style(foreground: .yellow)
        case .passed: Style(foreground: .green, bold: true)
        case .updated: Style(foreground: .cyan, bold: true)
        case .needsTool: Chrome.error
        }
    }

    /// "passed · lesson 2 of 4", for the bottom bar: the selected lesson's status in words and where it is,
    /// or only where it is when the longer form would not fit beside the key hints.
    static func status(_ state: AppState) -> String {
        guard state.lessons.indices.contains(state.selection) else { return "no lessons" }
        let mark = state.game.mark(for: state.lessons[state.selection].id)
        let short = "lesson \(state.selection + 1) of \(state.lessons.count)"
        let long = "\(mark.label) · " + short
        let hints = Keymap.bindings(for: state.top).compactMap(\.bar).reduce(0) { $0 + $1.barWidth }
        return hints + DisplayWidth.of(long) + 2 <= state.size.width ? long : short
    }

    /// One line of `text` (newlines become spaces) from column `x`, ending in `…` when cut.
    private static func put(_ text: String, x: Int, y: Int, style: Style, into grid: inout CellGrid) {
        let line = StyledLine(DisplayWidth.printable(text), style: style)
        grid.put(line.clipped(to: grid.width - x - 1, ellipsisStyle: style), x: x, y: y)
    }
}
