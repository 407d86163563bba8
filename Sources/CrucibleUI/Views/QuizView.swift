import CrucibleEngine

/// A quiz question with its choices: the highlighted one marked, the picked ones ticked.
enum QuizView {
    static func lines(lesson: Lesson, answers: QuizAnswers, width: Int, theme: Theme) -> [StyledLine] {
        guard let questions = lesson.quiz?.questions, questions.indices.contains(answers.question) else {
            return [StyledLine("This quiz has no questions.", style: Chrome.dim)]
        }
        let question = questions[answers.question]
        let multiple = question.answers.count > 1
        var heading = [Span("Question \(answers.question + 1) of \(questions.count)", style: theme.heading2)]
        if multiple { heading.append(Span("  · pick all that apply", style: Chrome.dim)) }
        var lines = [StyledLine(heading), StyledLine()]
        lines += PanelText.markdown(question.prompt, width: width, theme: theme)
        lines.append(StyledLine())
        let picked = answers.picked.indices.contains(answers.question) ? answers.picked[answers.question] : []
        for (index, choice) in question.choices.enumerated() {
            let highlighted = index == answers.cursor
            let mark = multiple ? (picked.contains(index) ? "[x]" : "[ ]") : (picked.contains(index) ? "(•)" : "( )")
            let prefix = "\(highlighted ? "›" : " ") \(mark) \(index + 1). "
            let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
            let base = highlighted ? Chrome.selection : Style.plain
            let text = PanelText.markdown(choice.text, width: max(1, width - DisplayWidth.of(prefix)), theme: theme)
            for (row, line) in text.enumerated() {
                let lead = Span(row == 0 ? prefix : indent, style: base.layered(with: Style(bold: highlighted)))
                lines.append(line.restyled(under: base).prefixed(by: lead))
            }
        }
        lines.append(StyledLine())
        let how = multiple ? "Tick with Space or a number, then press Enter." : "Press a number, or move with ↑↓ and press Enter."
        lines.append(StyledLine(how, style: Chrome.dim))
        return lines
    }
}
