/// A terminal colour from the 16-colour palette every terminal supports, or the terminal's default.
public enum Color: Sendable, Hashable, CaseIterable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// Index 0...15 in the ANSI palette, or nil for the terminal default.
    public var paletteIndex: Int? {
        switch self {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        }
    }
}

/// How a cell is drawn: colours plus text attributes.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var dim: Bool
    public var reverse: Bool

    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false,
        italic: Bool = false, underline: Bool = false, dim: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.dim = dim
        self.reverse = reverse
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with `other` layered on top: its non-default colours win and attributes add up.
    ///
    /// Used for nested inlines, e.g. a link inside strong text is both bold and underlined.
    public func layered(with other: Style) -> Style {
        Style(
            foreground: other.foreground == .default ? foreground : other.foreground,
            background: other.background == .default ? background : other.background,
            bold: bold || other.bold, italic: italic || other.italic,
            underline: underline || other.underline, dim: dim || other.dim,
            reverse: reverse || other.reverse)
    }
}

/// A run of text drawn in one style.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One display line made of styled spans; it never contains a newline.
public struct StyledLine: Sendable, Hashable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    /// A line holding one span.
    public init(_ text: String, style: Style = .plain) {
        self.spans = text.isEmpty ? [] : [Span(text, style: style)]
    }

    /// The text with styles dropped.
    public var plainText: String {
        spans.map(\.text).joined()
    }

    /// Columns the line occupies on a terminal.
    public var displayWidth: Int {
        spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }
}
