import CrucibleEngine

/// The latest check or answer: on a pass a short celebration, the XP and what else was
/// earned, and the explanation; on a failure the reason first, then what helps (the diff,
/// the finding, install hints), the offer of a hint, and the full output.
enum ResultView {
    static let passStyle = Style(foreground: .green, bold: true)
    static let failStyle = Style(foreground: .red, bold: true)
    static let expectedStyle = Style(foreground: .green)
    static let actualStyle = Style(foreground: .red)

    static func lines(activity: LessonActivity, lesson: Lesson, width: Int, theme: Theme) -> [StyledLine] {
        guard let result = activity.result else { return [StyledLine("No result yet.", style: Chrome.dim)] }
        var lines = result.passed ? passLines(result, activity: activity, lesson: lesson, width: width, theme: theme)
                                  : failureLines(result, activity: activity, lesson: lesson, width: width, theme: theme)
        if lesson.kind == .code { lines += outputLines(result, width: width, theme: theme) }
        return lines
    }

    // MARK: - Pass

    /// The celebration's border, shifted one step per frame so the sparkles seem to move.
    static let sparkles: [Character] = ["✦", " ", "✧", " ", "·", " "]

    /// "✦ ✧ · Passed! · ✧ ✦", animated while `frame` counts up, still once it is nil.
    static func celebration(frame: Int?) -> StyledLine {
        let shift = frame ?? 0
        let side = String((0..<6).map { sparkles[($0 + shift) % sparkles.count] })
        return StyledLine([Span(side, style: Style(foreground: .yellow, bold: true)), Span(" Passed! ", style: passStyle),
                           Span(String(side.reversed()), style: Style(foreground: .yellow, bold: true))])
    }

    private static func passLines(_ result: CheckResult, activity: LessonActivity, lesson: Lesson,
                                  width: Int, theme: Theme) -> [StyledLine] {
        var lines = [celebration(frame: activity.celebrationFrame), StyledLine(lesson.title, style: Style(bold: true)), StyledLine()]
        let earned = eventLines(activity.events, width: width)
        if !earned.isEmpty { lines += earned + [StyledLine()] }
        lines += answerLines(result, lesson: lesson, width: width, theme: theme)
        if let explanation = lesson.explanation, !explanation.allSatisfy(\.isWhitespace) {
            lines.append(StyledLine("Why it works", style: theme.heading2))
            lines += PanelText.markdown(explanation, width: width, theme: theme)
            lines.append(StyledLine())
        }
        lines.append(StyledLine("n opens the next lesson.", style: Chrome.dim))
        return lines
    }

    /// XP with its bonuses, level-ups, achievements and a growing streak, one line each.
    /// A line too long for `width` (an achievement's description) wraps between words, its
    /// continuation indented, so nothing is cut off.
    static func eventLines(_ events: [GameEvent], width: Int) -> [StyledLine] {
        events.compactMap { event -> StyledLine? in
            switch event {
            case .xpAwarded(_, let base, let bonuses):
                let total = event.xpTotal ?? base
                let parts = ["\(base) base"] + bonuses.map { "\(bonusName($0.bonus)) +\($0.points)" }
                return StyledLine([Span("+\(total) XP", style: Style(foreground: .yellow, bold: true)),
                                   Span("  (" + parts.joined(separator: " · ") + ")", style: Chrome.dim)])
            case .levelUp(let level):
                return StyledLine("▲ Level up! You are now level \(level.number): \(level.name)", style: Style(foreground: .magenta, bold: true))
            case .achievementUnlocked(let achievement):
                return StyledLine([Span("★ Achievement: ", style: Style(foreground: .yellow, bold: true)),
                                   Span(achievement.title, style: Style(bold: true)), Span(" — " + achievement.description)])
            case .streakExtended(let days) where days > 1:
                return StyledLine("Streak: \(days) days in a row", style: Style(foreground: .cyan))
            default:
                return nil
            }
        }.flatMap { line in
            line.pieces(of: max(8, width - 2), preferringAfter: [" "]).enumerated().map { index, piece in
                index == 0 ? piece : piece.prefixed(by: Span("  "))
            }
        }
    }

    private static func bonusName(_ bonus: XPBonus) -> String {
        switch bonus {
        case .firstTry: "first try"
        case .noHints: "no hints"
        }
    }

    // MARK: - Failure

