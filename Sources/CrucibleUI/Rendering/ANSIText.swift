/// Renders styled lines as text for a plain stream such as stdout.
public enum ANSIText {
    /// The lines joined by newlines; with `color`, styled by SGR escape codes reset at each line end.
    ///
    /// Control characters in span text are shown as their stand-ins (``DisplayWidth/printable(_:)``),
    /// so the only escape sequences in the result are these SGR codes.
    public static func render(_ lines: [StyledLine], color: Bool) -> String {
        var output = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { output += "\n" }
            var styled = false
            for span in line.spans {
                let text = DisplayWidth.printable(span.text)
                if color {
                    if span.style != .plain {
                        output += sgr(span.style)
                        styled = true
                    } else if styled {
                        output += reset
                        styled = false
                    }
                }
                output += text
            }
            if styled { output += reset }
        }
        return output
    }

    static let reset = "\u{1B}[0m"

    /// The escape sequence that switches to exactly `style` from any previous one.
    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let index = style.foreground.paletteIndex { codes.append(String(index < 8 ? 30 + index : 82 + index)) }
        if let index = style.background.paletteIndex { codes.append(String(index < 8 ? 40 + index : 92 + index)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
