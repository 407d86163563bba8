/// The styles used to draw lessons, and the palette every screen is drawn in.
///
/// Views name colours as they look on a dark background; ``palette`` says what each is
/// drawn as. The light theme swaps the colours that wash out on white (yellow, cyan, white,
/// the bright ones) for darker ones, applied to the finished grid (``AppView``) so the
/// header, bars, marks, code, panels and boxes all change together and no view can miss it.
public struct Theme: Sendable, Hashable {
    /// "dark" or "light": the learner's setting, and what the help and status line call it.
    public var name = "dark"
    /// The colour drawn for each colour a view names; colours not listed are drawn as named.
    public var palette: [Color: Color] = [:]
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
    /// Bright yellow, a colour nothing else uses, so the light palette can give numbers their own.
    public var codeNumber = Style(foreground: .brightYellow)
    public var codeComment = Style(foreground: .brightBlack, italic: true)
    /// Swift attributes and `#` directives, Rust attributes and macros, C preprocessor lines.
    public var codeAttribute = Style(foreground: .brightMagenta)
    /// The `↪` that starts the continuation of a code line too long for the screen.
    public var codeWrapMark = Style(foreground: .brightBlack)

    public init() {}

    /// The default colours, made for a dark background.
    public static let standard = Theme()

    /// For a light background: only the eight darker colours and grey, which read on white.
    /// Yellow (keys, in-progress marks, inline code, notices) becomes magenta, bright yellow
    /// (numbers in code) red, cyan (headings, borders, types, paths) blue, and the other bright
    /// colours their darker half. Being only a palette, switching needs no new layout.
    public static let light: Theme = {
        var theme = Theme()
        theme.name = "light"
        theme.palette = [
            .yellow: .magenta, .brightYellow: .red,
            .cyan: .blue, .brightCyan: .blue, .brightBlue: .blue,
            .brightGreen: .green, .brightRed: .red, .brightMagenta: .magenta,
            .white: .black, .brightWhite: .black,
        ]
        return theme
    }()

    /// `style` with its colours as this theme draws them.
    public func drawn(_ style: Style) -> Style {
        guard !palette.isEmpty else { return style }
        var drawn = style
        drawn.foreground = palette[style.foreground] ?? style.foreground
        drawn.background = palette[style.background] ?? style.background
        return drawn
    }

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
