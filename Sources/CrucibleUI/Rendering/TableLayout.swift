import CrucibleEngine

/// Lays out a GFM table in columns separated by box-drawing lines.
///
/// Columns get their natural width when the table fits; otherwise they shrink
/// in proportion to it and cell text wraps inside them.
struct TableLayout {
    let theme: Theme
    let renderer: MarkdownRenderer
    static let columnSeparator = " │ "

    func lines(
        alignments: [MarkdownBlock.Alignment], header: [[MarkdownInline]],
        rows: [[[MarkdownInline]]], width: Int
    ) -> [StyledLine] {
        let columnCount = alignments.count
        guard columnCount > 0 else { return [] }
        let texts = ([header] + rows).map { row in
            (0..<columnCount).map { column in column < row.count ? row[column].plainText : "" }
        }
        let natural = (0..<columnCount).map { column in
            max(1, texts.map { DisplayWidth.of($0[column]) }.max() ?? 1)
        }
        let longestWord = (0..<columnCount).map { column in
            texts.map { $0[column].split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0 }.max() ?? 0
        }
        let widths = Self.fit(natural: natural, longestWord: longestWord, into: width - 3 * (columnCount - 1))

        var result = row(header, widths: widths, alignments: alignments, style: theme.tableHeader)
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
        result.append(StyledLine(rule, style: theme.tableBorder))
        for cells in rows {
            result += row(cells, widths: widths, alignments: alignments, style: theme.text)
        }
        return result
    }

    /// Column widths summing to at most `available`.
    ///
    /// Each column first gets room for its longest word (so words are not
    /// broken) and the rest is shared in proportion to how much more each
    /// column wants; if even the words do not fit, widths shrink in proportion
    /// to the natural widths.
    static func fit(natural: [Int], longestWord: [Int], into available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }
        let minimum = zip(natural, longestWord).map { max(1, min($0, $1)) }
        if minimum.reduce(0, +) <= available {
            return minimum.distributing(available - minimum.reduce(0, +), wants: zip(natural, minimum).map { $0 - $1 })
        }
        guard available > natural.count else { return natural.map { _ in 1 } }
        return natural.map { _ in 1 }.distributing(available - natural.count, wants: natural.map { $0 - 1 })
    }

    /// The display lines of one table row: each cell wrapped to its column, padded, and joined.
    private func row(
        _ cells: [[MarkdownInline]], widths: [Int], alignments: [MarkdownBlock.Alignment],
        style: Style
    ) -> [StyledLine] {
        let wrapped = widths.indices.map { column in
            renderer.wrap(column < cells.count ? cells[column] : [], width: widths[column], style: style)
        }
        let height = max(1, wrapped.map(\.count).max() ?? 1)
        return (0..<height).map { lineIndex in
            var spans: [Span] = []
            for column in widths.indices {
                if column > 0 { spans.append(Span(Self.columnSeparator, style: theme.tableBorder)) }
                let cellLine = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : StyledLine()
                let isLast = column == widths.count - 1
                spans += cellLine.padded(to: widths[column], alignment: alignments[column], trailing: !isLast).spans
            }
            return StyledLine(spans)
        }
    }
}

extension Array where Element == Int {
    /// These widths with `extra` columns added in proportion to `wants`, never beyond them.
    fileprivate func distributing(_ extra: Int, wants: [Int]) -> [Int] {
        let totalWant = wants.reduce(0, +)
        guard totalWant > 0 else { return self }
        let extra = Swift.min(extra, totalWant)
        var result = indices.map { self[$0] + Swift.max(0, wants[$0] * extra / totalWant) }
        // Hand out columns lost to rounding, the most wanting columns first.
        var spare = extra - zip(result, self).map { $0 - $1 }.reduce(0, +)
        for column in indices.sorted(by: { wants[$0] > wants[$1] }) where spare > 0 {
            if result[column] - self[column] < wants[column] {
                result[column] += 1
                spare -= 1
            }
        }
        return result
    }
}
