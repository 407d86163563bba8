import CrucibleEngine
import Testing

@testable import CrucibleUI

/// The course map shows the `track.md` introduction of the selected lesson's track in a panel
/// below the lessons. Re-record with CRUCIBLE_RECORD_SNAPSHOTS=1.
@Suite struct TrackIntroductionMapTests {
    static let introduction = """
        Every value lives somewhere: in a **stack frame** that ends with its function, or on the
        heap until someone frees it. This track shows who that someone is in C, Rust, Go and Swift.

        - Read where values live.
        - Answer a quiz about the heap.
        - Fix a real leak.
        """

    /// `FixtureCourse` with an introduction for its first track (`basics`).
    static func state(width: Int = 80, height: Int = 24, introduction: String = introduction) -> AppState {
        var course = FixtureCourse.course
        course.tracks[0].introduction = introduction
        var state = AppState(course: course, size: TerminalSize(width: width, height: height), showWelcome: false)
        _ = App.update(&state, .input(.key(.home)))
        return state
    }

    static func key(_ key: Key) -> Action { .input(.key(key)) }

    @Test func mapShowsTheSelectedTracksIntroduction() {
        expectSnapshot(App.view(Self.state()), named: "map-track-introduction-80x24")
    }

    /// Under `LANG=C` the rule and bullets come out as ASCII stand-ins, and nothing is lost.
    @Test func mapShowsTheIntroductionInASCII() {
        let ascii = App.view(Self.state()).inASCII()
        expectSnapshotText(ascii.plainText() + "\n", named: "ascii-map-track-introduction-80x24")
        #expect(ascii.plainText().contains("About Basics"))
    }

    /// Moving to a lesson of a track without `track.md` hides the panel and gives the rows back.
    @Test func panelFollowsTheSelection() {
        var state = Self.state()
        let text = App.view(state).plainText()
        #expect(text.contains("About Basics"))
        #expect(text.contains("This track shows who that someone is"))
        let withPanel = state.mapHeight
        for _ in 0..<3 { _ = App.update(&state, Self.key(.down)) }
        #expect(state.lessons[state.selection].id == "threads.race")
        #expect(state.mapIntroduction.isEmpty)
        #expect(state.mapHeight > withPanel)
        #expect(!App.view(state).plainText().contains("About Basics"))
    }

    /// A long introduction takes at most a third of the screen and ends in `…`, so the lessons keep
    /// most of the rows, and the selected lesson stays in view at the smallest size.
    @Test func longIntroductionIsCutAndTheSelectionStaysVisible() {
        let long = (1...40).map { "Paragraph \($0) of a long introduction." }.joined(separator: "\n\n")
        let state = Self.state(introduction: long)
        let panel = state.mapIntroduction
        #expect(panel.count == state.size.contentHeight / 3)
        #expect(panel.last?.spans.map(\.text).joined().hasSuffix("…") == true)

        var small = Self.state(width: 60, height: 15, introduction: long)
        #expect(!small.mapIntroduction.isEmpty && small.map.rows.count > small.mapHeight, "the map must scroll here")
        for _ in 0..<2 { _ = App.update(&small, Self.key(.down)) }
        let row = small.map.lessonRows[small.selection]
        #expect(row >= small.mapScroll && row < small.mapScroll + small.mapHeight)
        #expect(App.view(small).plainText().contains("Fix a leak"))
    }

    /// A press on the panel selects nothing, though map rows lie hidden beneath it.
    @Test func pressOnThePanelSelectsNothing() {
        var state = Self.state(width: 60, height: 15)
        let panelTop = 1 + AppState.mapHeaderHeight + state.mapHeight
        #expect(state.map.rows.count > state.mapScroll + state.mapHeight, "lessons must lie beneath the panel")
        _ = App.update(&state, .input(.mouse(.press(x: 10, y: panelTop + 1))))
        #expect(state.selection == 0)
    }

    /// Searching lists matches from every track, so the panel of one track does not take its rows.
    @Test func searchKeepsEveryRow() {
        var state = Self.state()
        _ = App.update(&state, Self.key(.character("/")))
        #expect(state.mapIntroduction.isEmpty)
    }
}
