import CrucibleEngine
import Testing

@testable import CrucibleUI

@Suite struct ANSITextTests {
    let lines = [
        StyledLine([Span("plain "), Span("bold", style: Style(foreground: .red, bold: true)), Span(" end")]),
        StyledLine("x\u{1B}]0;title\u{7}", style: Style(foreground: .brightBlue, background: .black, underline: true)),
    ]

    @Test func plainRenderingDropsStyles() {
        #expect(ANSIText.render(lines, color: false) == "plain bold end\nx␛]0;title␇")
    }

    @Test func colorRenderingUsesSGRAndResetsAtLineEnd() {
        #expect(ANSIText.render(lines, color: true) == "plain \u{1B}[0;1;31mbold\u{1B}[0m end\n\u{1B}[0;4;94;40mx␛]0;title␇\u{1B}[0m")
    }
}

/// Issue 12: control characters anywhere in lesson Markdown come out as visible stand-ins, as
/// text and on screen (the invariant Fuzz/MarkdownFuzz.swift also checks on every fuzz input).
@Suite struct HostileMarkdownTests {
    static let escapes = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{08}\r\u{7F}"

    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F..<0xA0).contains($0.value)) }
    }

    @Test func everyMarkdownConstructShowsControlsVisibly() {
        let e = Self.escapes
        let markdown = """
            # Title \(e)

            Text \(e) with `code \(e)` and [link \(e)](http://x/\(e)) and **bold \(e)**.

            - item \(e)

            > quote \(e)

            | a \(e) | b |
            |---|---|
            | c \(e) | d |

            ```c
            printf("\(e)");
            ```

            <div>html \(e)</div>
            """
        for width in [7, 40, 100] {
            let lines = MarkdownLayout.lines(for: MarkdownDocument.parse(markdown), width: width)
            let text = ANSIText.render(lines, color: false)
            #expect(!Self.hasRawControl(text), "width \(width): \(text.debugDescription)")
            #expect(text.contains("␛]0;pwned␇") || width < 20, "width \(width): \(text)")
            var grid = CellGrid(width: width, height: lines.count)
            grid.put(lines, in: grid.bounds)
            #expect(!grid.cells.contains { Self.hasRawControl(String($0.character)) }, "width \(width)")
        }
    }
}
