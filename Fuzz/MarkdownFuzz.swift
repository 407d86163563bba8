// libFuzzer entry point for the Markdown renderer: each input is parsed with cmark-gfm into
// MarkdownDocument and laid out into styled lines at several widths. Built by scripts/fuzz.
import CrucibleEngine
import CrucibleUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = MarkdownDocument.parse(text)
    for width in [1, 7, 40, 100] {
        let lines = MarkdownLayout.lines(for: document, width: width)
        // No control character of the input may reach the terminal raw (issue 12): not as text
        // output, and not in a cell of the screen.
        let text = ANSIText.render(lines, color: false)
        precondition(
            !text.unicodeScalars.contains { $0 != "\n" && VisibleText.standIn(for: $0) != nil }, "raw control in \(text.debugDescription)")
        var grid = CellGrid(width: max(width, 1), height: min(lines.count, 50))
        grid.put(Array(lines.prefix(50)), in: grid.bounds, scroll: 0)
        precondition(
            !grid.cells.contains { $0.character.unicodeScalars.contains { VisibleText.standIn(for: $0) != nil } }, "raw control in a cell")
    }
    return 0
}
