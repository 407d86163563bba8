import CrucibleEngine
import CrucibleUI
import Dispatch
import Foundation
import Testing

/// Key-to-frame time of the map, search and stats on a 10,000-lesson course with half of it passed.
///
/// The budget is 5 ms per key in release builds; the bound here is loose so debug builds on a
/// busy machine pass too. Release timing: `swift test -c release -Xswiftc -enable-testing --filter MapProgressSpeed`.
@Suite struct MapProgressSpeedTests {
    static let course: Course = {
        let root = URL(fileURLWithPath: "/big-course")
        let tracks = (0..<10).map { track in
            Track(id: "t\(track)", title: "Track \(track)", summary: "Summary of track \(track).", folder: root,
                  lessons: (0..<1_000).map { FixtureCourse.lesson("t\(track).l\($0)", "Lesson \($0) of track \(track)", .read) })
        }
        return Course(id: "big", title: "Big course", welcome: "", final: nil, root: root, tracks: tracks)
    }()

    static let game: GameState = {
        var progress = CourseProgress(xp: 5_000, position: ResumePosition(lesson: "t9.l999", scroll: 0))
        for (index, lesson) in course.lessons.enumerated() where index.isMultiple(of: 2) {
            progress.lessons[lesson.id] = MapProgressFixture.passed(daysAgo: index % 80, xp: 5)
        }
        return GameState(progress: progress, achievements: MapProgressFixture.achievements,
                         today: MapProgressFixture.today, calendar: MapProgressFixture.calendar)
    }()

    /// Milliseconds for `action` then a full frame.
    func keyToFrame(_ state: inout AppState, _ action: Action) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = App.update(&state, action)
        _ = App.view(state)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    @Test func mapSearchAndStatsRedrawQuickly() {
        var state = AppState(course: Self.course, size: TerminalSize(width: 120, height: 40), showWelcome: false, game: Self.game)
        #expect(state.lessons[state.selection].id == "t9.l999")
        var worst = 0.0
        for key in [Key.up, .pageUp, .character("/"), .character("9"), .character("9"), .character(" "), .character("3"),
                    .down, .backspace, .escape, .escape, .character("s"), .pageDown, .end, .character("q")] {
            worst = max(worst, keyToFrame(&state, .input(.key(key))))
        }
        #expect(state.top == .courseMap)
        #expect(worst < 250, "slowest key to frame: \(worst) ms")
    }
}
