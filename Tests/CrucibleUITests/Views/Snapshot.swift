import Foundation
import Testing
@testable import CrucibleUI

/// Compares a drawn grid with `__Snapshots__/<name>.txt` as plain text.
///
/// A missing snapshot is written and the test fails, so a new screen is
/// never passed unseen. To re-record every snapshot after an intended change:
///
///     CRUCIBLE_RECORD_SNAPSHOTS=1 swift test --scratch-path .build-tui --filter CrucibleUITests
///
/// then review the changed `.txt` files with `git diff` before committing them.
func expectSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectSnapshotText(grid.plainText() + "\n", named: name, sourceLocation: sourceLocation)
}

/// Like ``expectSnapshot(_:named:sourceLocation:)``, and also compares the colours and attributes
/// of every cell with `__Snapshots__/<name>.styles.txt` (see ``styleText(_:)``), as ratatui's
/// TestBackend does, so a theme that changes a colour changes a snapshot.
func expectStyledSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectSnapshot(grid, named: name, sourceLocation: sourceLocation)
    expectSnapshotText(styleText(grid), named: name + ".styles", sourceLocation: sourceLocation)
}

/// The styles of `grid` as text: a legend giving each style a letter ("." is plain), a blank
/// line, then one row of letters per grid row, one letter per column, trailing plain cells trimmed.
/// Letters are given in order of first appearance, so the file reads top-left first.
func styleText(_ grid: CellGrid) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var names: [Style: Character] = [.plain: "."]
    var legend = [". plain"]
    var rows: [String] = []
    for y in 0..<grid.height {
        var row = ""
        for x in 0..<grid.width {
            let style = grid[x, y].style
            if names[style] == nil {
                let letter = names.count - 1 < letters.count ? letters[names.count - 1] : "?"
                names[style] = letter
                legend.append("\(letter) \(describe(style))")
            }
            row.append(names[style]!)
        }
        while row.last == "." { row.removeLast() }
        rows.append(row)
    }
    return (legend + [""] + rows).joined(separator: "\n") + "\n"
}

/// "magenta on default bold underline": the colours, then the attributes that are on.
private func describe(_ style: Style) -> String {
    var words: [String] = []
    if style.foreground != .default || style.background != .default {
        words.append("\(style.foreground)" + (style.background == .default ? "" : " on \(style.background)"))
    }
    let attributes: [(Bool, String)] = [(style.bold, "bold"), (style.italic, "italic"), (style.underline, "underline"),
                                         (style.dim, "dim"), (style.reverse, "reverse")]
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
            Issue.record("no snapshot \(name).txt yet; wrote it from this run: review it and run again",
                         sourceLocation: sourceLocation)
        }
        return
    }
    expectLines(actual, expected, sourceLocation: sourceLocation)
}
