import CrucibleEngine
import Foundation

/// Where a check result is shown. It decides only what the medium decides: how wide a line
/// may be, how an action is worded (a key on the full screen, a `crucible` command on the
/// command line), and how much of the steps' output fits.
public enum ResultMedium: Sendable {
    /// The full screen's result panel, `width` columns wide, for a lesson in `activity`'s state
    /// (hints revealed, the solution offered, the celebration's frame). Every step's output is shown.
    case screen(width: Int, theme: Theme, activity: LessonActivity)
    /// Command-line output: lines are not wrapped (the terminal does that) and the body is
    /// indented under the headline; the steps' full output only when `verbose`; `workspace` is
    /// where the learner's files are, when the lesson has any; `followUp` words the commands it suggests.
    case commandLine(verbose: Bool, workspace: String?, followUp: FollowUpCommands)
}

/// A check result as styled lines, built once for the full screen (``ResultView``) and the
/// command line (`crucible check`, `crucible watch`): the outcome first, then the reason
/// (compiler error, finding or message), what explains it (the output diff, the measurement,
/// the limit, the tools to install or fix), the answers, what to do next, and the steps.
public struct ResultPresentation {
    public let result: CheckResult
    public let lesson: Lesson
    /// What the game made of the result, told after the outcome on a pass and after the advice otherwise.
    public let events: [GameEvent]
    public let medium: ResultMedium

    public init(_ result: CheckResult, lesson: Lesson, events: [GameEvent] = [], medium: ResultMedium) {
        self.result = result
        self.lesson = lesson
        self.events = events
        self.medium = medium
    }

    public var lines: [StyledLine] {
        var lines = result.passed ? passLines : failureLines
        // After a failure, what to do next: on the screen above the steps' output (which can be
        // long), on the command line last, where the prompt follows.
        let next = result.passed ? [] : nextStepLines + GameEventPresentation.lines(events, width: width)
        switch medium {
        case .screen:
            lines += next
            if lesson.kind == .code { lines += outputLines }
            return lines
        case .commandLine(let verbose, let workspace, _):
            lines += verbose ? outputLines : stepSummary
            if let workspace { lines.append(StyledLine("workspace: \(workspace)", style: Paint.quiet)) }
            lines += next
            // The headline stands out; everything under it belongs to it.
            return lines.prefix(1) + lines.dropFirst().map { $0.spans.isEmpty ? $0 : $0.prefixed(by: Span("  ")) }
        }
    }

    /// "✓ passed" or "✗ failed (compile error)", as the headline and the lesson's last-check line start.
    public static func mark(passed: Bool, outcome: String) -> Span {
        passed ? Span("✓ passed", style: Paint.goodMark) : Span("✗ " + outcome, style: Paint.badMark)
    }

    /// The celebration's border, shifted one step per frame so the sparkles seem to move.
    static let sparkles: [Character] = ["✦", " ", "✧", " ", "·", " "]

    /// "✦ ✧ · Passed! · ✧ ✦", animated while `frame` counts up, still once it is nil.
    static func celebration(frame: Int?) -> StyledLine {
        let shift = frame ?? 0
        let side = String((0..<6).map { sparkles[($0 + shift) % sparkles.count] })
        return StyledLine([
            Span(side, style: Style(foreground: .yellow, bold: true)), Span(" Passed! ", style: Paint.goodMark),
            Span(String(side.reversed()), style: Style(foreground: .yellow, bold: true)),
        ])
    }

    // MARK: - The outcome

    /// The mark and outcome; on the command line the lesson's id (the screen shows its title);
    /// how long the check took; whether the result came from the cache (on a line of its own
    /// when the screen is too narrow for both).
    private var headline: [StyledLine] {
        var spans = [Self.mark(passed: result.passed, outcome: result.outcomeLabel)]
        if case .commandLine = medium { spans.append(Span("  " + result.lessonID)) }
        if result.duration > 0 { spans.append(Span("  " + LessonScreenView.seconds(result.duration), style: Paint.quiet)) }
        let line = StyledLine(spans)
        guard result.fromCache else { return [line] }
        let cached = "(cached: these same files were checked before)"
        if let width, line.displayWidth + 2 + cached.count > width { return [line] + wrap(cached, style: Paint.quiet) }
        return [line + StyledLine("  " + cached, style: Paint.quiet)]
    }

