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
            state.statusNote = nil
            if let command = Keymap.command(for: key, on: state.top) { return perform(command, on: &state) }
            if let effects = typeInLesson(key, on: &state) { return effects }
            // The welcome box and messages go away on any key.
            if state.top == .welcome { return perform(.dismiss, on: &state) }
            if case .message = state.top { return perform(.dismiss, on: &state) }
            if case .search = state.top { return typeInSearch(key, on: &state) }
            return []
        case .input(.mouse(let event)):
            return handle(event, on: &state)
        case .input(.resize(let width, let height)):
            state.size = TerminalSize(width: width, height: height)
            relayoutLessons(&state)
            // Anchored afresh rather than moved from the old scroll: a taller window shows the
            // map from its top (first track's heading included) as far as the selection allows.
            state.mapScroll = state.map.scroll(showing: state.selection, from: 0, height: state.mapHeight)
            relayoutMapScreens(&state)
            return []
        case .command(let command):
            return perform(command, on: &state)
        case .lessonLoaded(let id, let result):
            let snapshot = state
            updateLessonScreens(&state) { screen in
                guard screen.lessonID == id, screen.content == .loading else { return }
                switch result {
                case .success(let source):
                    screen.content = layout(source, lessonID: id, in: snapshot)
                    // A resumed lesson opens at its saved line, kept in range of the text as laid out now.
                    screen.scroll = clampedScroll(screen.scroll, lines: screen.lines.count, in: snapshot)
                case .failure(let failure): screen.content = .failed(failure.message)
                }
            }
            return []
        case .progressRecorded, .progressLoaded, .achievementsLoaded, .toolsProbed, .notice:
            if case .progressRecorded(let recorded, let events, _) = action { celebrate(recorded, events: events, on: &state) }
            return updateGame(action, on: &state)
        case .timer, .checkElapsed, .checkFinished, .workspacePrepared, .editorClosed, .workspaceChanged, .solutionLoaded:
            return withoutUntrustedChecks(updateLessonWork(action, on: &state), on: &state)
        case .courseReloaded(let course, let diagnostics):
            return reloadCourse(course, diagnostics: diagnostics, on: &state)
        case .statusNote(let text):
            state.statusNote = text
            return []
        case .trustDecided(let prompt):
            state.untrusted = prompt
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
            return effectsBeforeQuit(state) + [.quit]
        case .help:
            if state.top == .help { state.screens.removeLast() } else { state.screens.append(.help) }
        case .dismiss:
            if state.top.isOverlay { state.screens.removeLast() }
        case .back:
            switch state.top {
            case .lesson(let screen):
                state.screens.removeLast()
                return [savePosition(of: screen)] + lessonLeavingEffects(screen)
            case .stats, .scoreboard, .search:
                state.screens.removeLast()
                // A resize while searching scrolled the map without the introduction's panel.
                state.mapScroll = state.map.scroll(showing: state.selection, from: state.mapScroll, height: state.mapHeight)
            default:
                break
            }
        case .open:
            if case .search = state.top { return openSearchMatch(on: &state) }
            guard state.top == .courseMap, state.lessons.indices.contains(state.selection) else { return [] }
            let lesson = state.lessons[state.selection], id = lesson.id
            state.screens.append(.lesson(newLessonScreen(id, scroll: resumeScroll(for: id, in: state), in: state)))
            return [.loadLessonBody(lesson), .recordProgress(.opened(lesson: id))] + lessonOpeningEffects(id, in: state)
        case .skip:
            return skip(on: &state)
        case .toggleTheme:
            var settings = state.game.progress.settings
            settings.theme = settings.theme == "light" ? "dark" : "light"
            state.theme = Theme.named(settings.theme)
            state.statusNote = "\(state.theme.name) theme (t to switch)"
            state.game.progress.settings = settings
            return [.recordProgress(.changedSettings(settings))]
        case .stats, .scoreboard, .search:
            return openMapScreen(command, on: &state)
        case .clearSearch:
            if case .search(let search) = state.top { state.screens[state.screens.count - 1] = .search(search.searching("")) }
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            move(command, on: &state)
        case .check where state.untrusted != nil:
            return askTrust(for: command, on: &state)
        case .toggleWatch where state.untrusted != nil && state.openLesson?.activity.watching == false:
            return askTrust(for: command, on: &state)
        case .trustCourse:
            return acceptTrust(on: &state)
        case .declineTrust:
            return declineTrust(on: &state)
        case .answer, .choose, .toggleChoice, .submit, .edit, .retry, .done, .check, .cancelCheck, .openEditor, .toggleWatch,
            .hint, .solution, .showResult, .closePanel, .nextLesson, .previousLesson:
            return withoutUntrustedChecks(performLesson(command, on: &state), on: &state)
        }
        return []
    }

    /// Moves the map selection, or scrolls the open lesson.
    static func move(_ command: Command, on state: inout AppState) {
        let page = max(1, state.size.contentHeight - 1)
        switch state.top {
        case .courseMap, .search, .stats, .scoreboard:
            moveOnMap(command, on: &state)
        case .lesson(var screen):
            if movePanel(command, screen: &screen, in: state) {
                state.screens[state.screens.count - 1] = .lesson(screen)
                return
            }
            let target =
                switch command {
                case .up: screen.scroll - 1
                case .down: screen.scroll + 1
                case .pageUp: screen.scroll - page
                case .pageDown: screen.scroll + page
                case .top: 0
                default: Int.max
                }
            // The dock under the text hides its last rows unless the scroll can go that much further.
            let docked = state.size.contentHeight - LessonScreenView.panelHeight(screen, in: state)
            screen.scroll = clampedScroll(target, lines: screen.lines.count + docked, in: state)
            state.screens[state.screens.count - 1] = .lesson(screen)
        case .welcome, .help, .message, .trustQuestion:
            break
        }
    }

    // MARK: - Mouse

    /// Lines the wheel scrolls a lesson per notch.
    static let wheelLines = 3

    static func handle(_ event: MouseEvent, on state: inout AppState) -> [Effect] {
        switch (state.top, event) {
        case (.welcome, .press), (.message, .press):
            return perform(.dismiss, on: &state)
        case (.courseMap, .wheelUp), (.search, .wheelUp), (.lesson, .wheelUp), (.stats, .wheelUp), (.scoreboard, .wheelUp):
            for _ in 0..<(state.top.scrollsByLines ? wheelLines : 1) { move(.up, on: &state) }
        case (.courseMap, .wheelDown), (.search, .wheelDown), (.lesson, .wheelDown), (.stats, .wheelDown),
            (.scoreboard, .wheelDown):
            for _ in 0..<(state.top.scrollsByLines ? wheelLines : 1) { move(.down, on: &state) }
        case (.courseMap, .press(_, let y)), (.search, .press(_, let y)):
            return click(y: y, on: &state)
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
        let lines = LessonText.lines(
            for: lesson, body: source.body, program: source.program, width: width, theme: state.theme,
            interactive: true)
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
