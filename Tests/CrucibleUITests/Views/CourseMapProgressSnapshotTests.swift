import CrucibleEngine
import Testing

@testable import CrucibleUI

/// The game around the course map, drawn at 80x24 and 120x40: the map with progress, the
/// stats screen, search, and a progress notice. Re-record with CRUCIBLE_RECORD_SNAPSHOTS=1.
@Suite struct CourseMapProgressSnapshotTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)]

    func key(_ key: Key) -> Action { .input(.key(key)) }

    func expect(_ name: String, _ size: TerminalSize, after actions: [Action], sourceLocation: SourceLocation = #_sourceLocation) {
        var state = MapProgressFixture.state(width: size.width, height: size.height)
        for action in actions { _ = App.update(&state, action) }
        expectSnapshot(App.view(state), named: "\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
    }

    /// Every status mark, track bars, the header and the continue mark on the resume lesson.
    @Test(arguments: sizes) func mapWithProgress(size: TerminalSize) {
        expect("course-map-progress", size, after: [])
    }

    @Test(arguments: sizes) func stats(size: TerminalSize) {
        expect("stats", size, after: [key(.character("s"))])
    }

    @Test(arguments: sizes) func statsScrolledToTheEnd(size: TerminalSize) {
        expect("stats-end", size, after: [key(.character("s")), key(.end)])
    }

    @Test(arguments: sizes) func search(size: TerminalSize) {
        expect("search", size, after: [key(.character("/")), key(.character("l")), key(.character("o")), key(.down)])
    }

    @Test(arguments: sizes) func searchWithoutMatches(size: TerminalSize) {
        expect("search-none", size, after: [key(.character("/"))] + "zzz".map { key(.character($0)) })
    }

    @Test(arguments: sizes) func progressNotice(size: TerminalSize) {
        expect(
            "progress-notice", size,
            after: [
                .notice(
                    "The progress file /tmp/p.json could not be read, so it was moved to /tmp/p.json.corrupt-20261129T120000Z; "
                        + "your progress continues from its backup.")
            ])
    }

    /// A first launch: nothing earned yet, no achievements loaded, the stats say so.
    @Test func statsOnAFreshCourse() {
        var state = MapProgressFixture.state(game: GameState(today: MapProgressFixture.today, calendar: MapProgressFixture.calendar))
        _ = App.update(&state, key(.character("s")))
        expectSnapshot(App.view(state), named: "stats-fresh-80x24")
    }
}