    /// A blank line between sections on the screen; the command line keeps its output compact.
    private var gap: [StyledLine] {
        if case .screen = medium { [StyledLine()] } else { [] }
    }

    private var passLines: [StyledLine] {
        var lines: [StyledLine]
        if case .screen(_, _, let activity) = medium {
            lines = [Self.celebration(frame: activity.celebrationFrame), StyledLine(lesson.title, style: Paint.strong), StyledLine()]
        } else {
            lines = headline
        }
        let earned = GameEventPresentation.lines(events, width: width)
        if !earned.isEmpty { lines += earned + gap }
        if case .passed(let comparisons) = result.verdict { lines += comparisons.flatMap(measurementLines) }
        lines += shownOutputLines
        lines += noteLines
        lines += answerLines
        if case .screen(let width, let theme, _) = medium {
            if let explanation = lesson.explanation, !explanation.allSatisfy(\.isWhitespace) {
                lines.append(StyledLine("Why it works", style: theme.heading2))
                lines += PanelText.markdown(explanation, width: width, theme: theme)
                lines.append(StyledLine())
            }
            lines.append(StyledLine("n opens the next lesson.", style: Paint.quiet))
        }
        return lines
    }

    private var failureLines: [StyledLine] {
        var lines = headline + gap
        let reason = reasonLines
        if !reason.isEmpty { lines += reason + gap }
        lines += noteLines
        lines += answerLines
        return lines
    }

    /// Rows of a `showOutput` step's stdout shown on a pass; the rest is counted, and on the
    /// screen it is in the steps' output below, on the command line `--verbose` prints it.
    static let shownOutputRows = 20

    /// On a pass, what each step marked `showOutput` printed on stdout, its first rows.
    private var shownOutputLines: [StyledLine] {
        let steps = lesson.code?.steps ?? []
        // The reports follow the steps in order (a skipped optional step has one too).
        let shown = zip(steps, result.steps).filter { step, report in
            step.showOutput && step.name == report.name && report.skipped == nil
        }
        return shown.flatMap { _, report -> [StyledLine] in
            let text = report.stdout.trimmingCharacters(in: .newlines)
            guard !text.isEmpty else {
                return [StyledLine("\(DisplayWidth.printable(report.name)) printed nothing.", style: Paint.quiet)] + gap
            }
            let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
            let more = rows.count - Self.shownOutputRows
            return [StyledLine("\(DisplayWidth.printable(report.name)) printed:", style: Paint.strong)]
                + output(rows.prefix(Self.shownOutputRows).joined(separator: "\n"))
                + (more > 0 ? [StyledLine("  … \(more) more \(more == 1 ? "line" : "lines")", style: Paint.quiet)] : []) + gap
        }
    }

    /// The result's notes, such as an optional step that was skipped and why.
    private var noteLines: [StyledLine] {
        guard !result.notes.isEmpty else { return [] }
        return result.notes.flatMap { wrap($0, style: Paint.quiet) } + gap
    }

    // MARK: - The reason

