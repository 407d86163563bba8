/// A full-screen page of lines under the title row that scrolls at any size (the stats and the
/// scoreboard): drawn and counted from one set of lines per frame.
enum ScrolledPage {
    /// Draws `lines` from `scroll`, and returns the bottom bar's "lines 1-22 of 40".
    static func draw(_ lines: [StyledLine], scroll: Int, state: AppState, into grid: inout CellGrid) -> String {
        let area = Rect(x: 0, y: 1, width: grid.width, height: state.size.contentHeight)
        grid.put(lines.map { $0.clipped(to: area.width - 1) }, in: area, scroll: scroll)
        return "lines \(scroll + 1)-\(min(lines.count, scroll + state.size.contentHeight)) of \(lines.count)"
    }
}
