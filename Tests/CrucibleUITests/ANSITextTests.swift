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
        #expect(ANSIText.render(lines, color: true) ==
            "plain \u{1B}[0;1;31mbold\u{1B}[0m end\n\u{1B}[0;4;94;40mx␛]0;title␇\u{1B}[0m")
    }
}
