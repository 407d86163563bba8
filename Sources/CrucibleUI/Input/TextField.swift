/// A one-line text input: the characters typed and where the cursor is.
///
/// Editing works on grapheme clusters (Swift `Character`s), so "é" or "🦀" is
/// one step for the arrows and one deletion for Backspace; drawing measures
/// them with ``DisplayWidth`` so wide characters take their two columns.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Index into ``characters`` before which typing inserts; `characters.count` at the end.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// An editing key the field understands.
    public enum Edit: Sendable, Hashable {
        case left, right, home, end
        /// Deletes the character before the cursor.
        case backspace
        /// Deletes the character under the cursor.
        case delete
        /// Deletes everything before the cursor (Ctrl-U, as in a shell).
        case deleteToStart
        /// Deletes the word before the cursor and the spaces after it (Ctrl-W, as in a shell).
        case deleteWordBefore
    }

    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteWordBefore:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }

    /// Inserts `character` at the cursor; control characters are ignored so nothing unprintable is kept.
    public mutating func insert(_ character: Character) {
        guard !DisplayWidth.isControl(character), DisplayWidth.of(character) > 0 else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// The field as one line `width` columns wide, scrolled so the cursor is visible; the
    /// cursor cell is drawn in reverse video (the terminal's own cursor stays hidden).
    public func line(width: Int, style: Style = Style(underline: true)) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        // Start as far left as possible while the cursor cell (one column past the text at the end) fits.
        var start = 0
        var widthThroughCursor = characters[..<cursor].reduce(1) { $0 + DisplayWidth.of($1) }
        while widthThroughCursor > width, start < cursor {
            widthThroughCursor -= DisplayWidth.of(characters[start])
            start += 1
        }
        var spans: [Span] = []
        var used = 0
        var index = start
        while index <= characters.count {
            let isCursor = index == cursor
            let character: Character = index < characters.count ? characters[index] : " "
            let characterWidth = max(1, DisplayWidth.of(character))
            if used + characterWidth > width { break }
            spans.append(Span(String(character), style: isCursor ? style.layered(with: Style(reverse: true)) : style))
            used += characterWidth
            index += 1
        }
        if used < width { spans.append(Span(String(repeating: " ", count: width - used), style: style)) }
        return StyledLine(spans)
    }
}