    /// The reason, by the verdict: the compiler's first error or the sanitizer's finding when
    /// there is one, else the message; then what explains it (the output diff, the figures, the
    /// limit, the tools to install or fix).
    private var reasonLines: [StyledLine] {
        switch result.verdict {
        case .compileError(let error?):
            let place = Self.place(error.file, error.line, error.column)
            return [StyledLine(place.isEmpty ? "The compiler stopped:" : "Compiler error in \(place):", style: Paint.strong)]
                + wrap(error.message, indent: 2, style: Paint.bad)
        case .finding(let finding?):
            let place = Self.place(finding.file, finding.line, finding.column)
            return [StyledLine("\(finding.tool) found a problem" + (place.isEmpty ? ":" : " at \(place):"), style: Paint.strong)]
                + wrap(finding.summary, indent: 2, style: Paint.bad) + reportHead(finding)
        case .failingTests(let tests?):
            return failingTestLines(tests) + failedStepTail
        case .panic(let panic?):
            let place = Self.place(panic.file, panic.line, panic.column)
            let what = panic.word.prefix(1).uppercased() + panic.word.dropFirst()
            return [StyledLine(what + (place.isEmpty ? ":" : " at \(place):"), style: Paint.strong)]
                + wrap(panic.message, indent: 2, style: Paint.bad) + failedStepTail
        case .lint(let lint?):
            let place = Self.place(lint.file, lint.line, lint.column)
            let found = lint.count > 1 ? "\(lint.tool) found \(lint.count) problems, the first" : "\(lint.tool) found a problem"
            return [StyledLine(found + (place.isEmpty ? ":" : " at \(place):"), style: Paint.strong)]
                + wrap(lint.message + (lint.lint.map { " (\($0))" } ?? ""), indent: 2, style: Paint.bad)
        case .wrongOutput(let mismatch):
            return messageLines + (mismatch.map(diffLines) ?? [])
        case .tooSlow, .overBudget:
            // The message names the metric, its median and the requirement.
            return messageLines
        case .resourceLimit(let hit):
            return messageLines + (hit.map { [StyledLine("Limit reached: \($0.rawValue)", style: Paint.quiet)] } ?? [])
        case .toolsMissing(let tools):
            return messageLines + toolLines(missing: tools)
        case .toolsBroken(let tools):
            return messageLines + toolLines(broken: tools)
        case .wrongAnswer:
            // The answers below say what was wrong; a predict program that could not run for
            // want of a tool brings that tool's advice along.
            return (result.answers.isEmpty && result.predict == nil ? messageLines : [])
                + toolLines(missing: result.missingTools, broken: result.brokenTools)
        case .exitStatus, .timedOut, .crashed:
            return messageLines + failedStepTail
        case .failingTests(nil), .panic(nil):
            return messageLines + failedStepTail
        case .compileError(nil), .finding(nil), .lint(nil), .passed, .otherPlatform, .engineError:
            return messageLines
        }
    }

    /// "2 tests failed: TestParse, TestSplit/two", then the first one's place and message.
    private func failingTestLines(_ tests: FailingTestsSummary) -> [StyledLine] {
        var lines = wrap(tests.headline.prefix(1).uppercased() + tests.headline.dropFirst(), style: Paint.strong)
        guard let first = tests.tests.first else { return lines }
        let place = Self.place(first.file, first.line, first.column)
        if tests.count > 1 || !place.isEmpty {
            lines += wrap(first.name + (place.isEmpty ? ":" : " at \(place):"), indent: 2)
        }
        if !first.message.isEmpty { lines += wrap(first.message, indent: 4, style: Paint.bad) }
        return lines
    }

    /// On the command line without `--verbose`, the end of what the failed step printed: a
    /// harness that exits non-zero says why there, and a crash or a hang leaves its last words
    /// there. The screen and `--verbose` show every step's whole output instead.
    private var failedStepTail: [StyledLine] {
        guard case .commandLine(false, _, _) = medium, let step = result.steps.last(where: { !$0.passed }) else { return [] }
        let printed = [step.stdout, step.stderr].map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        guard !printed.isEmpty else { return [] }
        let rows = output(printed.joined(separator: "\n"))
        let shown = rows.suffix(Self.commandLineRows)
        let skipped = rows.count - shown.count
        return [StyledLine("\(DisplayWidth.printable(step.name)) printed:", style: Paint.strong)]
            + (skipped > 0 ? [StyledLine("  … \(skipped) earlier lines; --verbose shows them all", style: Paint.quiet)] : [])
            + shown
    }

