import CrucibleEngine

extension Keymap {
    /// Keys of the search field; every other key is typed into it. Esc empties a field that
    /// holds a query and closes an empty one, and the bar says which it will do.
    static func search(_ search: MapSearch) -> [KeyBinding] {
        let escape = search.query.isEmpty
            ? KeyBinding([.escape], .back, "close the search, back to the map", bar: BarHint("Esc", "close"))
            : KeyBinding([.escape], .clearSearch, "clear the search (Esc again closes it)", bar: BarHint("Esc", "clear"))
        return [
            KeyBinding([.up], .up, "previous match", bar: BarHint("↑↓", "move")),
            KeyBinding([.down], .down, "next match"),
            KeyBinding([.pageUp], .pageUp, "a page up"),
            KeyBinding([.pageDown], .pageDown, "a page down"),
            KeyBinding([.enter], .open, "open the lesson", bar: BarHint("Enter", "open")),
            escape,
            quitAnywhere,
        ]
    }

    /// Any other key dismisses a message too (see ``App/update(_:_:)``).
    static let message: [KeyBinding] = [
        KeyBinding([.enter, .escape, .character(" ")], .dismiss, "close the message", bar: BarHint("Enter", "close")),
        quitAnywhere,
    ]
}

/// The course map filtered as the learner types after `/`: the query, then the matching lessons.
enum SearchView {
    static func draw(_ search: MapSearch, state: AppState, into grid: inout CellGrid) {
        let count = search.matches.count
        let summary = search.query.isEmpty ? "type to filter \(state.lessons.count) lessons"
            : "\(count) of \(state.lessons.count) lesson\(state.lessons.count == 1 ? "" : "s") match"
        let field = StyledLine([
            Span(" / ", style: Chrome.key),
            Span(DisplayWidth.printable(search.query), style: Style(bold: true)),
            Span("▏", style: Chrome.key),
            Span("   " + summary, style: Chrome.dim),
        ])
        grid.put(field.clipped(to: grid.width - 1), x: 0, y: 1)
        let top = 1 + AppState.mapHeaderHeight
        if count == 0 {
            grid.put("No lesson title or id contains that.", x: 3, y: top + 1, style: Chrome.dim, maxWidth: grid.width - 4)
            return
        }
        for row in 0..<state.mapHeight {
            let match = search.scroll + row
            guard match < count else { break }
            let index = search.matches[match]
            CourseMapView.drawLesson(index, selected: match == search.selected, note: trackTitle(ofLesson: index, in: state.course).map { "· " + $0 },
                                     state: state, y: top + row, into: &grid)
        }
    }

    /// The title of the track holding the course's `index`th lesson; lessons are numbered in track order.
    static func trackTitle(ofLesson index: Int, in course: Course) -> String? {
        var first = 0
        for track in course.tracks {
            if index < first + track.lessons.count { return track.title }
            first += track.lessons.count
        }
        return nil
    }

    /// "match 2 of 5", for the bottom bar.
    static func status(_ search: MapSearch) -> String {
        search.matches.isEmpty ? "no matches" : "match \(search.selected + 1) of \(search.matches.count)"
    }
}
