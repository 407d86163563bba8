import Foundation

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
        let locale =
            [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let normalised = String(locale.lowercased().filter { $0 != "-" })
        return TerminalCapabilities(color: !noColor, unicode: normalised.contains("utf8"))
    }
}

/// ASCII stand-ins for what the views draw, for terminals whose locale is not UTF-8.
///
/// Applied to the finished grid (``CellGrid/inASCII()``), never by the views, so no view
/// can forget it: every glyph the UI draws has an entry here, which the ASCII snapshot
/// tests check by drawing every screen. Lesson text goes through the same table, so
/// common punctuation (— ’ “ … → ≤ ×) reads as ASCII and accented letters lose their
/// accent (é → e); anything else becomes `?`, one per column, and only because the
/// content itself contained it.
///
/// Every stand-in is one column wide, like what it replaces, so layouts stay aligned.
public enum ASCIIFallback {
    static let table: [Character: Character] = {
        var table: [Character: Character] = [
            // Boxes, rules, the dock and table separators.
            "─": "-", "━": "-", "═": "=", "│": "|", "┃": "|", "║": "|",
            "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
            "╭": "+", "╮": "+", "╰": "+", "╯": "+",
            // Marks: lesson status on the map, results, the heat map, sparkles, selection.
            "•": "*", "·": ".", "✓": "v", "✔": "v", "✗": "x", "✘": "x", "…": ".",
            "○": "o", "◐": "~", "↻": "@", "»": ">", "«": "<", "›": ">", "‹": "<",
            "●": "*", "◆": "*", "★": "*", "☆": "*", "✦": "*", "✧": "+", "▲": "^",
            "■": "#", "▪": "+", "▶": ">", "▸": ">", "◀": "<", "↪": ">",
            // Bars, the stats chart and its axis, the text cursor.
            "█": "#", "▓": "#", "▒": ":", "░": ".", "▏": "|", "▕": "|", "▌": "|",
            "▁": "_", "▂": "_", "▃": "=", "▄": "=", "▅": "=", "▆": "#", "▇": "#",
            // Arrows in key names and text.
            "→": ">", "←": "<", "↑": "^", "↓": "v", "⇒": ">", "⇐": "<",
            // Punctuation and symbols common in lesson text.
            "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": "'", "′": "'", "″": "\"",
            "–": "-", "—": "-", "−": "-", "‐": "-", "≤": "<", "≥": ">", "≈": "~",
            "×": "x", "÷": "/", "µ": "u", "±": "+", "°": "o", "§": "S", "©": "C", "®": "R", "\u{A0}": " ",
        ]
        // The running check's spinner turns as | / - \ does.
        let turn: [Character] = ["|", "/", "-", "\\"]
        for (index, frame) in LessonScreenView.spinner.enumerated() { table[frame] = turn[index % turn.count] }
        return table
    }()

    /// `text` with each character outside ASCII replaced by its stand-in, for text printed under a
    /// locale that is not UTF-8 (escape sequences are ASCII and pass through).
    public static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.map { replacement(for: $0, width: DisplayWidth.of($0)) }.joined()
    }

    /// The ASCII text to draw for `character`, which takes `width` columns: as many columns as it.
    public static func replacement(for character: Character, width: Int) -> String {
        if character.isASCII { return String(character) }
        let columns = max(1, width)
        let stand = table[character] ?? withoutAccent(character)
        guard let stand else { return String(repeating: "?", count: columns) }
        return String(stand) + String(repeating: " ", count: columns - 1)
    }

    /// The base letter of an accented Latin letter (é → e), if that is what `character` is.
    private static func withoutAccent(_ character: Character) -> Character? {
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = scalars.first, base.isASCII, base.properties.isAlphabetic,
            scalars.dropFirst().allSatisfy({ $0.properties.canonicalCombiningClass != .notReordered })
        else { return nil }
        return Character(base)
    }
}

extension CellGrid {
    /// This grid as a terminal outside a UTF-8 locale shows it: every cell one ASCII character
    /// (see ``ASCIIFallback``), a wide character's stand-in filling both of its columns.
    public func inASCII() -> CellGrid {
        var result = CellGrid(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                let wide = x + 1 < width && self[x + 1, y].isContinuation
                let text = ASCIIFallback.replacement(for: cell.character, width: wide ? 2 : 1)
                for (offset, character) in text.enumerated() {
                    result.put(String(character), x: x + offset, y: y, style: cell.style)
                }
            }
        }
        return result
    }
}