    /// The start of a sanitizer's or the race detector's report on the command line, where it names
    /// the accesses and their frames; the screen shows the step's whole output instead.
    private func reportHead(_ finding: FindingSummary) -> [StyledLine] {
        guard case .commandLine(false, _, _) = medium else { return [] }
        let rows = output(finding.report.trimmingCharacters(in: .newlines))
        guard !rows.isEmpty else { return [] }
        let shown = rows.prefix(Self.commandLineRows)
        let skipped = rows.count - shown.count
        return [StyledLine("The report begins:", style: Paint.strong)] + shown
            + (skipped > 0 ? [StyledLine("  … \(skipped) more lines; --verbose shows them all", style: Paint.quiet)] : [])
    }

    /// The result's message as a sentence.
    private var messageLines: [StyledLine] {
        wrap(result.message.prefix(1).uppercased() + result.message.dropFirst(), style: Paint.strong)
    }

    /// A passed ratio's or bound's figures.
    private func measurementLines(_ comparison: MetricComparison) -> [StyledLine] {
        if comparison.kind == .ratio, comparison.dimension == .time, let factor = comparison.factor,
            let required = comparison.atLeast, let baseline = comparison.baseline, let baselineMedian = comparison.baselineMedian
        {
            return [
                StyledLine(
                    String(
                        format: "%.2f× as fast as %@, needs %.2f× (median %.4f s against %.4f s)",
                        factor, baseline, required, comparison.metricMedian, baselineMedian))
            ]
        }
        return wrap(comparison.summary)
    }

    /// How to install each missing tool and fix each broken one.
    private func toolLines(missing: [MissingTool] = [], broken: [BrokenTool] = []) -> [StyledLine] {
        missing.flatMap { tool in toolLines(tool.name, advice: ["Debian/Ubuntu: " + tool.debian]) }
            + broken.flatMap { tool in toolLines(tool.name, advice: tool.fixes.enumerated().map { ($0 == 0 ? "Fix: " : "") + $1 }) }
    }

    /// A tool's name, then each way to install or fix it, word-wrapped under it: a command cut
    /// at the panel's edge could not be copied.
    private func toolLines(_ name: String, advice: [String]) -> [StyledLine] {
        [StyledLine("  " + DisplayWidth.printable(name), style: Paint.strong)] + advice.flatMap { wrap($0, indent: 4, hanging: 2) }
    }

