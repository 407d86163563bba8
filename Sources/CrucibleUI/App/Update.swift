import CrucibleEngine

/// The Elm-style core of the full-screen UI: `update` changes the state and
/// returns effects for the run loop; `view` draws the state into a grid.
public enum App {
    /// Applies `action` to `state` and returns the I/O the run loop must do.
    ///
    /// Pure apart from `state`: no file or terminal access, so tests call it directly.
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .input(.key(let key)):
            if let command = Keymap.command(for: key, on: state.top) { return perform(command, on: &state) }
            // The welcome box goes away on any key.
            if state.top == .welcome { return perform(.dismiss, on: &state) }
            return []
        case .input(.mouse(let event)):
            return handle(event, on: &state)
        case .input(.resize(let width, let height)):
            state.size = TerminalSize(width: width, height: height)
            relayoutLessons(&state)
            state.mapScroll = state.map.scroll(showing: state.selection, from: state.mapScroll, height: state.size.contentHeight)
            return []
        case .command(let command):
            return perform(command, on: &state)
        case .lessonLoaded(let id, let result):
            let snapshot = state
            updateLessonScreens(&state) { screen in
                guard screen.lessonID == id, screen.content == .loading else { return }
                switch result {
                case .success(let source): screen.content = layout(source, lessonID: id, in: snapshot)
                case .failure(let failure): screen.content = .failed(failure.message)
                }
            }
            return []
        }
    }

    /// The whole screen for `state`. Never changes the state.
    public static func view(_ state: AppState) -> CellGrid {
        AppView.render(state)
    }

    // MARK: - Commands

    static func perform(_ command: Command, on state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            return [.quit]
        case .help:
            if state.top == .help { state.screens.removeLast() } else { state.screens.append(.help) }
        case .dismiss:
            if state.top.isOverlay { state.screens.removeLast() }
        case .back:
            if case .lesson = state.top { state.screens.removeLast() }
        case .open:
            guard state.top == .courseMap, state.lessons.indices.contains(state.selection) else { return [] }
            let id = state.lessons[state.selection].id
            state.screens.append(.lesson(LessonScreen(lessonID: id)))
            return [.loadLessonBody(lessonID: id)]
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            move(command, on: &state)
        }
        return []
    }

    /// Moves the map selection, or scrolls the open lesson.
    static func move(_ command: Command, on state: inout AppState) {
        let page = max(1, state.size.contentHeight - 1)
        switch state.top {
        case .courseMap:
            guard !state.lessons.isEmpty else { return }
            let last = state.lessons.count - 1
            let target = switch command {
            case .up: state.selection - 1
            case .down: state.selection + 1
            case .pageUp: state.selection - page
            case .pageDown: state.selection + page
            case .top: 0
            default: last
            }
            state.selection = min(max(target, 0), last)
            state.mapScroll = state.map.scroll(showing: state.selection, from: state.mapScroll, height: state.size.contentHeight)
        case .lesson(var screen):
            let target = switch command {
            case .up: screen.scroll - 1
            case .down: screen.scroll + 1
            case .pageUp: screen.scroll - page
            case .pageDown: screen.scroll + page
            case .top: 0
            default: Int.max
            }
            screen.scroll = clampedScroll(target, lines: screen.lines.count, in: state)
            state.screens[state.screens.count - 1] = .lesson(screen)
        case .welcome, .help:
            break
        }
    }

    // MARK: - Mouse

    /// Lines the wheel scrolls a lesson per notch.
    static let wheelLines = 3

    static func handle(_ event: MouseEvent, on state: inout AppState) -> [Effect] {
        switch (state.top, event) {
        case (.welcome, .press):
            return perform(.dismiss, on: &state)
        case (.courseMap, .wheelUp), (.lesson, .wheelUp):
            for _ in 0..<(state.top == .courseMap ? 1 : wheelLines) { move(.up, on: &state) }
        case (.courseMap, .wheelDown), (.lesson, .wheelDown):
            for _ in 0..<(state.top == .courseMap ? 1 : wheelLines) { move(.down, on: &state) }
        case (.courseMap, .press(_, let y)):
            // Row 0 is the top bar; a press on a lesson selects it, a second press opens it.
            let row = state.mapScroll + y - 1
            guard y >= 1, state.map.rows.indices.contains(row), case .lesson(let index) = state.map.rows[row] else { return [] }
            if index == state.selection { return perform(.open, on: &state) }
            state.selection = index
        default:
            break
        }
        return []
    }

    // MARK: - Lesson layout

    /// Lays out `source` at the lesson screen's text width for the current size.
    static func layout(_ source: LessonSource, lessonID: String, in state: AppState) -> LessonContent {
        guard let lesson = state.lesson(withID: lessonID) else { return .failed("no lesson has the id `\(lessonID)`") }
        let width = LessonView.textWidth(for: state.size)
        let lines = LessonText.lines(for: lesson, body: source.body, program: source.program, width: width, theme: state.theme)
        return .loaded(source, lines: lines, width: width)
    }

    /// Lays out open lessons again after a resize, keeping each scroll position in range.
    static func relayoutLessons(_ state: inout AppState) {
        let width = LessonView.textWidth(for: state.size)
        let snapshot = state
        updateLessonScreens(&state) { screen in
            if case .loaded(let source, _, let laidOutWidth) = screen.content, laidOutWidth != width {
                screen.content = layout(source, lessonID: screen.lessonID, in: snapshot)
            }
            screen.scroll = clampedScroll(screen.scroll, lines: screen.lines.count, in: snapshot)
        }
    }

    static func clampedScroll(_ scroll: Int, lines: Int, in state: AppState) -> Int {
        max(0, min(scroll, lines - state.size.contentHeight))
    }

    /// Applies `change` to every lesson screen on the stack.
    static func updateLessonScreens(_ state: inout AppState, _ change: (inout LessonScreen) -> Void) {
        for index in state.screens.indices {
            guard case .lesson(var screen) = state.screens[index] else { continue }
            change(&screen)
            state.screens[index] = .lesson(screen)
        }
    }
}
