import Foundation
import Testing

@testable import CrucibleUI

/// Compares a drawn grid with `__Snapshots__/<name>.txt` as plain text, and its colours and
/// attributes with `__Snapshots__/<name>.styles.txt` (see ``styleText(_:)``), as ratatui's
/// TestBackend does, so a change of colour or emphasis changes a snapshot as a change of text does.
///
/// A missing snapshot is written and the test fails, so a new screen is
/// never passed unseen. To re-record every snapshot after an intended change:
///
///     CRUCIBLE_RECORD_SNAPSHOTS=1 swift test --filter CrucibleUITests
///
/// then review the changed `.txt` files with `git diff` before committing them.
func expectSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectSnapshotText(grid.plainText() + "\n", named: name, sourceLocation: sourceLocation)
    expectSnapshotText(styleText(grid), named: name + ".styles", sourceLocation: sourceLocation)
}

/// The styles of `grid` as runs: a legend giving each style a letter ("." is plain, never listed
/// in runs), a blank line, then one line per row that has any styled cell: the row number and its
/// runs, `<letter><first column>-<last column>`, e.g. ` 3 a0-14 b15-79`. Letters are given in order
/// of first appearance, so the file reads top-left first and a changed colour changes one legend line.
func styleText(_ grid: CellGrid) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var names: [Style: Character] = [.plain: "."]
    var legend = [". plain"]
    var rows: [String] = []
    let rowDigits = String(max(grid.height - 1, 0)).count
    for y in 0..<grid.height {
        var runs: [String] = []
        var x = 0
        while x < grid.width {
            let style = grid[x, y].style
            var end = x
            while end + 1 < grid.width && grid[end + 1, y].style == style { end += 1 }
            if names[style] == nil {
                let letter = names.count - 1 < letters.count ? letters[names.count - 1] : "?"
                names[style] = letter
                legend.append("\(letter) \(describe(style))")
            }
            if style != .plain { runs.append("\(names[style]!)\(x)-\(end)") }
            x = end + 1
        }
        if !runs.isEmpty {
            rows.append(String(repeating: " ", count: rowDigits - String(y).count) + "\(y) " + runs.joined(separator: " "))
        }
    }
    return (legend + [""] + rows).joined(separator: "\n") + "\n"
}

/// "magenta on default bold underline": the colours, then the attributes that are on.
private func describe(_ style: Style) -> String {
    var words: [String] = []
    if style.foreground != .default || style.background != .default {
        words.append("\(style.foreground)" + (style.background == .default ? "" : " on \(style.background)"))
    }
    let attributes: [(Bool, String)] = [
        (style.bold, "bold"), (style.italic, "italic"), (style.underline, "underline"),
        (style.dim, "dim"), (style.reverse, "reverse"),
    ]
    words += attributes.filter(\.0).map(\.1)
    return words.joined(separator: " ")
}

/// Compares `actual` with `__Snapshots__/<name>.txt`, writing it when missing or when recording.
func expectSnapshotText(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["CRUCIBLE_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("cannot write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        if !recording {
            Issue.record(
                "no snapshot \(name).txt yet; wrote it from this run: review it and run again",
                sourceLocation: sourceLocation)
        }
        return
    }
    expectLines(actual, expected, sourceLocation: sourceLocation)
}
