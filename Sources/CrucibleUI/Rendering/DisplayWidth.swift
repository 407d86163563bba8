import CrucibleEngine
import Glibc

/// glibc declares `wcwidth` only under `_XOPEN_SOURCE`, which the Glibc module
/// is not built with, so bind the symbol directly. wchar_t is Int32 on Linux.
@_silgen_name("wcwidth")
private func glibcWCWidth(_ character: wchar_t) -> Int32

/// Terminal display width of text: how many columns it occupies.
///
/// Based on glibc `wcwidth`, which is what ncurses uses, so our layout and the
/// terminal agree. Control characters count 0 (they are drawn only as their
/// stand-ins, see ``printable(_:)``),
/// combining marks 0, East Asian wide characters and emoji 2.
public enum DisplayWidth {
    /// `wcwidth` answers -1 for every non-ASCII character unless LC_CTYPE is a
    /// UTF-8 locale. A process starts in the "C" locale, so unless the front end
    /// already chose a UTF-8 locale we switch LC_CTYPE to the user's (if UTF-8)
    /// or C.UTF-8. Done once, lazily; LC_CTYPE affects only character
    /// classification, not number or message formatting.
    private static let utf8LocaleActive: Bool = {
        if isUTF8Codeset() { return true }
        if setlocale(LC_CTYPE, "") != nil, isUTF8Codeset() { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil && isUTF8Codeset()
    }()

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// Columns occupied by one Unicode scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and C1 controls
        _ = utf8LocaleActive
        let width = glibcWCWidth(wchar_t(bitPattern: value))
        if width >= 0 { return Int(width) }
        // Unassigned or otherwise unknown to this glibc: fall back on Unicode properties.
        let properties = scalar.properties
        if properties.generalCategory == .control || properties.generalCategory == .format { return 0 }
        return properties.isEmojiPresentation ? 2 : 1
    }

    /// Columns occupied by one grapheme cluster.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            // "\r\n" is one ASCII Character; it and other controls are width 0.
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let width = of(first)
        if scalars.count > 1 {
            // U+FE0F asks for emoji presentation, and a pair of regional
            // indicators is a flag: terminals draw both two columns wide.
            if scalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation { return 2 }
            if first.value >= 0x1F1E6 && first.value <= 0x1F1FF { return 2 }
        }
        return width
    }

    /// Columns occupied by a string: the sum over its grapheme clusters.
    public static func of<Text: StringProtocol>(_ text: Text) -> Int {
        // Fast path: printable ASCII is one column per byte, and it is most text.
        var count = 0
        var allASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { allASCII = false; break }
            if byte >= 0x20 && byte < 0x7F { count += 1 }
        }
        if allASCII { return count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether `character` must never be written to the screen (C0/C1 controls, DEL).
    public static func isControl(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return true }
        return first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0)
    }

    /// `text` made safe to draw on one line (``VisibleText/line(_:)``): tabs and line ends become
    /// spaces and every other control character its visible stand-in, so nothing can move the
    /// cursor or inject a terminal escape sequence, and nothing is silently lost.
    public static func printable(_ text: String) -> String {
        VisibleText.line(text)
    }
}
