import CrucibleEngine

/// The scoreboard screen: ``ScoreboardText``'s lines from the course's `scoreboard` and the
/// learner's progress, scrolled like the stats so it reads at any size.
enum ScoreboardView {
    static func draw(_ scroll: Int, state: AppState, into grid: inout CellGrid) {
        let area = Rect(x: 0, y: 1, width: grid.width, height: state.size.contentHeight)
        grid.put(lines(for: state).map { $0.clipped(to: area.width - 1) }, in: area, scroll: scroll)
    }

    /// "lines 1-22 of 40", for the bottom bar.
    static func status(_ scroll: Int, state: AppState) -> String {
        let total = lines(for: state).count
        return "lines \(scroll + 1)-\(min(total, scroll + state.size.contentHeight)) of \(total)"
    }

    static func lines(for state: AppState) -> [StyledLine] {
        let standings = state.course.scoreboard.map { ScoreboardStandings($0, progress: state.game.progress) }
        return [StyledLine()] + ScoreboardText.lines(standings, width: state.size.width - 1)
    }
}
