import CrucibleTestSupport
import Testing

@testable import CrucibleEngine

/// Pathological inputs parse without crashing or blowing the stack, and keep their text.
@Suite struct MarkdownRobustnessTests {
    @Test func tenThousandNestedQuotes() {
        let document = MarkdownDocument.parse(String(repeating: ">", count: 10_000) + " x")
        #expect(!document.blocks.isEmpty)
    }

    @Test func deeplyNestedListsAndImages() {
        let lists = (0..<5_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        // Past some depth the indentation makes code blocks; the items' text is kept either way.
        #expect(
            Self.texts(MarkdownDocument.parse(lists)).joined().components(separatedBy: "item").count - 1 == 5_000,
            "every nested item is kept")
        let images = String(repeating: "![", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000)
        #expect(Self.texts(MarkdownDocument.parse(images)).joined().contains("x"))
        let emphasis = String(repeating: "*a **b ", count: 5_000)
        let text = Self.texts(MarkdownDocument.parse(emphasis)).joined()
        #expect(
            text.filter { $0 == "a" }.count == 5_000 && text.filter { $0 == "b" }.count == 5_000,
            "emphasis markers may be consumed, never the letters between them")
    }

    @Test func hundredThousandCharacterLine() {
        let document = MarkdownDocument.parse(String(repeating: "word ", count: 20_000))
        #expect(document.blocks.count == 1)
        #expect(Self.texts(document).joined().components(separatedBy: "word").count - 1 == 20_000)
    }

    /// Random bytes (decoded lossily) and random Markdown punctuation: parsing ends and keeps every
    /// letter and digit of the input (punctuation and spaces may be
    /// consumed as syntax; nothing is invented or dropped besides).
    @Test func randomBytesAndPunctuationKeepEveryLetter() {
        var generator = SeededGenerator()
        let punctuation = Array("*_`[]()!<>|-#~:\n \\ab1".utf8)
        for round in 0..<20 {
            let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let markdownish = (0..<20_000).map { _ in punctuation.randomElement(using: &generator)! }
            for input in [String(decoding: bytes, as: UTF8.self), String(decoding: markdownish, as: UTF8.self)] {
                let document = MarkdownDocument.parse(input)
                let letters = { (text: String) in
                    text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.count
                }
                let kept = letters(Self.texts(document).joined())
                // Never more letters than went in. A few may go: link reference definitions
                // (`[ab]: b1`) leave no node, and link destinations are not text; entities such
                // as `&amp;` turn letters into one character. The 2 % bound is that allowance
                // (CRUCIBLE_TEST_SEED=17840300226046618650 draws an input that exceeds it).
                #expect(
                    kept <= letters(input) && kept >= letters(input) - letters(input) / 50,
                    "round \(round): \(letters(input)) letters in, \(kept) kept (\(generator.replay))")
            }
        }
    }

    /// Parsing the same text on several threads at once gives the document a lone parse gives.
    /// cmark-gfm edits a process-wide table of special characters as each parse finishes, so
    /// without turns concurrent parses lost strikethroughs and tables now and then.
    @Test func parsingOnSeveralThreadsAtOnceGivesTheSameDocument() async {
        var generator = SeededGenerator()
        let punctuation = Array("*_`[]()!<>|-#~:\n \\ab1".utf8)
        let input = String(decoding: (0..<20_000).map { _ in punctuation.randomElement(using: &generator)! }, as: UTF8.self)
        let expected = MarkdownDocument.parse(input)
        let differing = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<32 { group.addTask { MarkdownDocument.parse(input) != expected } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(differing == 0, "\(differing) of 32 concurrent parses differed (\(generator.replay))")
    }

    @Test func emptyAndNULInput() {
        #expect(MarkdownDocument.parse("").blocks.isEmpty)
        #expect(MarkdownDocument.parse("a\0b").blocks == [.paragraph([.text("a\u{FFFD}b")])])
    }

    /// Every text the document holds: inline text, code, alt text, HTML, in order.
    static func texts(_ document: MarkdownDocument) -> [String] {
        document.blocks.flatMap(texts)
    }

    static func texts(_ block: MarkdownBlock) -> [String] {
        switch block {
        case .heading(_, let inlines), .paragraph(let inlines): [inlines.plainText]
        case .list(_, _, _, let items): items.flatMap { $0.flatMap(texts) }
        case .blockQuote(let blocks): blocks.flatMap(texts)
        case .codeBlock(_, let code): [code]
        case .thematicBreak: []
        case .table(_, let header, let rows): header.map(\.plainText) + rows.flatMap { $0.map(\.plainText) }
        case .htmlBlock(let html): [html]
        }
    }
}
