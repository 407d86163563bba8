import CrucibleEngine

/// A bordered box drawn over whatever is beneath it.
enum Box {
    /// Clears `rect`, draws a rounded border with `title` in the top edge, and returns the area inside.
    @discardableResult
    static func draw(_ rect: Rect, title: String, into grid: inout CellGrid) -> Rect {
        grid.fill(rect)
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        let horizontal = String(repeating: "─", count: max(0, rect.width - 2))
        grid.put("╭" + horizontal + "╮", x: rect.x, y: rect.y, style: Chrome.border)
        grid.put("╰" + horizontal + "╯", x: rect.x, y: bottom, style: Chrome.border)
        for y in (rect.y + 1)..<max(rect.y + 1, bottom) {
            grid.put("│", x: rect.x, y: y, style: Chrome.border)
            grid.put("│", x: right, y: y, style: Chrome.border)
        }
        let heading = StyledLine(" " + title + " ", style: Chrome.boxTitle).clipped(to: rect.width - 4, ellipsisStyle: Chrome.boxTitle)
        grid.put(heading, x: rect.x + 2, y: rect.y)
        return Rect(x: rect.x + 2, y: rect.y + 1, width: max(0, rect.width - 4), height: max(0, rect.height - 2))
    }

    /// A `width` x `height` rectangle centred in the content area of `size`, shrunk to fit it.
    static func centered(width: Int, height: Int, in size: TerminalSize) -> Rect {
        let width = min(width, size.width - 2), height = min(height, size.contentHeight)
        return Rect(x: (size.width - width) / 2, y: 1 + (size.contentHeight - height) / 2, width: width, height: height)
    }
}

/// The course's welcome text, shown on launch until a key is pressed.
enum WelcomeBox {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let width = min(68, state.size.width - 2)
        let document = MarkdownDocument(
            blocks: [.paragraph([.strong([.text(state.course.title)])])]
                + MarkdownDocument.parse(state.course.welcome).blocks)
        var lines = MarkdownLayout.lines(for: document, width: width - 4, theme: state.theme)
        lines += [StyledLine()] + keyLines + [StyledLine(), StyledLine([Span("Press any key to start", style: Chrome.dim)])]
        // Padding rows above and below the text, inside the border.
        let rect = Box.centered(width: width, height: lines.count + 4, in: state.size)
        let inner = Box.draw(rect, title: "Welcome", into: &grid)
        grid.put(lines, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2))
    }
}

extension WelcomeBox {
    /// The handful of keys that matter, on the welcome box.
    static let keyLines: [StyledLine] = [
        ("↑↓ Enter", "move, open a lesson"), ("/", "find a lesson"), ("s", "your stats"), ("?", "every key"), ("q", "quit"),
    ].map { keys, help in
        StyledLine([Span(keys.padding(toLength: 10, withPad: " ", startingAt: 0), style: Chrome.key), Span(help)])
    }
}

/// A message for the learner (a progress file moved aside, a save that failed) in a box.
enum MessageBox {
    static func draw(_ text: String, state: AppState, into grid: inout CellGrid) {
        let width = min(72, state.size.width - 2)
        var lines = MarkdownLayout.lines(
            for: MarkdownDocument(blocks: text.components(separatedBy: "\n\n").map { .paragraph([.text($0)]) }),
            width: width - 4, theme: state.theme)
        lines += [StyledLine(), StyledLine([Span("Press any key to close", style: Chrome.dim)])]
        let rect = Box.centered(width: width, height: lines.count + 4, in: state.size)
        let inner = Box.draw(rect, title: "Note", into: &grid)
        grid.put(lines, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2))
    }
}

/// "Trust this course and run its checks?": what the course is and runs, and the two answers.
enum TrustQuestionBox {
    static func draw(state: AppState, into grid: inout CellGrid) {
        let width = min(76, state.size.width - 2)
        var lines: [StyledLine] = []
        for text in state.untrusted?.lines ?? [] {
            let indent = text.prefix { $0 == " " }.count
            var wrapper = TextWrapper(width: max(10, width - 4 - indent - 2))
            wrapper.append(text, style: Style())
            lines += wrapper.finish().enumerated().map { index, line in
                StyledLine([Span(String(repeating: " ", count: index == 0 ? indent : indent + 2))] + line.spans)
            }
        }
        lines += [
            StyledLine(), StyledLine([Span("Trust this course and run its checks?", style: Style(bold: true))]),
            StyledLine([
                Span("y", style: Chrome.key), Span(" trust and check · "), Span("n/Esc", style: Chrome.key), Span(" cancel"),
            ]),
        ]
        let rect = Box.centered(width: width, height: lines.count + 4, in: state.size)
        let inner = Box.draw(rect, title: "Trust this course?", into: &grid)
        grid.put(
            lines.map { $0.clipped(to: inner.width) }, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2))
    }
}

/// Every key of the screen beneath, with what it does.
enum HelpOverlay {
    static func draw(for screen: Screen, state: AppState, into grid: inout CellGrid) {
        let bindings = Keymap.bindings(for: screen)
        let keysWidth = bindings.map { DisplayWidth.of($0.keysLabel) }.max() ?? 0
        let lines = bindings.map { binding in
            // The theme key says which theme is on, so the learner knows what `t` will do.
            let help = binding.command == .toggleTheme ? binding.help + " (now \(state.theme.name))" : binding.help
            return StyledLine([
                Span(binding.keysLabel.padding(toLength: keysWidth + 2, withPad: " ", startingAt: 0), style: Chrome.key),
                Span(help),
            ])
        }
        let textWidth = lines.map(\.displayWidth).max() ?? 0
        let rect = Box.centered(width: textWidth + 4, height: lines.count + 4, in: state.size)
        let inner = Box.draw(rect, title: "Keys: " + name(of: screen), into: &grid)
        let area = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        grid.put(lines.map { $0.clipped(to: area.width) }, in: area)
    }

    static func name(of screen: Screen) -> String {
        switch screen {
        case .courseMap: "course map"
        case .lesson(let screen): LessonKeys.name(of: screen)
        case .welcome: "welcome"
        case .help: "help"
        case .stats: "stats"
        case .scoreboard: "scoreboard"
        case .search: "find a lesson"
        case .message: "message"
        case .trustQuestion: "trust this course?"
        }
    }
}
