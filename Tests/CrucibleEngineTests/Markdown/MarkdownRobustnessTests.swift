import Testing
@testable import CrucibleEngine

/// Pathological inputs must parse without crashing or blowing the stack.
@Suite struct MarkdownRobustnessTests {
    @Test func tenThousandNestedQuotes() {
        let document = MarkdownDocument.parse(String(repeating: ">", count: 10_000) + " x")
        #expect(!document.blocks.isEmpty)
    }

    @Test func deeplyNestedListsAndImages() {
        let lists = (0..<5_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        _ = MarkdownDocument.parse(lists)
        let images = String(repeating: "![", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000)
        _ = MarkdownDocument.parse(images)
        let emphasis = String(repeating: "*a **b ", count: 5_000)
        _ = MarkdownDocument.parse(emphasis)
    }

    @Test func hundredThousandCharacterLine() {
        let document = MarkdownDocument.parse(String(repeating: "word ", count: 20_000))
        #expect(document.blocks.count == 1)
    }

    @Test func randomBytesDecodedLossily() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = MarkdownDocument.parse(String(decoding: bytes, as: UTF8.self))
            // Markdown punctuation is far more likely to reach odd parser paths.
            let punctuation = Array("*_`[]()!<>|-#~:\n \\".utf8)
            let markdownish = (0..<20_000).map { _ in punctuation.randomElement(using: &generator)! }
            _ = MarkdownDocument.parse(String(decoding: markdownish, as: UTF8.self))
        }
    }

    @Test func emptyAndNULInput() {
        #expect(MarkdownDocument.parse("").blocks.isEmpty)
        #expect(MarkdownDocument.parse("a\0b").blocks == [.paragraph([.text("a\u{FFFD}b")])])
    }
}
