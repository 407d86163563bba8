import Testing

@testable import CrucibleEngine

/// Parses `text` and returns its blocks.
private func blocks(_ text: String) -> [MarkdownBlock] {
    MarkdownDocument.parse(text).blocks
}

@Suite struct MarkdownParseTests {
    @Test func headingsOfEachStyle() {
        #expect(
            blocks("# One\n\nTwo\n---\n\n###### Six") == [
                .heading(level: 1, [.text("One")]),
                .heading(level: 2, [.text("Two")]),
                .heading(level: 6, [.text("Six")]),
            ])
    }

    @Test func paragraphWithEveryInlineKind() {
        let text = "a *em* **strong** `code` ~~gone~~ [link](https://x.org) ![alt *t*](p.png) <b>\nnext  \nhard"
        #expect(
            blocks(text) == [
                .paragraph([
                    .text("a "), .emphasis([.text("em")]), .text(" "), .strong([.text("strong")]), .text(" "),
                    .code("code"), .text(" "), .strikethrough([.text("gone")]), .text(" "),
                    .link(destination: "https://x.org", [.text("link")]), .text(" "),
                    .image(destination: "p.png", alt: "alt t"), .text(" "), .html("<b>"),
                    .softBreak, .text("next"), .lineBreak, .text("hard"),
                ])
            ])
    }

    @Test func autolinksBecomeLinks() {
        #expect(
            blocks("see https://example.com/a and www.swift.org") == [
                .paragraph([
                    .text("see "), .link(destination: "https://example.com/a", [.text("https://example.com/a")]),
                    .text(" and "), .link(destination: "http://www.swift.org", [.text("www.swift.org")]),
                ])
            ])
    }

    @Test func bulletListTightAndLoose() {
        #expect(
            blocks("- a\n- b\n") == [
                .list(ordered: false, start: 0, tight: true, items: [[.paragraph([.text("a")])], [.paragraph([.text("b")])]])
            ])
        #expect(
            blocks("- a\n\n- b\n") == [
                .list(ordered: false, start: 0, tight: false, items: [[.paragraph([.text("a")])], [.paragraph([.text("b")])]])
            ])
    }

    @Test func orderedListKeepsStartAndNesting() {
        #expect(
            blocks("3. three\n4. four\n   - inner\n") == [
                .list(
                    ordered: true, start: 3, tight: true,
                    items: [
                        [.paragraph([.text("three")])],
                        [
                            .paragraph([.text("four")]),
                            .list(ordered: false, start: 0, tight: true, items: [[.paragraph([.text("inner")])]]),
                        ],
                    ])
            ])
    }

    @Test func blockQuoteNestsBlocks() {
        #expect(
            blocks("> quote\n>\n> > deeper") == [
                .blockQuote([.paragraph([.text("quote")]), .blockQuote([.paragraph([.text("deeper")])])])
            ])
    }

    @Test func codeBlocksKeepLanguageAndText() {
        #expect(
            blocks("```swift title=x\nlet a = 1\n```\n\n    indented\n") == [
                .codeBlock(language: "swift", code: "let a = 1\n"),
                .codeBlock(language: "", code: "indented\n"),
            ])
    }

    @Test func thematicBreakAndHTMLBlock() {
        #expect(blocks("---\n\n<div>\nhi\n</div>\n") == [.thematicBreak, .htmlBlock("<div>\nhi\n</div>\n")])
    }

    @Test func tableWithAlignmentsAndInlineCells() {
        let text = """
            | Name | Size | Note |
            |:-----|-----:|:----:|
            | `a`  | 1    | **b** |
            | c    |
            """
        #expect(
            blocks(text) == [
                .table(
                    alignments: [.left, .right, .center],
                    header: [[.text("Name")], [.text("Size")], [.text("Note")]],
                    rows: [
                        [[.code("a")], [.text("1")], [.strong([.text("b")])]],
                        [[.text("c")], [], []],
                    ])
            ])
    }

    @Test func plainTextFlattensInlines() {
        let inlines: [MarkdownInline] = [.text("a "), .strong([.emphasis([.text("b")])]), .softBreak, .code("c")]
        #expect(inlines.plainText == "a b c")
    }

    @Test func deepNestingIsFlattenedToText() {
        let depth = 200
        let document = MarkdownDocument.parse(String(repeating: ">", count: depth) + " core")
        var level = 0
        var block = document.blocks.first
        while case .blockQuote(let children)? = block {
            level += 1
            block = children.first
        }
        #expect(level < MarkdownTreeConverter.maxDepth + 1)
        #expect(block == .paragraph([.text("core")]))
    }
}
