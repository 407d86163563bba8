import CrucibleEngine
import Testing

@testable import CrucibleUI

/// Lays out `markdown` at `width` and returns the plain text.
private func layout(_ markdown: String, width: Int = 30) -> String {
    plain(MarkdownLayout.lines(for: MarkdownDocument.parse(markdown), width: width, theme: .standard))
}

/// The lines of `markdown` laid out at `width`.
private func styledLines(_ markdown: String, width: Int = 30) -> [StyledLine] {
    MarkdownLayout.lines(for: MarkdownDocument.parse(markdown), width: width, theme: .standard)
}

@Suite struct MarkdownLayoutTests {
    @Test func paragraphsWrapAtWordsAndBlankLineSeparatesBlocks() {
        expectLines(
            layout("The quick brown fox jumps over the lazy dog and keeps running.\n\nSecond."),
            """
            The quick brown fox jumps over
            the lazy dog and keeps
            running.

            Second.
            """)
    }

    @Test func overlongWordsAreBroken() {
        expectLines(
            layout("see " + String(repeating: "x", count: 35), width: 10),
            """
            see
            xxxxxxxxxx
            xxxxxxxxxx
            xxxxxxxxxx
            xxxxx
            """)
    }

    @Test func wideCharactersWrapByDisplayWidth() {
        expectLines(
            layout("日本語 日本語 日本語", width: 13),
            """
            日本語 日本語
            日本語
            """)
    }

    @Test func headingsAreStyledAndH1IsFollowedByABlankLine() {
        let lines = styledLines("# Title\nText\n## Sub\n### Small")
        expectLines(plain(lines), "Title\n\nText\n\nSub\n\nSmall")
        #expect(lines[0].spans[0].style.bold && lines[0].spans[0].style.underline)
        #expect(lines[4].spans[0].style.bold && !lines[4].spans[0].style.underline)
    }

    @Test func inlineStylesAreApplied() {
        let line = styledLines("a *b* **c** ~~d~~ `e`")[0]
        let styleOf = { (text: String) in line.spans.first { $0.text.contains(text) }!.style }
        #expect(styleOf("b").italic)
        #expect(styleOf("c").bold)
        #expect(styleOf("d") == Theme.standard.strikethrough)
        #expect(styleOf("e") == Theme.standard.inlineCode)
        #expect(line.plainText == "a b c d e")
    }

    @Test func hardLineBreaksStartNewLines() {
        expectLines(layout("one  \ntwo\\\nthree\nfour"), "one\ntwo\nthree four")
    }

    @Test func linksShowTheirDestinationUnlessItIsTheText() {
        expectLines(
            layout("Read [the book](https://doc.rust-lang.org/book) or https://go.dev now"),
            """
            Read the book
            (https://doc.rust-lang.org/
            book) or https://go.dev now
            """)
        expectLines(layout("Mail <me@example.com>. ![A cat](cat.png)"), "Mail me@example.com. [image: A\ncat] (cat.png)")
    }

    @Test func bulletListsHangTheirIndentAndNest() {
        expectLines(
            layout(
                """
                - first item that is long enough to wrap
                - second
                  - nested item also wrapping here
                """),
            """
            • first item that is long
              enough to wrap
            • second
              • nested item also wrapping
                here
            """)
    }

    @Test func orderedListsKeepTheirStartAndAlignNumbers() {
        let items = (0..<3).map { "\($0 + 8). item \($0)" }.joined(separator: "\n")
        expectLines(
            layout(items),
            """
             8. item 0
             9. item 1
            10. item 2
            """)
    }

    @Test func looseListsSeparateItemsWithBlankLines() {
        expectLines(layout("1. one\n\n   more\n2. two"), "1. one\n\n   more\n\n2. two")
    }

    @Test func blockQuotesArePrefixedWithABar() {
        expectLines(
            layout("> Quoted text that wraps across lines.\n>\n> > inner"),
            """
            │ Quoted text that wraps
            │ across lines.
            │
            │ │ inner
            """)
    }

    @Test func thematicBreakSpansTheWidth() {
        expectLines(layout("a\n\n---\n\nb", width: 10), "a\n\n──────────\n\nb")
    }

    /// No code is hidden: a long line continues on the next, between words, marked `↪` in the indent.
    @Test func longCodeLinesWrapWithAContinuationMark() {
        expectLines(
            layout("```\nshort\nthis line is far too long to fit in the width\n```"),
            """
              short
              this line is far too long
            ↪ to fit in the width
            """)
    }

    @Test func wrappedCodeKeepsEveryCharacterAndItsHighlighting() {
        let code = "let total = values.reduce(0, +) // \"sum\" of 記憶 values"
        let lines = MarkdownLayout.lines(for: MarkdownDocument.parse("```swift\n\(code)\n```"), width: 12)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.displayWidth <= 12 })
        #expect(lines.map { String($0.plainText.dropFirst(2)) }.joined() == code)
        #expect(lines.dropFirst().allSatisfy { $0.plainText.hasPrefix("↪ ") })
        let keyword = lines.flatMap(\.spans).first { $0.text == "let" }
        #expect(keyword?.style == Theme.standard.codeKeyword)
    }

    @Test func codeBlockTabsExpandAndTrailingNewlineIsDropped() {
        expectLines(layout("```go\nfunc f() {\n\treturn\n}\n```"), "  func f() {\n      return\n  }")
    }

    @Test func htmlCommentsAreHiddenAndOtherHTMLShown() {
        expectLines(layout("<!-- author note -->\n\nText\n\n<div>raw</div>"), "Text\n\n<div>raw</div>")
    }

    @Test func tablesAlignColumns() {
        expectLines(
            layout(
                """
                | Lang | Year | Notes |
                |:-----|-----:|:-----:|
                | C | 1972 | old |
                | Swift | 2014 | new |
                """),
            """
            Lang  │ Year │ Notes
            ──────┼──────┼──────
            C     │ 1972 │  old
            Swift │ 2014 │  new
            """)
    }

    @Test func wideTablesShrinkAndWrapCells() {
        expectLines(
            layout(
                """
                | Name | Description |
                |------|-------------|
                | ownership | Each value has exactly one owner at a time |
                """),
            """
            Name      │ Description
            ──────────┼───────────────────
            ownership │ Each value has
                      │ exactly one owner
                      │ at a time
            """)
    }

    @Test func everyLineFitsTheWidth() {
        let markdown = """
            # A heading that is quite long indeed

            Some *text* with `code` and a [link](https://example.com/a/very/long/path/indeed).

            > - quoted list item with several words
            >   1. nested ordered item with words

            | a | b | c | d |
            |---|---|---|---|
            | one two three | four five six | seven | eight nine ten eleven |
            """
        // A table needs 4 columns per column (text plus " │ "); 4 columns need 13.
        for width in 13...40 {
            for line in styledLines(markdown, width: width) {
                #expect(line.displayWidth <= width, "width \(width): \(line.plainText)")
            }
        }
    }
}
