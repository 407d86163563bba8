import Testing

@testable import CrucibleUI

/// Every screen drawn at 80x24 and 120x40 and compared with its snapshot.
@Suite struct ScreenSnapshotTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)]

    /// The app after `actions`, starting from launch at `size`.
    func state(_ size: TerminalSize, after actions: [Action]) -> AppState {
        var state = FixtureCourse.state(width: size.width, height: size.height)
        for action in actions { _ = App.update(&state, action) }
        return state
    }

    func key(_ key: Key) -> Action { .input(.key(key)) }

    var openSecondLesson: [Action] {
        [
            key(.enter), key(.down), key(.enter),
            .lessonLoaded(lessonID: "basics.heap", .success(LessonSource(body: FixtureCourse.body))),
        ]
    }

    func expect(_ name: String, _ size: TerminalSize, after actions: [Action], sourceLocation: SourceLocation = #_sourceLocation) {
        expectSnapshot(
            App.view(state(size, after: actions)), named: "\(name)-\(size.width)x\(size.height)",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes) func welcome(size: TerminalSize) {
        expect("welcome", size, after: [])
    }

    @Test(arguments: sizes) func courseMap(size: TerminalSize) {
        expect("course-map", size, after: [key(.enter), key(.down)])
    }

    @Test(arguments: sizes) func courseMapHelp(size: TerminalSize) {
        expect("course-map-help", size, after: [key(.enter), key(.character("?"))])
    }

    @Test(arguments: sizes) func lessonLoading(size: TerminalSize) {
        expect("lesson-loading", size, after: [key(.enter), key(.enter)])
    }

    @Test(arguments: sizes) func lesson(size: TerminalSize) {
        expect("lesson", size, after: openSecondLesson)
    }

    @Test(arguments: sizes) func lessonScrolledToEnd(size: TerminalSize) {
        expect("lesson-end", size, after: openSecondLesson + [key(.end)])
    }

    @Test(arguments: sizes) func lessonHelp(size: TerminalSize) {
        expect("lesson-help", size, after: openSecondLesson + [key(.character("?"))])
    }

    @Test(arguments: sizes) func lessonFailed(size: TerminalSize) {
        expect(
            "lesson-failed", size,
            after: [
                key(.enter), key(.enter),
                .lessonLoaded(
                    lessonID: "basics.stack", .failure(LessonLoadFailure("/fixture-course/basics.stack/lesson.md cannot be read"))),
            ])
    }

    /// The smallest supported size: the map scrolls to keep the last lesson in view.
    @Test func courseMapAtMinimumSize() {
        expect("course-map-scrolled", TerminalSize.minimum, after: [key(.enter), key(.end)])
    }

    @Test(arguments: [TerminalSize(width: 39, height: 10), TerminalSize(width: 20, height: 5)])
    func tooSmall(size: TerminalSize) {
        expect("too-small", size, after: [])
    }
}