    /// Expected against actual output: a line diff when the check compared whole output, else
    /// what was printed. The command line shows at most ``commandLineRows`` rows unless verbose.
    private func diffLines(_ mismatch: OutputMismatch) -> [StyledLine] {
        func split(_ text: String) -> [String] {
            text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let actual = split(mismatch.actual)
        guard let expectedText = mismatch.expected, mismatch.check.hasPrefix("differs") else {
            return gap + [StyledLine("\(mismatch.stream) (\(mismatch.check)) was:", style: Paint.strong)]
                + limited(output(mismatch.actual))
        }
        let expected = split(expectedText)
        var rows: [StyledLine] = []
        for index in 0..<max(expected.count, actual.count) {
            let want = index < expected.count ? expected[index] : nil, got = index < actual.count ? actual[index] : nil
            if want == got {
                rows += output(want ?? "", indent: 2)
                continue
            }
            if let want { rows += output("- " + want, indent: 0, style: Paint.good) }
            if let got { rows += output("+ " + got, indent: 0, style: Paint.bad) }
        }
        return gap + [
            StyledLine([
                Span("\(mismatch.stream) differs:  "), Span("- expected", style: Paint.good),
                Span("  "), Span("+ actual", style: Paint.bad),
            ])
        ] + limited(rows)
    }

    /// Rows of output the command line shows without `--verbose`; the screen scrolls instead.
    static let commandLineRows = 20

    private func limited(_ rows: [StyledLine]) -> [StyledLine] {
        guard case .commandLine(false, _, _) = medium, rows.count > Self.commandLineRows else { return rows }
        return Array(rows.prefix(Self.commandLineRows))
            + [StyledLine("… \(rows.count - Self.commandLineRows) more lines; --verbose shows them all", style: Paint.quiet)]
    }

    // MARK: - What to do next

    /// How the medium words an action the learner can take.
    private struct ActionWording {
        var checkAgain: String
        var skip: String?
        /// Where the next hint is, when the lesson has one left (as far as the medium knows).
        var hint: String?
        var retry: String
        var edit: String
        var solution: String?
    }

    private var wording: ActionWording {
        switch medium {
        case .screen(_, _, let activity):
            let skip = Keymap.lesson.first { $0.command == .skip }.map { "press \($0.keysLabel) to skip the lesson" }
            let hint =
                activity.hintsRevealed < lesson.hints.count
                ? "Press h for \(HintWording.which(activity.hintsRevealed, of: lesson.hints.count))." : nil
            return ActionWording(
                checkAgain: "check again with c", skip: skip, hint: hint,
                retry: lesson.kind == .code ? "" : " Press r to try again.",
                edit: "Edit with e and check again with c.",
                solution: LessonRules.solutionAvailable(activity) ? "Press s to compare with the reference solution." : nil)
        case .commandLine(_, _, let followUp):
            // The command line does not know how many hints were revealed; `crucible hint` says when none are left.
            return ActionWording(
                checkAgain: "check again", skip: "skip the lesson: the order is only a suggestion",
                hint: lesson.hints.isEmpty ? nil : followUp.command("hint", result.lessonID),
                retry: "", edit: "Edit your files and check again.", solution: nil)
        }
    }

    /// After a check that never ran (a missing or broken tool, another platform, an engine error), what to do
    /// instead, and no hint; after a failure, the next hint, else the solution, else encouragement.
    private var nextStepLines: [StyledLine] {
        let wording = wording
        var lines: [StyledLine] = []
        if case .commandLine(false, _, let followUp) = medium, result.judgedTheWork, !result.steps.isEmpty {
            lines.append(StyledLine("full output: " + followUp.command("check", result.lessonID, "--verbose"), style: Paint.quiet))
        }
        let advice: String
        if result.outcome == .otherPlatform {
            advice =
                "It cannot be checked on this machine"
                + (wording.skip.map { "; \($0)" } ?? "") + ". This was not counted as an attempt."
        } else if result.stoppedByTools {
            advice =
                (result.outcome == .toolMissing ? "Install it" : "Fix it") + ", then \(wording.checkAgain)"
                + (wording.skip.map { "; or \($0)" } ?? "") + ". This was not counted as an attempt."
        } else if !result.judgedTheWork {
            advice = "The check itself could not run: this says nothing about your work and was not counted as an attempt."
        } else if let hint = wording.hint {
            advice = "Stuck? \(hint)\(wording.retry)"
        } else if lesson.kind == .code, let solution = wording.solution {
            advice = solution
        } else {
            advice = lesson.kind == .code ? wording.edit : "Have another look at the lesson, then try again." + wording.retry
        }
        return lines + wrap(advice, style: Paint.advice)
    }

    // MARK: - Answers and output

    /// Per question right or not with the explanation of each wrong pick; or the prediction against the output.
    private var answerLines: [StyledLine] {
        var lines: [StyledLine] = []
        for answer in result.answers {
            lines.append(
                StyledLine([
                    Span("Question \(answer.question): ", style: Paint.strong),
                    answer.correct ? Span("✓ right", style: Paint.goodMark) : Span("✗ not right", style: Paint.badMark),
                ]))
            if let prompt = lesson.quiz?.questions[safe: answer.question - 1]?.prompt {
                lines += wrap(prompt, indent: 2, style: Paint.quiet)
            }
            for explanation in answer.explanations {
                lines += wrap(explanation, indent: 4).enumerated().map { row, line in
                    row == 0 ? StyledLine([Span("  • ", style: Style(foreground: .yellow))] + line.spans.dropFirst()) : line
                }
            }
            lines += gap
        }
        if let predict = result.predict {
            lines.append(
                StyledLine([
                    Span("You said:  ", style: Paint.strong), Span(predict.answer, style: result.passed ? Paint.goodMark : Paint.bad),
                ]))
            lines.append(StyledLine([Span("It prints: ", style: Paint.strong), Span(predict.expected, style: Paint.good)]))
            if let output = predict.realOutput {
                lines += gap
                lines.append(StyledLine("The program's real output:", style: Paint.strong))
                lines += self.output(output)
            }
            lines += gap
        }
        return lines
    }

    /// Every step's command, how it ended, and its full output; the sanitizer's whole report.
    private var outputLines: [StyledLine] {
        guard !result.steps.isEmpty || result.finding != nil else { return [] }
        var lines = [StyledLine(), StyledLine("Output", style: theme.heading2)]
        for step in result.steps {
            let mark =
                step.skipped != nil
                ? Span("– ", style: Paint.quiet) : step.passed ? Span("✓ ", style: Paint.goodMark) : Span("✗ ", style: Paint.badMark)
            lines.append(
                StyledLine([
                    mark, Span(DisplayWidth.printable(step.name), style: Paint.strong),
                    Span("  \(step.termination), " + LessonScreenView.seconds(step.duration), style: Paint.quiet),
                ]))
            // A line of its own: beside the status it ran past 80 columns and was cut.
            if let usage = step.usage { lines.append(StyledLine("  used: " + usage.text, style: Paint.quiet)) }
            lines += output("$ " + step.command.joined(separator: " "), style: Paint.quiet)
            for (label, text) in [("stdout", step.stdout), ("stderr", step.stderr)] where !text.isEmpty {
                lines.append(StyledLine("  \(label):", style: Paint.quiet))
                lines += output(text, indent: 4)
            }
        }
        if let finding = result.finding {
            lines.append(StyledLine("\(finding.tool) report:", style: Paint.strong))
            lines += output(finding.report)
        }
        return lines
    }

    /// "steps: ✓ build 0.12 s, ✗ run 0.01 s": the command line's one line for what `outputLines` shows in full.
    private var stepSummary: [StyledLine] {
        guard !result.steps.isEmpty else { return [] }
        let steps = result.steps.map { step in
            step.skipped != nil
                ? "– \(step.name) skipped" : (step.passed ? "✓ " : "✗ ") + step.name + String(format: " %.2f s", step.duration)
        }
        return [StyledLine("steps: " + steps.joined(separator: ", "), style: Paint.quiet)]
    }

    // MARK: - Layout for the medium

    private var width: Int? {
        if case .screen(let width, _, _) = medium { width } else { nil }
    }

    private var theme: Theme {
        if case .screen(_, let theme, _) = medium { theme } else { .standard }
    }

    /// `text` in `style` after `indent` spaces, word-wrapped on the screen (continuations
    /// `hanging` further in); taken literally, line by line, on the command line.
    private func wrap(_ text: String, indent: Int = 0, hanging: Int = 0, style: Style = .plain) -> [StyledLine] {
        let lines =
            if let width {
                PanelText.wrap(text, width: max(8, width - indent - hanging), style: style, theme: theme)
            } else {
                text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(String($0), style: style) }
            }
        return lines.enumerated().map { row, line in
            line.prefixed(by: Span(String(repeating: " ", count: indent + (row == 0 ? 0 : hanging))))
        }
    }

    /// Program output after `indent` spaces, as the program printed it; on the screen a long
    /// line breaks at the panel's edge (see ``PanelText/output(_:width:indent:style:theme:)``).
    private func output(_ text: String, indent: Int = 2, style: Style = .plain) -> [StyledLine] {
        if let width { return PanelText.output(text, width: width, indent: indent, style: style, theme: theme) }
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            StyledLine([Span(String(repeating: " ", count: indent)), Span(String(line), style: style)])
        }
    }

    private static func place(_ file: String?, _ line: Int?, _ column: Int?) -> String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }

}
