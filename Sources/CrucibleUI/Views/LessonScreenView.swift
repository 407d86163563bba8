import CrucibleEngine
import Foundation

/// An open lesson: its text or one of its panels, scrolled, with the dock beneath.
///
/// The dock holds what must stay in view while the rest scrolls: a code lesson's files,
/// the running check's spinner, the prediction being typed, and the latest notice.
enum LessonScreenView {
    static func draw(_ screen: LessonScreen, state: AppState, into grid: inout CellGrid) {
        let width = LessonView.textWidth(for: state.size)
        let dock = dockLines(screen, state: state, width: width)
        let height = panelHeight(screen, in: state)
        let area = Rect(x: 2, y: 1, width: width, height: height)
        if screen.activity.panel == .text {
            if case .loaded(_, let lines, _) = screen.content {
                grid.put(lines, in: area, scroll: screen.scroll)
            } else {
                LessonView.draw(screen, state: state, into: &grid)
            }
        } else {
            let lines = panelLines(screen, state: state, width: width)
            grid.put(lines, in: area, scroll: clampedPanelScroll(screen.activity.panelScroll, lines: lines.count, height: height))
        }
        grid.put(dock.map { $0.clipped(to: width) }, in: Rect(x: 2, y: 1 + height, width: width, height: dock.count))
    }

    /// "lines 1-22 of 80" for what is shown, for the bottom bar.
    static func status(_ screen: LessonScreen, state: AppState) -> String {
        let height = panelHeight(screen, in: state)
        let total: Int, scroll: Int
        if screen.activity.panel == .text {
            (total, scroll) = (screen.lines.count, screen.scroll)
        } else {
            let lines = panelLines(screen, state: state, width: LessonView.textWidth(for: state.size))
            (total, scroll) = (lines.count, clampedPanelScroll(screen.activity.panelScroll, lines: lines.count, height: height))
        }
        guard total > 0 else { return "" }
        return "lines \(scroll + 1)-\(min(total, scroll + height)) of \(total)"
    }

    /// Rows left for the text or panel above the dock.
    static func panelHeight(_ screen: LessonScreen, in state: AppState) -> Int {
        max(1, state.size.contentHeight - dockLines(screen, state: state, width: LessonView.textWidth(for: state.size)).count)
    }

    /// `target` kept within the panel's lines, for update's scrolling.
    static func clampedPanelScroll(_ target: Int, _ screen: LessonScreen, in state: AppState) -> Int {
        let lines = panelLines(screen, state: state, width: LessonView.textWidth(for: state.size))
        return clampedPanelScroll(target, lines: lines.count, height: panelHeight(screen, in: state))
    }

    static func clampedPanelScroll(_ target: Int, lines: Int, height: Int) -> Int {
        max(0, min(target, lines - height))
    }

    /// The scrolling content of a panel other than the text.
    static func panelLines(_ screen: LessonScreen, state: AppState, width: Int) -> [StyledLine] {
        guard let lesson = state.lesson(withID: screen.lessonID) else { return [] }
        let activity = screen.activity, theme = state.theme
        switch activity.panel {
        case .text:
            return screen.lines
        case .quiz:
            return QuizView.lines(lesson: lesson, answers: activity.quiz, width: width, theme: theme)
        case .predict:
            var program: String?
            if case .loaded(let source, _, _) = screen.content { program = source.program }
            return PredictView.lines(lesson: lesson, program: program, width: width, theme: theme)
        case .result:
            let history = MeasurementHistory(lessonID: lesson.id, progress: state.game.progress, scoreboard: state.course.scoreboard)
            return ResultView.lines(activity: activity, lesson: lesson, width: width, theme: theme, history: history)
        case .hints:
            return HintView.lines(lesson: lesson, revealed: activity.hintsRevealed, width: width, theme: theme)
        case .solution:
            return SolutionView.lines(activity.solution, lesson: lesson, width: width, theme: theme)
        }
    }

    // MARK: - Dock

    /// Braille spinner frames, one per tenth of a second of elapsed time.
    static let spinner: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The lines pinned under the text or panel; empty when there is nothing to pin.
    static func dockLines(_ screen: LessonScreen, state: AppState, width: Int) -> [StyledLine] {
        let activity = screen.activity
        let lesson = state.lesson(withID: screen.lessonID)
        var lines: [StyledLine] = []
        if lesson?.kind == .code && activity.panel == .text {
            lines += fileLines(activity.workspace, width: width)
            if !activity.check.isActive {
                lines += codeStatus(activity, record: state.game.progress.lessons[screen.lessonID], game: state.game)
            }
        }
        if activity.check.isActive {
            lines.append(checkProgress(activity.check, kind: lesson?.kind ?? .code))
        }
        if activity.panel == .predict {
            let label = Span("Your answer: ", style: Style(bold: true))
            lines.append(StyledLine([label]) + activity.prediction.line(width: max(1, width - DisplayWidth.of(label.text))))
        }
        if let notice = activity.notice {
            lines.append(StyledLine(DisplayWidth.printable(notice), style: Style(foreground: .yellow)))
        }
        guard !lines.isEmpty else { return [] }
        // Never more than half the content area: the text must stay readable on a short terminal.
        let room = max(1, state.size.contentHeight / 2)
        return [StyledLine(String(repeating: "─", count: width), style: Chrome.dim)] + lines.suffix(room - 1)
    }

