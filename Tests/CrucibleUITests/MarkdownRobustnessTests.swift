import CrucibleEngine
import CrucibleTestSupport
import Testing

@testable import CrucibleUI

/// Pathological documents lay out and draw only inside their rectangle, render to ANSI text without
/// stray control characters, and keep every character of their words. (Deep nesting can push a
/// line's indentation past a narrow width: the grid clips it, so line widths are not asserted here.)
@Suite struct LayoutRobustnessTests {
    /// Lays out `markdown` at `width`, draws it into a rectangle inset in a larger grid and renders
    /// it as ANSI text; records an issue (naming `context`) for each property that does not hold.
    private func layOutAndDraw(
        _ markdown: String, width: Int, _ context: @autoclosure () -> String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [StyledLine] {
        let lines = MarkdownLayout.lines(for: MarkdownDocument.parse(markdown), width: width, theme: .standard)

        let area = Rect(x: 2, y: 1, width: width, height: 40)
        var grid = CellGrid(width: width + 4, height: 42)
        grid.put(lines, in: area)
        var outside: [String] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width where !(area.x..<area.x + area.width).contains(x) || !(area.y..<area.y + area.height).contains(y) {
                if grid[x, y] != CellGrid(width: 1, height: 1)[0, 0] { outside.append("(\(x), \(y))") }
            }
        }
        #expect(outside.isEmpty, "\(context()): drawn outside its rectangle at \(outside.prefix(5))", sourceLocation: sourceLocation)

        let ansi = ANSIText.render(Array(lines.prefix(100)), color: true)
        // Colours (SGR) are the only escapes. Matched by scalars: a combining mark after an
        // escape's final "m" makes one Character with it.
        let stray = ansi.replacing(/\u{1B}\[[0-9;]*m/.matchingSemantics(.unicodeScalar), with: "").unicodeScalars
            .filter { $0 != "\n" && ($0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)) }
        #expect(
            stray.isEmpty, "\(context()): control characters in the ANSI text: \(stray.prefix(5).map { String($0.value, radix: 16) })",
            sourceLocation: sourceLocation)
        return lines
    }

    @Test func tenThousandNestedQuotes() {
        _ = layOutAndDraw(String(repeating: ">", count: 10_000) + " deep text here", width: 30)
    }

    @Test func hundredThousandCharacterLine() {
        let plain = layOutAndDraw(String(repeating: "a", count: 100_000), width: 30)
        #expect(plain.map(\.plainText).joined().filter { $0 == "a" }.count == 100_000, "a long word is broken, not cut")
        _ = layOutAndDraw("```\n" + String(repeating: "日", count: 100_000) + "\n```", width: 30)
    }

    /// Random bytes and random Markdown punctuation at widths from 1 to 64.
    @Test func randomBytesAndTinyWidths() {
        var generator = SeededGenerator()
        let punctuation = Array("*_`[]()!<>|-#~:\n \\1.日e\u{301}\t".utf8)
        for round in 0..<10 {
            let width = 1 + round * 7
            let random = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = layOutAndDraw(String(decoding: random, as: UTF8.self), width: width, "random bytes, width \(width), \(generator.replay)")
            let markdownish = (0..<5_000).map { _ in punctuation.randomElement(using: &generator)! }
            _ = layOutAndDraw(
                String(decoding: markdownish, as: UTF8.self), width: width, "punctuation, width \(width), \(generator.replay)")
        }
    }

    /// Random words of letters, wide characters and combining accents: wrapping at any width
    /// drops only the spaces it breaks at, so every other character comes out, in order.
    @Test func randomWordsKeepEveryCharacterAtEveryWidth() {
        var generator = SeededGenerator()
        let pieces = ["a", "b", "z", "Q", "7", "日", "本", "é", "e\u{301}", "ß", "ø"]
        for round in 0..<20 {
            let words = (0..<300).map { _ in
                (0..<Int.random(in: 1...25, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            let width = Int.random(in: 2...60, using: &generator)
            let context = "round \(round), width \(width), \(generator.replay)"
            let lines = layOutAndDraw(words.joined(separator: " "), width: width, context)
            let out = lines.map(\.plainText).joined().filter { $0 != " " }
            #expect(out == words.joined(), "\(context): characters lost or changed")
        }
    }

    @Test func deeplyNestedListsAtNarrowWidth() {
        let markdown = (0..<200).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let lines = layOutAndDraw(markdown, width: 20)
        #expect(lines.contains { $0.plainText.contains("item 0") })
    }
}
