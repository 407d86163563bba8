import CrucibleEngine

/// The course map filtered as the learner types after `/`: the query, then the matching lessons.
enum SearchView {
    static func draw(_ search: MapSearch, state: AppState, into grid: inout CellGrid) {
        let count = search.matches.count
        let summary =
            search.query.isEmpty
            ? "type to filter \(state.lessons.count) lessons"
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
            CourseMapView.drawLesson(
                index, selected: match == search.selected, note: trackTitle(ofLesson: index, in: state.course).map { "· " + $0 },
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