    /// "Your files:" and each file's full path, so the learner can open it however they like.
    private static func fileLines(_ workspace: WorkspaceFiles?, width: Int) -> [StyledLine] {
        guard let workspace else { return [StyledLine("Preparing your workspace…", style: Chrome.dim)] }
        var lines = [StyledLine("Your files (e opens them in $VISUAL / $EDITOR):", style: Style(bold: true))]
        // Whole, not cut, and broken only between folders: the path is what the learner copies.
        lines += workspace.files.flatMap { PanelText.path($0, width: width, style: Style(foreground: .cyan)) }
        if !workspace.starterChanged.isEmpty {
            lines.append(
                StyledLine(
                    "The course changed the starter of \(workspace.starterChanged.joined(separator: ", ")); your copy is kept.",
                    style: Chrome.dim))
        }
        return lines
    }

    /// The latest result, and whether watch mode is on. A result from this visit comes first; else
    /// the last check the progress file recorded, from whichever front end ran it.
    private static func codeStatus(_ activity: LessonActivity, record: LessonProgress?, game: GameState) -> [StyledLine] {
        var lines: [StyledLine] = []
        var spans: [Span]
        if let result = activity.result {
            spans = [ResultPresentation.mark(passed: result.passed, outcome: result.outcomeLabel)]
            spans.append(Span("  r shows the result", style: Chrome.dim))
        } else if let last = record?.lastCheck {
            let summary = last.summary
            // The outcome before where and when, so a narrow dock cuts the least useful part.
            lines.append(
                StyledLine([
                    Span("Last check: "),
                    ResultPresentation.mark(passed: summary.passed, outcome: summary.outcome),
                    Span(" · \(summary.origin.label), \(when(last.at, game: game))", style: Chrome.dim),
                ]))
            spans = summary.passed ? [] : [Span("  " + DisplayWidth.printable(summary.reason), style: Chrome.dim)]
        } else if let record, record.attempts > 0 {
            spans = [
                Span(
                    "Checked \(record.attempts) time\(record.attempts == 1 ? "" : "s") before; check again with c to see the result.",
                    style: Chrome.dim)
            ]
        } else {
            spans = [Span("Not checked yet: edit with e, then check with c.", style: Chrome.dim)]
        }
        if activity.watching { spans.append(Span("  · watching for saves", style: Style(foreground: .cyan))) }
        if !spans.isEmpty { lines.append(StyledLine(spans)) }
        return lines
    }

    /// "today at 09:12", "yesterday at 18:03" or "on 2026-11-28 at 07:45", in the learner's time zone.
    static func when(_ date: Date, game: GameState) -> String {
        let parts = game.calendar.dateComponents([.hour, .minute], from: date)
        func pad(_ value: Int?) -> String { let text = String(value ?? 0); return text.count < 2 ? "0" + text : text }
        let time = pad(parts.hour) + ":" + pad(parts.minute)
        let day = LocalDay(date, calendar: game.calendar)
        switch game.today.daysSince(day) {
        case 0: return "today at " + time
        case 1: return "yesterday at " + time
        default: return "on \(day) at " + time
        }
    }

    /// "⠹ Checking… 3.2 s  (Esc cancels)".
    static func checkProgress(_ status: CheckStatus, kind: LessonKind) -> StyledLine {
        switch status {
        case .idle:
            return StyledLine()
        case .running(let elapsed):
            let frame = spinner[Int(max(0, elapsed) * 10) % spinner.count]
            let what = kind == .predict ? "Running the program…" : "Checking…"
            return StyledLine([
                Span("\(frame) ", style: Style(foreground: .cyan, bold: true)), Span(what + " " + seconds(elapsed)),
                Span(kind == .predict ? "" : "  (Esc cancels)", style: Chrome.dim),
            ])
        case .cancelling(let elapsed, _):
            return StyledLine([Span("Cancelling… " + seconds(elapsed), style: Style(foreground: .yellow))])
        }
    }

    /// "3.2 s".
    static func seconds(_ value: Double) -> String {
        let tenths = Int((max(0, value) * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
