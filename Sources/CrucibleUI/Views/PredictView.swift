import CrucibleEngine

/// The program to predict, highlighted; the answer field is in the dock beneath it.
enum PredictView {
    static func lines(lesson: Lesson, program: String?, width: Int, theme: Theme) -> [StyledLine] {
        guard let predict = lesson.predict else { return [] }
        var lines = [
            StyledLine([
                Span("What does ", style: theme.heading2), Span(predict.program, style: theme.inlineCode),
                Span(" print?", style: theme.heading2),
            ]), StyledLine(),
        ]
        lines += SyntaxHighlighter.block(for: program ?? "", language: predict.language, width: width, theme: theme)
        lines.append(StyledLine())
        let compare =
            predict.caseSensitive
            ? "Spaces and line breaks do not matter; letter case does."
            : "Spaces, line breaks and letter case do not matter."
        lines += PanelText.wrap("Type the output on one line and press Enter. " + compare, width: width, style: Chrome.dim, theme: theme)
        return lines
    }
}
