import CrucibleEngine

/// A whole lesson as styled lines: title, kind and XP, the Markdown body, and
/// what the learner does next (questions, the program to predict, files to edit).
///
/// The kind-specific parts are built as Markdown blocks so they wrap and
/// style exactly like the body.
public enum LessonText {
    /// Lays out `lesson` for `width` columns.
    ///
    /// - Parameters:
    ///   - body: the lesson's Markdown body (``Lesson/loadBody()``); the caller reads it,
    ///     so that drawing never touches the file system.
    ///   - program: for a predict lesson, the source of the program to predict.
    ///   - interactive: whether the lesson is shown in the full-screen UI, where a key checks the
    ///     work, rather than printed, where the learner runs `crucible check`.
    ///   - followUp: how a printed lesson words that `crucible check` command.
    public static func lines(
        for lesson: Lesson, body: String, program: String? = nil,
        width: Int, theme: Theme = .standard, interactive: Bool = false, followUp: FollowUpCommands = .plain
    ) -> [StyledLine] {
        var lines = [StyledLine(lesson.title, style: theme.heading1), StyledLine(summary(of: lesson), style: theme.quoteBar), StyledLine()]
        lines += MarkdownLayout.lines(for: MarkdownDocument.parse(body), width: width, theme: theme)
        let extra = blocks(for: lesson, program: program, interactive: interactive, followUp: followUp)
        if !extra.isEmpty {
            lines.append(StyledLine())
            lines += MarkdownLayout.lines(for: MarkdownDocument(blocks: extra), width: width, theme: theme)
        }
        return lines
    }

    /// "code · 10 XP · 2 hints · needs swiftc". Only tools its check runs are named, as on the
    /// map: a predict lesson is answered without any (its program runs only to show its output).
    static func summary(of lesson: Lesson) -> String {
        var parts = [lesson.kind.rawValue, "\(lesson.xp) XP"]
        if !lesson.hints.isEmpty { parts.append(lesson.hints.count == 1 ? "1 hint" : "\(lesson.hints.count) hints") }
        let tools = CheckEngine.checkTools(of: lesson)
        if !tools.isEmpty { parts.append("needs " + tools.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    static func blocks(for lesson: Lesson, program: String?, interactive: Bool, followUp: FollowUpCommands) -> [MarkdownBlock] {
        let check = followUp.command("check", lesson.id)
        switch lesson.kind {
        case .read:
            // On screen the bottom bar offers Enter; printed, the command that marks it done.
            return interactive
                ? [] : [.paragraph([.text("Done reading? "), .code(check), .text(" marks it done.")])]
        case .quiz:
            let questions = lesson.quiz?.questions ?? []
            return questions.enumerated().flatMap { index, question -> [MarkdownBlock] in
                var heading = "Question \(index + 1) of \(questions.count)"
                if question.answers.count > 1 { heading += " (pick all that apply)" }
                let choices = question.choices.map { [MarkdownBlock.paragraph([.text($0.text)])] }
                return [
                    .heading(level: 3, [.text(heading)]), .paragraph([.text(question.prompt)]),
                    .list(ordered: true, start: 1, tight: true, items: choices),
                ]
            }
        case .predict:
            guard let predict = lesson.predict else { return [] }
            return [
                .heading(level: 3, [.text("What does "), .code(predict.program), .text(" print?")]),
                .codeBlock(language: predict.language, code: program ?? ""),
            ]
        case .code:
            guard let code = lesson.code else { return [] }
            let files = code.starter.map { [MarkdownBlock.paragraph([.code($0)])] }
            return [
                .heading(level: 3, [.text("Files to edit")]),
                .list(ordered: false, start: 1, tight: true, items: files),
                interactive
                    ? .paragraph([.text("Press "), .code("e"), .text(" to edit them and "), .code("c"), .text(" to check.")])
                    : .paragraph([.text("Run the check with "), .code(check), .text(".")]),
            ]
        }
    }
}
