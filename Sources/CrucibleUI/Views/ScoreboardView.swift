import CrucibleEngine

/// The scoreboard screen: ``ScoreboardText``'s lines from the course's `scoreboard` and the
/// learner's progress, scrolled like the stats so it reads at any size.
enum ScoreboardView {
    /// Draws the page from `scroll` and returns the bottom bar's status.
    static func draw(_ scroll: Int, state: AppState, into grid: inout CellGrid) -> String {
        ScrolledPage.draw(lines(for: state), scroll: scroll, state: state, into: &grid)
    }

    static func lines(for state: AppState) -> [StyledLine] {
        let standings = state.course.scoreboard.map { ScoreboardStandings($0, progress: state.game.progress) }
        return [StyledLine()] + ScoreboardText.lines(standings, width: state.size.width - 1)
    }
}
