import CrucibleEngine

/// What the game made of an action (XP and its bonuses, level-ups, achievements, a growing
/// streak) in words, built once for the result panel, the command line and notices.
public enum GameEventPresentation {
    /// One line per event worth telling. With a `width` (the full screen), a line too long for it
    /// (an achievement's description) wraps between words, its continuation indented, so nothing
    /// is cut off; without one (the command line), the terminal wraps.
    public static func lines(_ events: [GameEvent], width: Int? = nil) -> [StyledLine] {
        let lines = events.compactMap(line)
        guard let width else { return lines }
        return lines.flatMap { line in
            line.pieces(of: max(8, width - 2), preferringAfter: [" "]).enumerated().map { index, piece in
                index == 0 ? piece : piece.prefixed(by: Span("  "))
            }
        }
    }

    /// The events as short phrases for a one-line notice: "+5 XP", "level 2: Apprentice",
    /// "Achievement: First light".
    public static func phrases(_ events: [GameEvent]) -> [String] {
        events.compactMap { event in
            switch event {
            case .xpAwarded: "+\(event.xpTotal ?? 0) XP"
            case .levelUp(let level): "level \(level.number): \(level.name)"
            case .achievementUnlocked(let achievement): "Achievement: \(achievement.title)"
            default: nil
            }
        }
    }

    private static func line(_ event: GameEvent) -> StyledLine? {
        switch event {
        case .xpAwarded(_, let base, let bonuses):
            let total = event.xpTotal ?? base
            let parts = ["\(base) base"] + bonuses.map { "\($0.bonus.label) +\($0.points)" }
            return StyledLine([
                Span("+\(total) XP", style: Style(foreground: .yellow, bold: true)),
                Span("  (" + parts.joined(separator: " · ") + ")", style: Paint.quiet),
            ])
        case .levelUp(let level):
            return StyledLine(
                "▲ Level up! You are now level \(level.number): \(level.name)", style: Style(foreground: .magenta, bold: true))
        case .achievementUnlocked(let achievement):
            return StyledLine([
                Span("★ Achievement unlocked: ", style: Style(foreground: .yellow, bold: true)),
                Span(achievement.title, style: Paint.strong), Span(" — " + achievement.description),
            ])
        case .streakExtended(let days) where days > 1:
            return StyledLine("Streak: \(days) days in a row", style: Style(foreground: .cyan))
        case .lessonPassed, .streakExtended, .streakBroken:
            return nil
        }
    }
}
