import CrucibleEngine

/// A bar of `width` cells, filled in proportion: `█████░░░░░`.
enum ProgressBar {
    static let filled = Style(foreground: .green)
    static let empty = Style(dim: true)

    static func spans(_ done: Int, of total: Int, width: Int) -> [Span] {
        let width = max(0, width)
        let cells = total <= 0 ? 0 : min(width, max(0, done) * width / total)
        return [
            Span(String(repeating: "█", count: cells), style: filled),
            Span(String(repeating: "░", count: width - cells), style: empty),
        ]
    }
}

/// The game line above the course map: level and its name, a bar of XP towards the next level,
/// the streak (current and best) and achievements earned.
enum HeaderView {
    /// The widest and narrowest XP bars; the bar takes what the other parts leave.
    static let barWidths = 6...20

    static func draw(_ state: AppState, y: Int, into grid: inout CellGrid) {
        grid.put(line(state, width: grid.width - 1), x: 0, y: y)
    }

    /// The header in the longest form that fits `width` with a bar of at least the narrowest, else the shortest.
    static func line(_ state: AppState, width: Int) -> StyledLine {
        let game = state.game
        let xp = game.progress.xp
        let level = Levels.level(for: xp)
        let floor = Levels.threshold(of: level.number), next = Levels.threshold(of: level.number + 1)
        let streak = game.progress.streak.current(on: game.today)
        let earned = game.achievements.filter { game.progress.achievements[$0.id] != nil }.count
        let achievements = game.achievements.isEmpty ? nil : (earned, game.achievements.count)
        let levelName = "Level \(level.number) · \(level.name)", xpText = "\(xp)/\(next) XP"
        let best = "streak \(streak) (best \(game.progress.streak.best))", current = "streak \(streak)"
        let stars = achievements.map { "\($0.0)/\($0.1) ★" } ?? ""
        // Longest first; each drops words, never to a bare ratio: the star says what is counted.
        let forms: [[String]] = [
            [levelName, xpText, best, achievements.map { "achievements \($0.0)/\($0.1)" } ?? ""],
            [levelName, xpText, best, stars],
            [levelName, xpText, current, stars],
            ["Level \(level.number)", xpText, current, stars],
        ]
        var chosen = forms[forms.count - 1], barWidth = barWidths.lowerBound
        for form in forms {
            // " " + level + "  " + bar + " " + xp + "  " + streak + "  " + achievements
            let fixed = 1 + form.map(DisplayWidth.of).reduce(0, +) + 2 + 1 + 2 + (form[3].isEmpty ? 0 : 2)
            if width - fixed >= barWidths.lowerBound {
                chosen = form
                barWidth = min(barWidths.upperBound, width - fixed)
                break
            }
        }
        var spans = [Span(" " + chosen[0], style: Style(foreground: .magenta, bold: true)), Span("  ")]
        spans += ProgressBar.spans(xp - floor, of: next - floor, width: barWidth)
        spans.append(Span(" " + chosen[1], style: Style(bold: true)))
        spans.append(Span("  " + chosen[2], style: Style(foreground: streak > 0 ? .yellow : .default)))
        if !chosen[3].isEmpty { spans.append(Span("  " + chosen[3], style: Chrome.dim)) }
        return StyledLine(spans).clipped(to: width)
    }
}
