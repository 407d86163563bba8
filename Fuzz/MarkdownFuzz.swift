// libFuzzer entry point for the Markdown renderer: each input is parsed with cmark-gfm into
// MarkdownDocument and laid out into styled lines at several widths. Built by scripts/fuzz.
import CrucibleEngine
import CrucibleUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = MarkdownDocument.parse(text)
    for width in [1, 7, 40, 100] {
        _ = MarkdownLayout.lines(for: document, width: width)
    }
    return 0
}
