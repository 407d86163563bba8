/// What the user's terminal can show, decided from the environment so views and the
/// terminal layer agree: colour (NO_COLOR turns it off) and Unicode (a UTF-8 locale).
public struct TerminalCapabilities: Sendable, Equatable {
    /// Whether to use colours at all.
    public var color: Bool
    /// Whether the locale is UTF-8, so box drawing and marks can be drawn.
    public var unicode: Bool

    public init(color: Bool, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    /// Reads NO_COLOR and the locale variables the way the C library does (LC_ALL, then
    /// LC_CTYPE, then LANG); the process locale itself may have been switched for wcwidth.
    public static func fromEnvironment(_ environment: [String: String]) -> TerminalCapabilities {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let normalised = String(locale.lowercased().filter { $0 != "-" })
        return TerminalCapabilities(color: !noColor, unicode: normalised.contains("utf8"))
    }
}

/// ASCII stand-ins for what the views draw, for terminals whose locale is not UTF-8.
///
/// Every stand-in is one column wide, like what it replaces, so layouts stay aligned;
/// anything else outside ASCII becomes `?` (one column per column it took).
public enum ASCIIFallback {
    static let table: [Character: Character] = [
        "─": "-", "━": "-", "═": "=", "│": "|", "┃": "|", "║": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "╭": "+", "╮": "+", "╰": "+", "╯": "+",
        "•": "*", "·": ".", "✓": "v", "✔": "v", "✗": "x", "✘": "x", "…": ".",
        "█": "#", "▓": "#", "▒": ":", "░": ".", "▏": "|", "▌": "|", "▶": ">", "▸": ">", "◀": "<",
        "●": "*", "○": "o", "◆": "*", "★": "*", "☆": "*", "→": ">", "←": "<", "↑": "^", "↓": "v",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "–": "-", "—": "-",
        // The course map's lesson marks not covered above (see `LessonMark.symbol`).
        "◐": "~", "↻": "*", "»": ">",
    ]

    /// `text` with each character outside ASCII replaced by its stand-in, for text printed under a
    /// locale that is not UTF-8 (escape sequences are ASCII and pass through).
    public static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.map { replacement(for: $0, width: DisplayWidth.of($0)) }.joined()
    }

    /// The ASCII text to draw for `character`, which takes `width` columns.
    public static func replacement(for character: Character, width: Int) -> String {
        if character.isASCII { return String(character) }
        if let stand = table[character] { return String(stand) }
        return String(repeating: "?", count: max(1, width))
    }
}
