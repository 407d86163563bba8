import CrucibleEngine
import Foundation

/// The learner's stats: XP by day, a calendar of active days, each track's completion, and
/// achievements earned (with the date) and still locked (with what earns them).
///
/// Laid out as lines so the screen scrolls at any size; everything comes from the progress snapshot.
enum StatsView {
    /// Weeks the calendar shows, ending with this week.
    static let calendarWeeks = 12
    /// Rows of the XP chart.
    static let chartHeight = 5

    /// Draws the page from `scroll` and returns the bottom bar's status.
    static func draw(_ scroll: Int, state: AppState, into grid: inout CellGrid) -> String {
        ScrolledPage.draw(lines(for: state), scroll: scroll, state: state, into: &grid)
    }

    static func lines(for state: AppState) -> [StyledLine] {
        let game = state.game
        let activity = game.activity ?? Activity(game.progress, calendar: game.calendar)
        var lines = [HeaderView.line(state, width: state.size.width - 1), StyledLine()]
        lines += xpChart(activity, today: game.today, width: state.size.width)
        lines.append(StyledLine())
        lines += calendar(activity, today: game.today, streak: game.progress.streak)
        lines.append(StyledLine())
        lines += tracks(state)
        lines.append(StyledLine())
        lines += achievements(game)
        return lines
    }

    static func heading(_ text: String) -> StyledLine {
        StyledLine([Span(" " + text, style: Style(foreground: .cyan, bold: true))])
    }

    /// A bar per day for the last days that fit, `chartHeight` rows high, scaled to the best day.
    static func xpChart(_ activity: Activity, today: LocalDay, width: Int) -> [StyledLine] {
        let days = max(7, min(28, (width - 12) / 2))
        let first = today.dayNumber - days + 1
        let values = (0..<days).map { activity.xpByDay[first + $0] ?? 0 }
        let best = values.max() ?? 0
        let total = values.reduce(0, +)
        var lines = [heading("XP by day, last \(days) days: \(total) XP")]
        guard best > 0 else {
            lines.append(StyledLine([Span("   No XP in these days yet: pass a lesson to start the chart.", style: Chrome.dim)]))
            return lines
        }
        let blocks = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for row in 0..<chartHeight {
            // Eighths of a cell filled on this row, counted from the bottom.
            let rowFloor = (chartHeight - 1 - row) * 8
            let label = row == 0 ? String(best) : row == chartHeight - 1 ? "0" : ""
            var spans = [Span(label.leftPadded(to: 6) + " ▕", style: Chrome.dim)]
            for value in values {
                let eighths = value * chartHeight * 8 / best
                let cell = min(8, max(0, eighths - rowFloor))
                let text = value > 0 && cell == 0 && row == chartHeight - 1 ? "▁" : blocks[cell]
                spans.append(Span(text.isEmpty ? "  " : text + " ", style: ProgressBar.filled))
            }
            lines.append(StyledLine(spans))
        }
        var axis = "        "
        for index in stride(from: 0, to: days, by: 7) {
            let day = LocalDay(dayNumber: first + index)
            let label = String(day.description.dropFirst(5))
            axis += label.padding(toLength: 14, withPad: " ", startingAt: 0)
        }
        lines.append(StyledLine(axis, style: Chrome.dim))
        return lines
    }

    /// Monday-to-Sunday rows, a column per week; a cell is darker the more lessons were worked on that day.
    static func calendar(_ activity: Activity, today: LocalDay, streak: Streak) -> [StyledLine] {
        let current = streak.current(on: today)
        let activeDays = activity.lessonsByDay.keys.filter { today.dayNumber - $0 < calendarWeeks * 7 && $0 <= today.dayNumber }.count
        var lines = [heading("Active days, last \(calendarWeeks) weeks: \(activeDays)   streak \(current) (best \(streak.best))")]
        let weekday = (today.dayNumber + 3) % 7  // 1970-01-01 was a Thursday; Monday is 0
        let firstMonday = today.dayNumber - weekday - (calendarWeeks - 1) * 7
        let names = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
        for row in 0..<7 {
            var spans = [Span("   " + names[row].padding(toLength: 4, withPad: " ", startingAt: 0), style: Chrome.dim)]
            for week in 0..<calendarWeeks {
                let day = firstMonday + week * 7 + row
                if day > today.dayNumber { spans.append(Span("  ")); continue }
                let count = activity.lessonsByDay[day] ?? 0
                let cell =
                    switch count {
                    case 0: Span("· ", style: Chrome.dim)
                    case 1: Span("▪ ", style: Style(foreground: .green))
                    default: Span("■ ", style: Style(foreground: .green, bold: true))
                    }
                spans.append(cell)
            }
            lines.append(StyledLine(spans))
        }
        lines.append(StyledLine("       · none  ▪ one lesson  ■ more", style: Chrome.dim))
        return lines
    }

    /// Each track's bar of passed lessons.
    static func tracks(_ state: AppState) -> [StyledLine] {
        let tracks = state.course.tracks.filter { !$0.lessons.isEmpty }
        let passed = tracks.map(state.passedCount(in:))
        let done = passed.reduce(0, +), total = tracks.reduce(0) { $0 + $1.lessons.count }
        var lines = [heading("Tracks: \(done) of \(total) lessons passed")]
        let titleWidth = min(30, tracks.map { DisplayWidth.of($0.title) }.max() ?? 0)
        for (track, passed) in zip(tracks, passed) {
            let title = StyledLine(DisplayWidth.printable(track.title)).clipped(to: titleWidth).plainText
            var spans = [Span("   " + title + String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title))) + "  ")]
            spans += ProgressBar.spans(passed, of: track.lessons.count, width: 20)
            spans.append(Span(" \(passed)/\(track.lessons.count)", style: Chrome.dim))
            lines.append(StyledLine(spans))
        }
        return lines
    }

    /// Earned achievements with their date, then locked ones with their description.
    static func achievements(_ game: GameState) -> [StyledLine] {
        let earned = game.achievements.filter { game.progress.achievements[$0.id] != nil }
        let locked = game.achievements.filter { game.progress.achievements[$0.id] == nil }
        var lines = [heading("Achievements: \(earned.count) of \(game.achievements.count)")]
        if game.achievements.isEmpty {
            lines.append(StyledLine("   This course has no achievements (or they are still loading).", style: Chrome.dim))
        }
        for achievement in earned {
            let day = game.progress.achievements[achievement.id].map { LocalDay($0, calendar: game.calendar).description } ?? ""
            lines.append(
                StyledLine([
                    Span("   ✓ ", style: Style(foreground: .green, bold: true)),
                    Span(DisplayWidth.printable(achievement.title), style: Style(bold: true)),
                    Span("  earned " + day, style: Chrome.dim),
                ]))
        }
        for achievement in locked {
            lines.append(
                StyledLine([
                    Span("   · ", style: Chrome.dim), Span(DisplayWidth.printable(achievement.title)),
                    Span(" — " + DisplayWidth.printable(achievement.description), style: Chrome.dim),
                ]))
        }
        return lines
    }
}

extension String {
    /// The string with spaces before it up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
