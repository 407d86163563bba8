/// The styles used to draw lessons, gathered so a front end can swap colours in one place.
public struct Theme: Sendable, Hashable {
    public var text = Style.plain
    public var heading1 = Style(foreground: .brightCyan, bold: true, underline: true)
    public var heading2 = Style(foreground: .cyan, bold: true)
    /// Headings of level 3 to 6.
    public var heading3 = Style(bold: true)
    public var emphasis = Style(italic: true)
    public var strong = Style(bold: true)
    public var strikethrough = Style(dim: true)
    public var inlineCode = Style(foreground: .yellow)
    public var link = Style(foreground: .blue, underline: true)
    public var linkDestination = Style(dim: true)
    public var image = Style(foreground: .magenta)
    public var html = Style(dim: true)
    public var listMarker = Style(foreground: .cyan)
    public var quoteBar = Style(foreground: .brightBlack)
    public var quoteText = Style(italic: true)
    public var rule = Style(foreground: .brightBlack)
    public var tableBorder = Style(foreground: .brightBlack)
    public var tableHeader = Style(bold: true)
    public var code = Style.plain
    public var codeKeyword = Style(foreground: .magenta, bold: true)
    public var codeType = Style(foreground: .cyan)
    public var codeString = Style(foreground: .green)
    public var codeNumber = Style(foreground: .yellow)
    public var codeComment = Style(foreground: .brightBlack, italic: true)
    /// Swift attributes and `#` directives, Rust attributes and macros, C preprocessor lines.
    public var codeAttribute = Style(foreground: .brightMagenta)

    public init() {}

    /// The default colours, made for a dark background.
    public static let standard = Theme()

    /// Colours for a light background: no yellow or bright cyan, which wash out on white.
    public static let light: Theme = {
        var theme = Theme()
        theme.heading1 = Style(foreground: .blue, bold: true, underline: true)
        theme.heading2 = Style(foreground: .blue, bold: true)
        theme.inlineCode = Style(foreground: .magenta)
        theme.codeNumber = Style(foreground: .red)
        theme.codeType = Style(foreground: .blue)
        theme.codeAttribute = Style(foreground: .magenta)
        theme.listMarker = Style(foreground: .blue)
        return theme
    }()

    /// The theme a learner's setting names ("light" or "dark"); dark for anything else.
    public static func named(_ name: String?) -> Theme {
        name?.lowercased() == "light" ? .light : .standard
    }

    /// The style for a heading of `level`.
    public func heading(level: Int) -> Style {
        switch level {
        case ...1: heading1
        case 2: heading2
        default: heading3
        }
    }
}
