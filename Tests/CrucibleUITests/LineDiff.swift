import Testing

@testable import CrucibleUI

/// Expects `actual` to equal `expected` line by line, reporting a readable side-by-side diff.
func expectLines(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var report = ["text differs (  = same, - expected, + actual):"]
    for index in 0..<max(actualLines.count, expectedLines.count) {
        let want = index < expectedLines.count ? "|\(expectedLines[index])|" : "(missing)"
        let got = index < actualLines.count ? "|\(actualLines[index])|" : "(missing)"
        if want == got {
            report.append("  \(want)")
        } else {
            report.append("- \(want)")
            report.append("+ \(got)")
        }
    }
    Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}

/// Plain text of `lines`, one per row, trailing spaces trimmed like `CellGrid.plainText()`.
func plain(_ lines: [StyledLine]) -> String {
    lines.map { line in
        var text = line.plainText
        while text.last == " " { text.removeLast() }
        return text
    }.joined(separator: "\n")
}
