/// A command, the keys bound to it on one screen, and how the help overlay and bottom bar describe it.
public struct KeyBinding: Sendable, Equatable {
    public var keys: [Key]
    public var command: Command
    /// One line for the help overlay, such as "next lesson".
    public var help: String
    /// The bottom-bar entry (keys, label), or nil to list the binding only in the help overlay.
    public var bar: BarHint?

    public init(_ keys: [Key], _ command: Command, _ help: String, bar: BarHint? = nil) {
        self.keys = keys
        self.command = command
        self.help = help
        self.bar = bar
    }

    /// The keys as the help overlay lists them: "↓ j".
    public var keysLabel: String { keys.map(\.label).joined(separator: " ") }
}

/// A short bottom-bar entry: "↑↓" "move".
public struct BarHint: Sendable, Equatable {
    public var keys: String
    public var label: String

    public init(_ keys: String, _ label: String) {
        self.keys = keys
        self.label = label
    }
}

/// The keys of every screen: one table drives key handling, the bottom bar and the help overlay.
public enum Keymap {
    /// The bindings active when `screen` is on top, in the order help lists them.
    public static func bindings(for screen: Screen) -> [KeyBinding] {
        switch screen {
        case .courseMap: courseMap
        case .lesson(let screen): LessonKeys.bindings(for: screen)
        case .welcome: welcome
        case .help: help
        case .stats: stats
        case .scoreboard: scoreboard
        case .search(let query): search(query)
        case .message: message
        case .trustQuestion: trustQuestion
        }
    }

    /// The command `key` stands for on `screen`, if any.
    public static func command(for key: Key, on screen: Screen) -> Command? {
        bindings(for: screen).first { $0.keys.contains(key) }?.command
    }

    static let quitAnywhere = KeyBinding([.control("c")], .quit, "quit Crucible")

    static let courseMap: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, "previous lesson", bar: BarHint("↑↓", "move")),
        KeyBinding([.down, .character("j")], .down, "next lesson"),
        KeyBinding([.pageUp], .pageUp, "a page up"),
        KeyBinding([.pageDown], .pageDown, "a page down"),
        KeyBinding([.home, .character("g")], .top, "first lesson"),
        KeyBinding([.end, .character("G")], .bottom, "last lesson"),
        KeyBinding([.enter, .right, .character("l")], .open, "open the lesson", bar: BarHint("Enter", "open")),
        KeyBinding([.character("/")], .search, "find a lesson by title", bar: BarHint("/", "find")),
        KeyBinding([.character("s")], .stats, "your stats: XP, active days, achievements", bar: BarHint("s", "stats")),
        KeyBinding([.character("b")], .scoreboard, "the scoreboard: your results per language, side by side"),
        KeyBinding([.character("x")], .skip, "skip the lesson (the order is only a suggestion)"),
        KeyBinding([.character("t")], .toggleTheme, "switch between the dark and the light theme"),
        KeyBinding([.character("?")], .help, "show these keys", bar: BarHint("?", "help")),
        KeyBinding([.character("q")], .quit, "quit Crucible", bar: BarHint("q", "quit")),
        quitAnywhere,
    ]

    static let lesson: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, "scroll up a line", bar: BarHint("↑↓", "scroll")),
        KeyBinding([.down, .character("j")], .down, "scroll down a line"),
        KeyBinding([.pageUp, .character("b")], .pageUp, "a page up", bar: BarHint("PgUp PgDn", "page")),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "a page down"),
        KeyBinding([.home, .character("g")], .top, "to the top"),
        KeyBinding([.end, .character("G")], .bottom, "to the end"),
        KeyBinding([.character("q"), .escape, .left, .character("h")], .back, "back to the course map", bar: BarHint("q", "back")),
        KeyBinding([.character("x")], .skip, "skip this lesson and go back to the map"),
        KeyBinding([.character("?")], .help, "show these keys", bar: BarHint("?", "help")),
        quitAnywhere,
    ]

    /// Any other key dismisses the welcome box too (see ``App/update(_:_:)``).
    static let welcome: [KeyBinding] = [
        KeyBinding([.enter, .character(" "), .escape, .character("q")], .dismiss, "start", bar: BarHint("Enter", "start")),
        quitAnywhere,
    ]

    static let help: [KeyBinding] = [
        KeyBinding([.character("?"), .escape, .character("q"), .enter], .dismiss, "close this help", bar: BarHint("Esc", "close")),
        quitAnywhere,
    ]

    /// Keys of the stats screen.
    static let stats: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, "scroll up a line", bar: BarHint("↑↓", "scroll")),
        KeyBinding([.down, .character("j")], .down, "scroll down a line"),
        KeyBinding([.pageUp, .character("b")], .pageUp, "a page up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "a page down"),
        KeyBinding([.home, .character("g")], .top, "to the top"),
        KeyBinding([.end, .character("G")], .bottom, "to the end"),
        KeyBinding(
            [.character("q"), .escape, .character("s"), .left, .character("h")], .back, "back to the course map",
            bar: BarHint("q", "back")),
        KeyBinding([.character("?")], .help, "show these keys", bar: BarHint("?", "help")),
        quitAnywhere,
    ]

    /// Keys of the scoreboard screen.
    static let scoreboard: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, "scroll up a line", bar: BarHint("↑↓", "scroll")),
        KeyBinding([.down, .character("j")], .down, "scroll down a line"),
        KeyBinding([.pageUp], .pageUp, "a page up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "a page down"),
        KeyBinding([.home, .character("g")], .top, "to the top"),
        KeyBinding([.end, .character("G")], .bottom, "to the end"),
        KeyBinding(
            [.character("q"), .escape, .character("b"), .left, .character("h")], .back, "back to the course map",
            bar: BarHint("q", "back")),
        KeyBinding([.character("?")], .help, "show these keys", bar: BarHint("?", "help")),
        quitAnywhere,
    ]

    /// Keys of the search field; every other key is typed into it. Esc empties a field that
    /// holds a query and closes an empty one, and the bar says which it will do.
    static func search(_ search: MapSearch) -> [KeyBinding] {
        let escape =
            search.query.isEmpty
            ? KeyBinding([.escape], .back, "close the search, back to the map", bar: BarHint("Esc", "close"))
            : KeyBinding([.escape], .clearSearch, "clear the search (Esc again closes it)", bar: BarHint("Esc", "clear"))
        return [
            KeyBinding([.up], .up, "previous match", bar: BarHint("↑↓", "move")),
            KeyBinding([.down], .down, "next match"),
            KeyBinding([.pageUp], .pageUp, "a page up"),
            KeyBinding([.pageDown], .pageDown, "a page down"),
            KeyBinding([.enter], .open, "open the lesson", bar: BarHint("Enter", "open")),
            escape,
            quitAnywhere,
        ]
    }

    /// Keys of the trust question; other keys do nothing, so a stray key never answers it.
    static let trustQuestion: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y")], .trustCourse, "trust this course and check", bar: BarHint("y", "trust and check")),
        KeyBinding(
            [.character("n"), .character("N"), .escape, .character("q")], .declineTrust, "cancel: run nothing",
            bar: BarHint("n/Esc", "cancel")),
        quitAnywhere,
    ]

    /// Any other key dismisses a message too (see ``App/update(_:_:)``).
    static let message: [KeyBinding] = [
        KeyBinding([.enter, .escape, .character(" ")], .dismiss, "close the message", bar: BarHint("Enter", "close")),
        quitAnywhere,
    ]
}
