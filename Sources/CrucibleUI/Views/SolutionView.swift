import CrucibleEngine

/// The lesson's reference solution, file by file, highlighted.
enum SolutionView {
    static func lines(_ solution: SolutionContent, lesson: Lesson, width: Int, theme: Theme) -> [StyledLine] {
        switch solution {
        case .notLoaded, .loading:
            return [StyledLine("Loading the solution…", style: Chrome.dim)]
        case .failed(let message):
            return [StyledLine("The solution cannot be read:", style: Chrome.error)] + PanelText.wrap(message, width: width, theme: theme)
        case .loaded(let files):
            var lines = PanelText.wrap(
                "The reference solution. Compare it with yours; viewing it forfeits this lesson's XP bonuses.",
                width: width, style: Chrome.dim, theme: theme)
            let language = lesson.code?.language ?? ""
            for file in files {
                lines.append(StyledLine())
                lines.append(StyledLine("solution/" + DisplayWidth.printable(file.name), style: theme.heading2))
                lines.append(StyledLine())
                lines += SyntaxHighlighter.block(for: file.text, language: language, width: width, theme: theme)
            }
            return lines
        }
    }
}
