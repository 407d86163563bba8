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
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = grid.plainText() + "\n"
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
