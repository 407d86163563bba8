/// Text from a lesson, a learner's program or a file name made safe to show: the one place that
/// decides how a control character looks, for the command line and the full screen alike.
///
/// A control character written raw could move the cursor, retitle the window or clear the
/// screen, so each is drawn as a visible stand-in instead of being lost: C0 controls as their
/// Unicode control pictures (ESC as `␛`, BEL as `␇`), DEL as `␡`, and an 8-bit C1 control as `␛`
/// and its 7-bit letter (CSI, U+009B, as `␛[`), which is what it means to a terminal.
public enum VisibleText {
    /// The stand-in for `scalar` when it is a control character, else nil.
    public static func standIn(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0..<0x20: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        case 0x80..<0xA0: return "\u{241B}" + String(Unicode.Scalar(scalar.value - 0x40)!)
        default: return nil
        }
    }

    /// Whether `text` holds no control character at all (the common case, checked on bytes).
    static func isClean(_ text: String) -> Bool {
        // C1 controls (U+0080...U+009F) are the only scalars whose UTF-8 starts with 0xC2 0x80...0x9F;
        // a 0xC2 lead is rare enough to send the text down the slow path.
        !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 })
    }

    /// `text` with every control character shown by its stand-in, except newlines and tabs,
    /// which keep laying out lines; a CR ending a line (`\r\n`) is dropped with it as the line
    /// end it is, and a lone CR, which would overwrite the line, is shown as `␍`.
    public static func lines(_ text: String) -> String {
        if isClean(text) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if scalar == "\r", next == "\n" { continue }
            if scalar == "\n" || scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if let standIn = standIn(for: scalar) {
                result += standIn
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as one line: tabs and line ends (`\n`, `\r\n`) become spaces, every other control
    /// character its stand-in.
    public static func line(_ text: String) -> String {
        if isClean(text) { return text }
        var result = ""
        for character in lines(text) {
            result.append(character == "\n" || character == "\t" ? " " : character)
        }
        return result
    }

    /// `value` between backticks for a message, with the characters that would break or hide
    /// it escaped Swift-style (`\n`, `\t`, `\r`, `\u{1B}`, and invisible format characters such
    /// as a right-to-left override), so "unknown key `a\nb`" names exactly the key the file has.
    /// Backslashes stay as they are: regular expressions and paths quote them often.
    public static func quoted(_ value: some CustomStringConvertible) -> String {
        var result = "`"
        for scalar in value.description.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if standIn(for: scalar) != nil || scalar.properties.generalCategory == .format
                    || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "`"
    }
}

extension String.StringInterpolation {
    /// Interpolates `value` quoted for a message (``VisibleText/quoted(_:)``): `"unknown key \(quoted: key)"`.
    public mutating func appendInterpolation(quoted value: some CustomStringConvertible) {
        appendLiteral(VisibleText.quoted(value))
    }
}
