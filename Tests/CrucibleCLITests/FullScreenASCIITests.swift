import CrucibleTestSupport
import Foundation
import Testing

/// The real binary outside a UTF-8 locale (`LANG=C`): every mark, bar and axis is drawn as an
/// ASCII stand-in, so no `?` shows anywhere but where the UI means one (the `? help` key).
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct FullScreenASCIITests {
    /// The screen's rows above the bottom bar, which is the only place a `?` belongs (`? help`).
    static func rowsAboveTheBar(_ screen: String) -> [Substring] {
        Array(screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2))
    }

    @Test func theMapAndStatsDrawOnlyASCIIUnderLANGC() throws {
        let course = try FullScreenTests.writeCourse()
        let session = try TmuxSession()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.run("LANG=C LC_ALL=C LC_CTYPE=C " + CrucibleRunner.shellCommand(course: course))
        try session.waitFor("Press any key")
        // Skipping marks the lesson `»`, which used to come out as `?`.
        try session.send("Enter", "x")
        let map = try session.waitUntil("the first lesson skipped") { $0.contains("> read    Intro lesson") }
        for row in Self.rowsAboveTheBar(map) {
            #expect(row.allSatisfy(\.isASCII) && !row.contains("?"), "map row: \(row)")
        }
        #expect(map.contains("Level 1 . Fresh Allocation"))
        try session.send("s")
        let stats = try session.waitFor("Active days")
        for row in Self.rowsAboveTheBar(stats) {
            #expect(row.allSatisfy(\.isASCII) && !row.contains("?"), "stats row: \(row)")
        }
        #expect(stats.contains(". none  + one lesson  # more"), "the heat map's legend in ASCII: \(stats)")
        try session.send("q", "q")
        try session.waitFor(TmuxSession.prompt)
    }
}
