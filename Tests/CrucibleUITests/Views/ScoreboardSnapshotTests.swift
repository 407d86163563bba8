import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleUI

/// The scoreboard screen on the fixture course with Go and Rust measured, at 80x24 and 120x40.
/// Re-record with CRUCIBLE_RECORD_SNAPSHOTS=1.
@Suite struct ScoreboardSnapshotTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)]

    func key(_ key: Key) -> Action { .input(.key(key)) }

    static func state(_ size: TerminalSize, progress: CourseProgress?) throws -> AppState {
        let course = try #require(ScoreboardFixture.load().course)
        let game = GameState(progress: progress ?? CourseProgress(), today: LocalDay(year: 2026, month: 12, day: 3))
        return AppState(course: course, size: size, showWelcome: false, game: game)
    }

    @Test(arguments: sizes) func bothLanguagesMeasured(size: TerminalSize) throws {
        var state = try Self.state(size, progress: try ScoreboardFixture.progress())
        _ = App.update(&state, key(.character("b")))
        #expect(state.top == .scoreboard(scroll: 0))
        expectSnapshot(App.view(state), named: "scoreboard-\(size.width)x\(size.height)")
    }

    /// At 80x24 the second task is below the fold; End scrolls to it.
    @Test func scrolledToTheEnd() throws {
        var state = try Self.state(TerminalSize(width: 80, height: 24), progress: try ScoreboardFixture.progress())
        _ = App.update(&state, key(.character("b")))
        _ = App.update(&state, key(.end))
        guard case .scoreboard(let scroll) = state.top else { Issue.record("not on the scoreboard"); return }
        #expect(scroll > 0)
        expectSnapshot(App.view(state), named: "scoreboard-end-80x24")
    }

    @Test func nothingMeasuredSaysWhichLessonsFillIt() throws {
        var state = try Self.state(TerminalSize(width: 80, height: 24), progress: nil)
        _ = App.update(&state, key(.character("b")))
        expectSnapshot(App.view(state), named: "scoreboard-empty-80x24")
    }

    @Test(arguments: [Key.escape, Key.character("q"), Key.character("b")])
    func backToTheMap(with back: Key) throws {
        var state = try Self.state(TerminalSize(width: 80, height: 24), progress: nil)
        _ = App.update(&state, key(.character("b")))
        _ = App.update(&state, key(back))
        #expect(state.screens == [.courseMap])
    }

    @Test func theMapsHelpNamesTheKey() throws {
        var state = try Self.state(TerminalSize(width: 100, height: 30), progress: nil)
        _ = App.update(&state, key(.character("?")))
        let text = App.view(state).plainText()
        #expect(text.contains("b") && text.contains("the scoreboard: your results per language, side by side"))
    }

    @Test func aTinyTerminalGetsTheTooSmallMessage() throws {
        var state = try Self.state(TerminalSize(width: 80, height: 24), progress: try ScoreboardFixture.progress())
        _ = App.update(&state, key(.character("b")))
        _ = App.update(&state, .input(.resize(width: 30, height: 8)))
        #expect(App.view(state).plainText().contains("terminal too small"))
    }
}
