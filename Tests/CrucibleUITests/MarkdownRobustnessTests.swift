import CrucibleEngine
import Testing
@testable import CrucibleUI

/// Pathological documents must lay out (and draw) without crashing.
@Suite struct LayoutRobustnessTests {
    private func layOutAndDraw(_ markdown: String, width: Int) {
        let lines = MarkdownLayout.lines(for: MarkdownDocument.parse(markdown), width: width, theme: .standard)
        var grid = CellGrid(width: width, height: 40)
        grid.put(lines, in: grid.bounds)
        _ = ANSIText.render(Array(lines.prefix(100)), color: true)
    }

    @Test func tenThousandNestedQuotes() {
        layOutAndDraw(String(repeating: ">", count: 10_000) + " deep text here", width: 30)
    }

    @Test func hundredThousandCharacterLine() {
        layOutAndDraw(String(repeating: "a", count: 100_000), width: 30)
        layOutAndDraw("```\n" + String(repeating: "日", count: 100_000) + "\n```", width: 30)
    }

    @Test func randomBytesAndTinyWidths() {
        var generator = SystemRandomNumberGenerator()
        let punctuation = Array("*_`[]()!<>|-#~:\n \\1.日e\u{301}\t".utf8)
        for round in 0..<10 {
            let random = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            layOutAndDraw(String(decoding: random, as: UTF8.self), width: 1 + round * 7)
            let markdownish = (0..<5_000).map { _ in punctuation.randomElement(using: &generator)! }
            layOutAndDraw(String(decoding: markdownish, as: UTF8.self), width: 1 + round * 7)
        }
    }

    @Test func deeplyNestedListsAtNarrowWidth() {
        let markdown = (0..<200).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        layOutAndDraw(markdown, width: 20)
    }
}
