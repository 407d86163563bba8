import CrucibleEngine

extension StyledLine {
    /// This line with `prefix` in front.
    public func prefixed(by prefix: Span) -> StyledLine {
        StyledLine([prefix] + spans)
    }

    /// This line with every span's style layered under `style` (span styles win).
    public func restyled(under style: Style) -> StyledLine {
        StyledLine(spans.map { Span($0.text, style: style.layered(with: $0.style)) })
    }

    /// This line cut to at most `width` columns, ending in `…` when anything was cut.
    public func clipped(to width: Int, ellipsisStyle: Style = Style(dim: true)) -> StyledLine {
        guard displayWidth > width else { return self }
        guard width > 0 else { return StyledLine() }
        var result: [Span] = []
        var remaining = width - 1  // room left for text before the ellipsis
        for span in spans where remaining > 0 {
            var kept = ""
            for character in span.text {
                let characterWidth = DisplayWidth.of(character)
                if characterWidth > remaining { remaining = 0; break }
                kept.append(character)
                remaining -= characterWidth
            }
            if !kept.isEmpty { result.append(Span(kept, style: span.style)) }
        }
        result.append(Span("…", style: ellipsisStyle))
        return StyledLine(result)
    }

    /// This line cut into pieces of at most `width` columns, in order, each cut after the last of
    /// `breakers` that fits when there is one (see ``LineBreak``); a wide character that would
    /// straddle a cut starts the next piece. An empty line gives one empty piece.
    public func pieces(of width: Int, preferringAfter breakers: Set<Character> = []) -> [StyledLine] {
        var rest = spans.flatMap { span in span.text.map { (character: $0, style: span.style) } }[...]
        var pieces: [StyledLine] = []
        repeat {
            let count = max(1, LineBreak.count(rest.lazy.map(\.character), room: max(1, width), preferringAfter: breakers))
            var piece: [Span] = []
            for (character, style) in rest.prefix(count) {
                if let last = piece.indices.last, piece[last].style == style {
                    piece[last].text.append(character)
                } else {
                    piece.append(Span(String(character), style: style))
                }
            }
            pieces.append(StyledLine(piece))
            rest = rest.dropFirst(count)
        } while !rest.isEmpty
        return pieces
    }

    /// This line padded with spaces to `width` columns, placed by `alignment`.
    func padded(to width: Int, alignment: MarkdownBlock.Alignment, trailing: Bool = true) -> StyledLine {
        let gap = max(0, width - displayWidth)
        let left: Int
        switch alignment {
        case .right: left = gap
        case .center: left = gap / 2
        case .left, .none: left = 0
        }
        var result = spans
        if left > 0 { result.insert(Span(String(repeating: " ", count: left)), at: 0) }
        if trailing, gap - left > 0 { result.append(Span(String(repeating: " ", count: gap - left))) }
        return StyledLine(result)
    }
}
