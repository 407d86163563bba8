/// The styles that say what text means (good, bad, quiet), shared by the full screen and the
/// command line so a pass, a failure or a side note looks alike in both.
public enum Paint {
    /// What went right, and expected output in a diff.
    public static let good = Style(foreground: .green)
    /// The ✓ of a pass.
    public static let goodMark = Style(foreground: .green, bold: true)
    /// What went wrong, and actual output in a diff.
    public static let bad = Style(foreground: .red)
    /// The ✗ of a failure.
    public static let badMark = Style(foreground: .red, bold: true)
    public static let caution = Style(foreground: .yellow)
    public static let strong = Style(bold: true)
    /// Side notes: timings, paths, where to find more.
    public static let quiet = Style(dim: true)
    /// What to do next.
    public static let advice = Style(foreground: .cyan)
}

/// Joining painted and plain text into one line.
extension StyledLine {
    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine { StyledLine(lhs.spans + rhs.spans) }
    public static func + (lhs: StyledLine, rhs: String) -> StyledLine { StyledLine(lhs.spans + [Span(rhs)]) }
    public static func + (lhs: String, rhs: StyledLine) -> StyledLine { StyledLine([Span(lhs)] + rhs.spans) }
}
