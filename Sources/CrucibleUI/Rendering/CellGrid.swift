/// A rectangle of cells on a `CellGrid`.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One screen cell: a grapheme cluster and its style.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character; the terminal draws nothing here.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// An in-memory screen that views draw into; the terminal layer copies it out.
///
/// Like ratatui's Buffer: tests draw into a grid and compare `plainText()`.
/// Every write is clipped to the grid, and a wide character always occupies a
/// head cell plus a continuation cell, never half of one.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; both must be inside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from (`x`, `y`) across at most `maxWidth` columns, clipped to the grid.
    ///
    /// A control character is drawn as its visible stand-in (``DisplayWidth/printable(_:)``), so
    /// no text can reach the terminal raw; a zero-width character (a lone combining
    /// mark) joins the character before it; a wide character without room for
    /// both halves becomes a space. Returns the number of columns advanced.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        // Far-off x values would overflow the column arithmetic; nothing there is visible anyway.
        guard y >= 0, y < height, x < width, x > -(1 << 40), maxWidth > 0 else { return 0 }
        let limit = maxWidth >= width - x ? width : x + maxWidth
        var column = x
        var lastHead: Int?
        // The last guard before the terminal: views pass printable text, and anything else is made so here.
        for character in DisplayWidth.printable(text) {
            if column >= limit { break }
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                if let head = lastHead {
                    let index = y * width + head
                    // A zero-width scalar that does not join the previous grapheme
                    // (a stray joiner, say) would make two Characters: drop it.
                    let joined = String(cells[index].character) + String(character)
                    if joined.count == 1 { cells[index].character = Character(joined) }
                }
                continue
            }
            if column >= 0 {
                if column + characterWidth > limit {
                    setCell(x: column, y: y, Cell(" ", style: style))
                } else {
                    setCell(x: column, y: y, Cell(character, style: style))
                    if characterWidth == 2 {
                        setCell(x: column + 1, y: y, Cell(" ", style: style, isContinuation: true))
                    }
                    lastHead = column
                }
            } else if column + characterWidth > 0 {
                // A wide character cut by the left edge shows its visible half as a space.
                setCell(x: 0, y: y, Cell(" ", style: style))
            }
            column += characterWidth
        }
        return max(0, min(column, limit) - x)
    }

    /// Writes the spans of `line` one after another; returns the columns advanced.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int = .max) -> Int {
        var used = 0
        for span in line.spans where used < maxWidth {
            used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: maxWidth - used)
        }
        return used
    }

    /// Draws `lines` top to bottom inside `rect`, starting `scroll` lines into them.
    public mutating func put(_ lines: [StyledLine], in rect: Rect, scroll: Int = 0) {
        let first = max(0, scroll)
        for row in 0..<max(0, rect.height) {
            let index = first + row
            guard index < lines.count else { break }
            put(lines[index], x: rect.x, y: rect.y + row, maxWidth: rect.width)
        }
    }

    /// Sets every cell of `rect` (clipped to the grid) to `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let cell = DisplayWidth.of(character) == 1 ? Cell(character, style: style) : Cell(" ", style: style)
        let left = max(0, rect.x), right = min(width, rect.x + rect.width)
        let top = max(0, rect.y), bottom = min(height, rect.y + rect.height)
        guard left < right else { return }
        for y in top..<bottom {
            for x in left..<right {
                setCell(x: x, y: y, cell)
            }
        }
    }

    /// Replaces every cell's style with `transform` of it (a theme's palette, say).
    public mutating func restyle(_ transform: (Style) -> Style) {
        for index in cells.indices {
            cells[index].style = transform(cells[index].style)
        }
    }

    /// The text of row `y`, with continuation cells skipped and trailing spaces trimmed.
    public func rowText(_ y: Int) -> String {
        var text = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { text.append(cell.character) }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// All rows joined by newlines; what tests compare against expected screens.
    public func plainText() -> String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    /// Stores `cell`, first blanking the other half of any wide character it overwrites.
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
