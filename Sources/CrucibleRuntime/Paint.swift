import CrucibleUI

/// The styles command-line text is painted with.
public enum Paint {
    public static let good = Style(foreground: .green)
    public static let goodMark = Style(foreground: .green, bold: true)
    public static let bad = Style(foreground: .red)
    public static let badMark = Style(foreground: .red, bold: true)
    public static let caution = Style(foreground: .yellow)
    public static let strong = Style(bold: true)
    public static let quiet = Style(dim: true)
}

/// Joining painted and plain text into one line of output.
extension StyledLine {
    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine { StyledLine(lhs.spans + rhs.spans) }
    public static func + (lhs: StyledLine, rhs: String) -> StyledLine { StyledLine(lhs.spans + [Span(rhs)]) }
    public static func + (lhs: String, rhs: StyledLine) -> StyledLine { StyledLine([Span(lhs)] + rhs.spans) }
}
