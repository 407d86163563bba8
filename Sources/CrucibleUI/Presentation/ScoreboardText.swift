import CrucibleEngine

/// The scoreboard as lines, for the screen and `crucible scoreboard` alike: a table per task, its
/// rows grouped under the claims, each language's figure and the measured answer.
/// What the rows say is decided in ``ScoreboardStandings``; this only lays it out.
public enum ScoreboardText {
    /// Columns of the measure's name, indented under its claim.
    static let measureWidth = 17
    /// Columns of each language's figure, right-aligned.
    static let figureWidth = 14

    /// The lines for `standings` at `width` columns; `nil` standings: the course has no scoreboard.
    public static func lines(_ standings: ScoreboardStandings?, width: Int) -> [StyledLine] {
        guard let standings else {
            return wrapped(
                "This course has no scoreboard: its course.yml pairs no lessons across languages "
                    + "(`scoreboard`, see \"The scoreboard\" in Lessons/README.md).", width: width, style: .plain)
        }
        var lines = [StyledLine([Span(" " + DisplayWidth.printable(standings.title), style: heading)])]
        lines += wrapped(standings.caveat, width: width, style: dim)
        if standings.isEmpty {
            lines.append(StyledLine())
            lines += wrapped(standings.emptyNote, width: width, style: .plain)
            return lines
        }
        for task in standings.tasks {
            lines.append(StyledLine())
            lines += table(task)
        }
        return lines
    }

    static let heading = Style(foreground: .cyan, bold: true)
    static let dim = Style(dim: true)

    /// `text` wrapped to `width` less a space each side, indented by one.
    static func wrapped(_ text: String, width: Int, style: Style) -> [StyledLine] {
        var wrapper = TextWrapper(width: max(10, width - 2))
        wrapper.append(text, style: style)
        return wrapper.finish().map { StyledLine([Span(" ")] + $0.spans) }
    }

    static func table(_ task: ScoreboardTaskStandings) -> [StyledLine] {
        // The task's name on a line of its own: "Boss: the order service" is wider than the measures' column.
        var header = [Span(String(repeating: " ", count: measureWidth))]
        for entry in task.lessons {
            header.append(Span(leftPad(ScoreboardMeasure.displayName(entry.language), figureWidth), style: Style(bold: true)))
        }
        header.append(Span("  answer", style: Style(bold: true)))
        var lines = [
            StyledLine([Span(" " + DisplayWidth.printable(task.task), style: Style(bold: true, underline: true))]), StyledLine(header),
        ]
        for claim in task.claims {
            lines.append(StyledLine([Span(" " + claim.claim, style: heading)]))
            for row in claim.rows {
                var spans = [Span("   " + pad(row.measure, measureWidth - 3))]
                for figure in row.values {
                    spans.append(Span(leftPad(figure.text, figureWidth), style: figure.value == nil ? dim : .plain))
                }
                let answerStyle: Style =
                    switch row.verdict {
                    case .notMeasured: dim
                    case .tie: .plain
                    case .ahead: Style(foreground: .green, bold: true)
                    }
                spans.append(Span("  " + row.answer, style: answerStyle))
                lines.append(StyledLine(spans))
            }
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - DisplayWidth.of(text))) + text
    }
}
