import CrucibleEngine
import CrucibleUI
import Foundation

/// The course as text: title, then each track with its lessons and, given the learner's game,
/// each lesson's mark and each track's tally.
///
/// Stands in for the full-screen course map when there is no terminal UI, so the marks are the
/// map's own (``GameState/mark(for:)``); outside a UTF-8 locale they become the UI's ASCII stand-ins.
public enum CourseMapText {
    public static func render(
        _ loaded: CourseLoadResult, game: GameState?, showWelcome: Bool = true,
        unicode: Bool = TerminalCapabilities.fromEnvironment(ProcessInfo.processInfo.environment).unicode
    ) -> [StyledLine] {
        let theme = Theme.standard
        var lines: [StyledLine] = []
        if let course = loaded.course {
            lines.append(StyledLine(course.title, style: theme.heading1))
            if showWelcome { lines += course.welcome.split(separator: "\n").map { StyledLine(String($0)) } }
        }
        let idWidth = loaded.lessons.map(\.id.count).max() ?? 0
        var marksShown: [LessonMark] = []
        for track in loaded.tracks {
            lines.append(StyledLine())
            lines.append(StyledLine([Span(track.title, style: theme.heading2), Span("  (\(track.id))", style: theme.quoteBar)]))
            if track.lessons.isEmpty { lines.append(StyledLine("  (no lessons yet)", style: theme.quoteBar)) }
            let marks = track.lessons.map { game?.mark(for: $0.id) }
            if game != nil, !track.lessons.isEmpty {
                lines.append(StyledLine("  " + tally(marks.compactMap { $0 }), style: theme.quoteBar))
            }
            for (lesson, mark) in zip(track.lessons, marks) {
                let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let kind = lesson.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                var spans = [Span("  ")]
                if let mark {
                    spans.append(Span(mark.symbol + " "))
                    if !marksShown.contains(mark) { marksShown.append(mark) }
                }
                spans += [Span(id + "  ", style: theme.inlineCode), Span(kind, style: theme.quoteBar), Span(lesson.title)]
                if let game, lesson.id == game.resumeLessonID { spans.append(Span("  ◀ continue", style: theme.quoteBar)) }
                if mark == .needsTool, let problem = game?.toolProblem(for: lesson.id) {
                    spans.append(Span("  " + problem, style: theme.quoteBar))
                }
                lines.append(StyledLine(spans))
            }
        }
        if !marksShown.isEmpty {
            let legend = LessonMark.allCases.filter(marksShown.contains).map { "\($0.symbol) \($0.label)" }
            lines += [StyledLine(), StyledLine("Marks: " + legend.joined(separator: "  "), style: theme.quoteBar)]
        }
        guard !unicode else { return lines }
        // Control characters get their stand-ins first, so those too come out as ASCII.
        return lines.map { StyledLine($0.spans.map { Span(ASCIIFallback.text(DisplayWidth.printable($0.text)), style: $0.style) }) }
    }

    /// "2 of 5 passed · 1 in progress · 1 skipped": a track's lessons counted by mark. Passed
    /// counts lessons changed since they were passed, as the map's bar does.
    public static func tally(_ marks: [LessonMark]) -> String {
        func count(_ wanted: LessonMark...) -> Int { marks.filter(wanted.contains).count }
        var parts = ["\(count(.passed, .updated)) of \(marks.count) passed"]
        if count(.updated) > 0 { parts[0] += " (\(count(.updated)) changed since)" }
        if count(.inProgress) > 0 { parts.append("\(count(.inProgress)) in progress") }
        if count(.skipped) > 0 { parts.append("\(count(.skipped)) skipped") }
        let needTool = count(.needsTool)
        if needTool > 0 { parts.append("\(needTool) cannot be checked here") }
        return parts.joined(separator: " · ")
    }
}
