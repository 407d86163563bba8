import CrucibleEngine

extension AppState {
    /// Rows above the map's lessons: the header with level, XP, streak and achievements.
    public static let mapHeaderHeight = 1

    /// Rows the course map's lessons (or search matches) get, below the header and above the
    /// introduction of the selected lesson's track.
    public var mapHeight: Int { max(1, size.contentHeight - Self.mapHeaderHeight - mapIntroduction.count) }

    /// The panel at the bottom of the course map: a rule naming the selected lesson's track, then its
    /// `track.md`, cut to a third of the screen (ending in `…`) so the lessons keep most of the rows.
    /// Empty when that track has no introduction, while searching (the matches span tracks), or when
    /// the screen is too small.
    public var mapIntroduction: [StyledLine] {
        let searching = screens.contains { if case .search = $0 { true } else { false } }
        guard !searching, map.lessonTracks.indices.contains(selection),
            let document = map.introductions[map.lessonTracks[selection]]
        else { return [] }
        let room = size.contentHeight / 3
        guard room >= 3 else { return [] }
        let track = course.tracks[map.lessonTracks[selection]]
        let label = " About " + DisplayWidth.printable(track.title) + " "
        let ruleWidth = max(0, size.width - 2 - DisplayWidth.of(label))
        let rule = StyledLine([
            Span("──", style: theme.rule), Span(label, style: theme.heading2),
            Span(String(repeating: "─", count: ruleWidth), style: theme.rule),
        ]).clipped(to: size.width, ellipsisStyle: theme.rule)
        var text = MarkdownLayout.lines(for: document, width: size.width - 4, theme: theme)
        if text.count > room - 1 {
            text = Array(text.prefix(room - 1))
            text[text.count - 1] = StyledLine(text[text.count - 1].spans + [Span(" …", style: Chrome.dim)])
                .clipped(to: size.width - 4, ellipsisStyle: Chrome.dim)
        }
        return [rule] + text
    }
}

extension App {
    /// Moves the selection on the map, the search matches, or scrolls the stats.
    static func moveOnMap(_ command: Command, on state: inout AppState) {
        let page = max(1, state.mapHeight - 1)
        func target(_ current: Int, last: Int) -> Int {
            let moved =
                switch command {
                case .up: current - 1
                case .down: current + 1
                case .pageUp: current - page
                case .pageDown: current + page
                case .top: 0
                default: last
                }
            return min(max(moved, 0), max(0, last))
        }
        switch state.top {
        case .courseMap:
            guard !state.lessons.isEmpty else { return }
            state.selection = target(state.selection, last: state.lessons.count - 1)
            state.mapScroll = state.map.scroll(showing: state.selection, from: state.mapScroll, height: state.mapHeight)
        case .search(var search):
            guard !search.matches.isEmpty else { return }
            search.selected = target(search.selected, last: search.matches.count - 1)
            search.scroll = scroll(showing: search.selected, from: search.scroll, height: state.mapHeight)
            state.screens[state.screens.count - 1] = .search(search)
        case .stats(let scroll):
            let last = StatsView.lines(for: state).count - state.size.contentHeight
            state.screens[state.screens.count - 1] = .stats(scroll: target(scroll, last: last))
        case .scoreboard(let scroll):
            let last = ScoreboardView.lines(for: state).count - state.size.contentHeight
            state.screens[state.screens.count - 1] = .scoreboard(scroll: target(scroll, last: last))
        default:
            break
        }
    }

    /// Keeps the search's selected match and the stats' scroll in range after a resize.
    static func relayoutMapScreens(_ state: inout AppState) {
        for index in state.screens.indices {
            switch state.screens[index] {
            case .search(var search):
                // Anchored afresh, like the map: a taller window shows the matches from the first.
                search.scroll = scroll(showing: search.selected, from: 0, height: state.mapHeight)
                state.screens[index] = .search(search)
            case .stats(let scroll):
                let last = max(0, StatsView.lines(for: state).count - state.size.contentHeight)
                state.screens[index] = .stats(scroll: min(scroll, last))
            case .scoreboard(let scroll):
                let last = max(0, ScoreboardView.lines(for: state).count - state.size.contentHeight)
                state.screens[index] = .scoreboard(scroll: min(scroll, last))
            default:
                break
            }
        }
    }

    /// The first row to show so that row `row` is visible in `height` rows, moving as little as possible.
    static func scroll(showing row: Int, from scroll: Int, height: Int) -> Int {
        if row < scroll { return row }
        if row >= scroll + height { return row - height + 1 }
        return scroll
    }

    /// Opens the stats screen, the scoreboard or the search field over the map.
    static func openMapScreen(_ command: Command, on state: inout AppState) -> [Effect] {
        guard state.top == .courseMap else { return [] }
        switch command {
        case .stats:
            if state.game.activity == nil { state.game.countActivity() }
            state.screens.append(.stats(scroll: 0))
        case .scoreboard: state.screens.append(.scoreboard(scroll: 0))
        case .search: state.screens.append(.search(MapSearch(in: state.lessons)))
        default: break
        }
        return []
    }

    /// A key the search keymap does not bind: typed into the query (Backspace deletes).
    static func typeInSearch(_ key: Key, on state: inout AppState) -> [Effect] {
        guard case .search(let search) = state.top else { return [] }
        var query = search.query
        switch key {
        case .character(let character): query.append(character)
        case .backspace: if !query.isEmpty { query.removeLast() }
        default: return []
        }
        state.screens[state.screens.count - 1] = .search(search.searching(query))
        return []
    }

    /// Closes the search and opens the selected match.
    static func openSearchMatch(on state: inout AppState) -> [Effect] {
        guard case .search(let search) = state.top, let index = search.selectedLesson else { return [] }
        state.screens.removeLast()
        state.selection = index
        state.mapScroll = state.map.scroll(showing: index, from: state.mapScroll, height: state.mapHeight)
        return perform(.open, on: &state)
    }

    /// A press on the map or the search list: the first press on a lesson selects it, a second opens it.
    static func click(y: Int, on state: inout AppState) -> [Effect] {
        // Row 0 is the top bar, then the header.
        let row = y - 1 - AppState.mapHeaderHeight
        guard row >= 0 else { return [] }
        switch state.top {
        case .courseMap:
            // Rows below `mapHeight` are the track introduction's panel, not the map.
            let mapRow = state.mapScroll + row
            guard row < state.mapHeight, state.map.rows.indices.contains(mapRow),
                case .lesson(let index) = state.map.rows[mapRow]
            else { return [] }
            if index == state.selection { return perform(.open, on: &state) }
            state.selection = index
            // A lesson of another track brings its own panel (or none), so the map's height changes.
            state.mapScroll = state.map.scroll(showing: index, from: state.mapScroll, height: state.mapHeight)
        case .search(var search):
            let match = search.scroll + row
            guard search.matches.indices.contains(match) else { return [] }
            if match == search.selected { return openSearchMatch(on: &state) }
            search.selected = match
            state.screens[state.screens.count - 1] = .search(search)
        default:
            break
        }
        return []
    }
}

extension Screen {
    /// Whether the wheel scrolls this screen by several lines (text) rather than one selection step (lists).
    var scrollsByLines: Bool {
        switch self {
        case .lesson, .stats, .scoreboard: true
        default: false
        }
    }
}