    private static func failureLines(_ result: CheckResult, activity: LessonActivity, lesson: Lesson,
                                     width: Int, theme: Theme) -> [StyledLine] {
        var headline = [Span("✗ " + result.outcomeLabel, style: failStyle)]
        if result.duration > 0 { headline.append(Span("  " + LessonScreenView.seconds(result.duration), style: Chrome.dim)) }
        if result.fromCache { headline.append(Span("  (cached: these same files were checked before)", style: Chrome.dim)) }
        var lines = [StyledLine(headline), StyledLine()]
        let reason = reasonLines(result, width: width, theme: theme)
        if !reason.isEmpty { lines += reason + [StyledLine()] }
        lines += answerLines(result, lesson: lesson, width: width, theme: theme)
        lines += PanelText.wrap(nextStep(activity, lesson: lesson), width: width, style: Style(foreground: .cyan), theme: theme)
        return lines
    }

    /// The reason, most specific first: compiler error, sanitizer finding, output diff, speed, limits, tools.
    static func reasonLines(_ result: CheckResult, width: Int, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let error = result.compilerError {
            let place = [error.file, error.line.map(String.init), error.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
            lines.append(StyledLine(place.isEmpty ? "The compiler stopped:" : "Compiler error in \(place):", style: Style(bold: true)))
            lines += PanelText.wrap(error.message, width: width - 2, style: actualStyle, theme: theme).map { $0.prefixed(by: Span("  ")) }
        } else if let finding = result.finding {
            let place = [finding.file, finding.line.map(String.init), finding.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
            lines.append(StyledLine("\(finding.tool) found a problem" + (place.isEmpty ? ":" : " at \(place):"), style: Style(bold: true)))
            lines += PanelText.wrap(finding.summary, width: width - 2, style: actualStyle, theme: theme).map { $0.prefixed(by: Span("  ")) }
        } else if result.reason != .wrongAnswer || result.answers.isEmpty && result.predict == nil {
            lines += PanelText.wrap(result.message.prefix(1).uppercased() + result.message.dropFirst(), width: width,
                                    style: Style(bold: true), theme: theme)
        }
        if let mismatch = result.outputMismatch { lines += diffLines(mismatch, width: width) }
        if let ratio = result.ratio, !result.passed {
            lines.append(StyledLine(String(format: "%.2f× as fast as %@, needs %.2f× (median %.4f s against %.4f s)",
                                           ratio.speedup, ratio.baseline, ratio.required, ratio.metricMedian, ratio.baselineMedian)))
        }
        if let limit = result.limit { lines.append(StyledLine("Limit reached: \(limit)", style: Chrome.dim)) }
        for tool in result.missingTools {
            lines += toolLines(tool.name, advice: ["Debian/Ubuntu: " + tool.debian, "macOS: " + tool.macOS], width: width, theme: theme)
        }
        for tool in result.brokenTools {
            lines += toolLines(tool.name, advice: tool.fixes.enumerated().map { ($0 == 0 ? "Fix: " : "") + $1 }, width: width, theme: theme)
        }
        return lines
    }

    /// A tool's name, then each way to install or fix it, word-wrapped under it: a command cut
    /// at the panel's edge could not be copied.
    private static func toolLines(_ name: String, advice: [String], width: Int, theme: Theme) -> [StyledLine] {
        [StyledLine("  " + DisplayWidth.printable(name), style: Style(bold: true))] + advice.flatMap { line in
            PanelText.wrap(line, width: max(8, width - 6), theme: theme).enumerated().map { row, wrapped in
                wrapped.prefixed(by: Span(row == 0 ? "    " : "      "))
            }
        }
    }

    /// Expected against actual output: a line diff when the check compared whole output, else what was printed.
    static func diffLines(_ mismatch: OutputMismatch, width: Int) -> [StyledLine] {
        func split(_ text: String) -> [String] {
            text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let actual = split(mismatch.actual)
        guard let expectedText = mismatch.expected, mismatch.check.hasPrefix("differs") else {
            return [StyledLine(), StyledLine("\(mismatch.stream) (\(mismatch.check)) was:", style: Style(bold: true))]
                + PanelText.output(mismatch.actual, width: width)
        }
        let expected = split(expectedText)
        var lines = [StyledLine(), StyledLine([Span("\(mismatch.stream) differs:  "), Span("- expected", style: expectedStyle),
                                                Span("  "), Span("+ actual", style: actualStyle)])]
        for index in 0..<max(expected.count, actual.count) {
            let want = index < expected.count ? expected[index] : nil, got = index < actual.count ? actual[index] : nil
            if want == got {
                lines += PanelText.output(want ?? "", width: width, indent: 2)
                continue
            }
            if let want { lines += PanelText.output("- " + want, width: width, indent: 0, style: expectedStyle) }
            if let got { lines += PanelText.output("+ " + got, width: width, indent: 0, style: actualStyle) }
        }
        return lines
    }

    /// After a failure: the next hint, else the solution, else encouragement; after a check
    /// that never ran (a missing or broken tool), what to do instead, and no hint.
    static func nextStep(_ activity: LessonActivity, lesson: Lesson) -> String {
        if let result = activity.result, result.stoppedByTools {
            let skip = Keymap.lesson.first { $0.command == .skip }.map { " or press \($0.keysLabel) to skip the lesson" } ?? ""
            return (result.outcome == .toolMissing ? "Install it" : "Fix it") + ", then check again with c;\(skip)."
                + " This was not counted as an attempt."
        }
        let retry = lesson.kind == .code ? "" : " Press r to try again."
        if activity.hintsRevealed < lesson.hints.count {
            return "Stuck? Press h for hint \(activity.hintsRevealed + 1) of \(lesson.hints.count).\(retry)"
        }
        if lesson.kind == .code && LessonRules.solutionAvailable(activity) {
            return "Press s to compare with the reference solution."
        }
        return lesson.kind == .code ? "Edit with e and check again with c." : "Have another look at the lesson, then try again." + retry
    }

    // MARK: - Answers and output

    /// Per question right or not with the explanation of each wrong pick; or the prediction against the output.
    private static func answerLines(_ result: CheckResult, lesson: Lesson, width: Int, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        for answer in result.answers {
            lines.append(StyledLine([Span("Question \(answer.question): ", style: Style(bold: true)),
                                     answer.correct ? Span("✓ right", style: passStyle) : Span("✗ not right", style: failStyle)]))
            if let prompt = lesson.quiz?.questions[safe: answer.question - 1]?.prompt {
                lines += PanelText.wrap(prompt, width: width - 2, style: Chrome.dim, theme: theme).map { $0.prefixed(by: Span("  ")) }
            }
            for explanation in answer.explanations {
                lines += PanelText.wrap(explanation, width: width - 4, theme: theme).enumerated().map { row, line in
                    line.prefixed(by: Span(row == 0 ? "  • " : "    ", style: Style(foreground: .yellow)))
                }
            }
            lines.append(StyledLine())
        }
        if let predict = result.predict {
            lines.append(StyledLine([Span("You said:  ", style: Style(bold: true)), Span(predict.answer, style: result.passed ? passStyle : actualStyle)]))
            lines.append(StyledLine([Span("It prints: ", style: Style(bold: true)), Span(predict.expected, style: expectedStyle)]))
            if let output = predict.realOutput {
                lines.append(StyledLine())
                lines.append(StyledLine("The program's real output:", style: Style(bold: true)))
                lines += PanelText.output(output, width: width, theme: theme)
            }
            lines.append(StyledLine())
        }
        return lines
    }

    /// Every step's command, how it ended, and its full output; the sanitizer's whole report.
    private static func outputLines(_ result: CheckResult, width: Int, theme: Theme) -> [StyledLine] {
        guard !result.steps.isEmpty || result.finding != nil else { return [] }
        var lines = [StyledLine(), StyledLine("Output", style: theme.heading2)]
        for step in result.steps {
            let mark = step.passed ? Span("✓ ", style: passStyle) : Span("✗ ", style: failStyle)
            lines.append(StyledLine([mark, Span(DisplayWidth.printable(step.name), style: Style(bold: true)),
                                     Span("  \(step.termination), " + LessonScreenView.seconds(step.duration), style: Chrome.dim)]))
            lines += PanelText.output("$ " + step.command.joined(separator: " "), width: width, style: Chrome.dim, theme: theme)
            for (label, text) in [("stdout", step.stdout), ("stderr", step.stderr)] where !text.isEmpty {
                lines.append(StyledLine("  \(label):", style: Chrome.dim))
                lines += PanelText.output(text, width: width, indent: 4, theme: theme)
            }
        }
        if let finding = result.finding {
            lines.append(StyledLine("\(finding.tool) report:", style: Style(bold: true)))
            lines += PanelText.output(finding.report, width: width, theme: theme)
        }
        return lines
    }
}

extension Array {
    /// The element at `index`, or nil when it is out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
