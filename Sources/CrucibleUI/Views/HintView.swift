import CrucibleEngine

/// The hints revealed so far, in order, and how to get the next.
enum HintView {
    static func lines(lesson: Lesson, revealed: Int, width: Int, theme: Theme) -> [StyledLine] {
        let hints = lesson.hints
        var lines: [StyledLine] = []
        for index in 0..<min(revealed, hints.count) {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(HintWording.sentence(HintWording.which(index, of: hints.count)), style: theme.heading2))
            lines += PanelText.markdown(hints[index], width: width, theme: theme)
        }
        lines.append(StyledLine())
        let next = revealed < hints.count ? "h reveals \(HintWording.which(revealed, of: hints.count))." : "That was the last hint."
        lines.append(StyledLine(next, style: Chrome.dim))
        return lines
    }
}
