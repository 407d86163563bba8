/// Draws the whole app: the base screen, its overlays, and the bars.
///
/// Like every view, it reads the state and writes only into the grid it returns.
enum AppView {
    static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        if state.size.isTooSmall {
            TooSmallView.draw(state.size, into: &grid)
            return grid
        }
        let status: String
        switch state.base {
        case .lesson(let screen):
            LessonScreenView.draw(screen, state: state, into: &grid)
            status = LessonScreenView.status(screen, state: state)
        case .stats(let scroll):
            status = StatsView.draw(scroll, state: state, into: &grid)
        case .scoreboard(let scroll):
            status = ScoreboardView.draw(scroll, state: state, into: &grid)
        case .search(let search):
            SearchView.draw(search, state: state, into: &grid)
            status = SearchView.status(search)
        default:
            CourseMapView.draw(state, into: &grid)
            status = CourseMapView.status(state)
        }
        for (index, screen) in state.screens.enumerated() {
            switch screen {
            case .welcome:
                WelcomeBox.draw(state, into: &grid)
            case .help:
                // Help lists the keys of the screen it covers.
                HelpOverlay.draw(for: state.screens[max(0, index - 1)], state: state, into: &grid)
            case .message(let text):
                MessageBox.draw(text, state: state, into: &grid)
            case .trustQuestion:
                TrustQuestionBox.draw(state: state, into: &grid)
            case .courseMap, .lesson, .stats, .scoreboard, .search:
                break
            }
        }
        Bars.drawTop(title: state.course.title, into: &grid)
        Bars.drawBottom(Keymap.bindings(for: state.top), status: status, note: state.statusNote, into: &grid)
        if !state.theme.palette.isEmpty { grid.restyle(state.theme.drawn) }
        return grid
    }
}

/// Styles of the screen furniture (bars, selection, boxes), apart from the lesson theme.
enum Chrome {
    static let bar = Style(reverse: true)
    static let barKey = Style(bold: true, reverse: true)
    static let selection = Style(reverse: true)
    static let dim = Style(dim: true)
    static let border = Style(foreground: .cyan)
    static let boxTitle = Style(foreground: .cyan, bold: true)
    static let key = Style(foreground: .yellow, bold: true)
    static let error = Style(foreground: .red, bold: true)
}

/// The top bar (course title) and the bottom bar (main keys and a status).
enum Bars {
    static func drawTop(title: String, into grid: inout CellGrid) {
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), style: Chrome.bar)
        let line = StyledLine(" " + DisplayWidth.printable(title), style: Chrome.barKey)
        grid.put(line.clipped(to: grid.width - 1, ellipsisStyle: Chrome.barKey), x: 0, y: 0)
    }

    /// The bindings that have a bar hint, then `status` flush right when there is room.
    ///
    /// A `note` (what a key just did) takes the place of the status and always shows:
    /// the last hints give way to it, whole, since `?` lists every key anyway.
    static func drawBottom(_ bindings: [KeyBinding], status: String, note: String? = nil, into grid: inout CellGrid) {
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: Chrome.bar)
        let right = note ?? status
        let rightWidth = DisplayWidth.of(right) + 1
        var hints = bindings.compactMap(\.bar)
        if note != nil {
            while !hints.isEmpty, hints.reduce(0, { $0 + $1.barWidth }) + rightWidth + 1 > grid.width {
                hints.removeLast()
            }
        }
        var spans: [Span] = []
        for hint in hints {
            spans.append(Span(" " + hint.keys, style: Chrome.barKey))
            spans.append(Span(" " + hint.label + " ", style: Chrome.bar))
        }
        let used = grid.put(StyledLine(spans).clipped(to: grid.width, ellipsisStyle: Chrome.bar), x: 0, y: y)
        if used + rightWidth + 1 <= grid.width {
            grid.put(right, x: grid.width - rightWidth, y: y, style: note == nil ? Chrome.bar : Chrome.barKey)
        }
    }
}

extension BarHint {
    /// Columns the hint takes in the bottom bar: " keys label ".
    var barWidth: Int { DisplayWidth.of(keys + label) + 3 }
}

/// What is drawn instead of the screens when the terminal is below ``TerminalSize/minimum``.
enum TooSmallView {
    static func draw(_ size: TerminalSize, into grid: inout CellGrid) {
        let minimum = TerminalSize.minimum
        let message = "terminal too small: need \(minimum.width)x\(minimum.height), have \(size.width)x\(size.height)"
        // On one line when it fits, else split after the colon.
        let lines =
            DisplayWidth.of(message) <= size.width
            ? [message]
            : ["terminal too small:", "need \(minimum.width)x\(minimum.height),", "have \(size.width)x\(size.height)"]
        let top = max(0, (size.height - lines.count) / 2)
        for (row, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + row, style: Style(bold: true))
        }
    }
}
