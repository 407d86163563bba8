/// A key the user pressed, independent of how the terminal encoded it.
public enum Key: Sendable, Hashable {
    /// A printable character, ASCII or not (`"q"`, `"é"`, `"?"`, `" "`).
    case character(Character)
    /// A control chord, named by its lowercase letter: `.control("c")` is Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    /// F1 to F12 as `.function(1)`...`.function(12)`.
    case function(Int)

    /// How the key is written in the bottom bar and the help overlay.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let number): "F\(number)"
        }
    }
}

/// A mouse action, at a cell of the screen (0-based column and row).
public enum MouseEvent: Sendable, Hashable {
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
    /// The primary button went down.
    case press(x: Int, y: Int)
}

/// Something the terminal reported: a key, a mouse action, or a new size.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}
