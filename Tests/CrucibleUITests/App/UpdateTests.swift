import CrucibleEngine
import Testing

@testable import CrucibleUI

/// `App.update`: each action's effect on the state, and the effects it asks for.
@Suite struct UpdateTests {
    func press(_ key: Key, _ state: inout AppState) -> [Effect] {
        App.update(&state, .input(.key(key)))
    }

    /// The map, welcome dismissed, at `height` rows.
    func mapState(height: Int = 24) -> AppState {
        FixtureCourse.state(height: height, welcome: false)
    }

    /// The second lesson open with the long fixture body loaded.
    func lessonState(height: Int = 24) -> AppState {
        var state = mapState(height: height)
        _ = press(.down, &state)
        _ = press(.enter, &state)
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.heap", .success(LessonSource(body: FixtureCourse.body))))
        return state
    }

    @Test func launchShowsTheWelcomeOverTheMapAndAnyKeyDismissesIt() {
        var state = FixtureCourse.state()
        #expect(state.screens == [.courseMap, .welcome])
        #expect(press(.character("x"), &state).isEmpty)
        #expect(state.screens == [.courseMap])
        #expect(state.selection == 0)
    }

    @Test func ctrlCQuitsFromEveryScreen() {
        var welcome = FixtureCourse.state()
        #expect(press(.control("c"), &welcome) == [.quit])
        // Quitting from a lesson saves where the learner was first.
        let saved = Effect.recordProgress(.moved(to: ResumePosition(lesson: "basics.heap", scroll: 0)))
        var lesson = lessonState()
        #expect(press(.control("c"), &lesson) == [saved, .quit])
        _ = press(.character("?"), &lesson)
        #expect(press(.control("c"), &lesson) == [saved, .quit])
    }

    @Test func moveSelectionStaysInTheCourse() {
        var state = mapState()
        _ = press(.up, &state)
        #expect(state.selection == 0)
        _ = press(.character("j"), &state)
        _ = press(.down, &state)
        #expect(state.selection == 2)
        _ = press(.end, &state)
        #expect(state.selection == 4)
        _ = press(.down, &state)
        #expect(state.selection == 4)
        _ = press(.character("g"), &state)
        #expect(state.selection == 0)
        _ = press(.pageDown, &state)
        #expect(state.selection == 4)
    }

    @Test func openAsksForTheBodyAndShowsItWhenItArrives() {
        var state = mapState()
        _ = press(.down, &state)
        #expect(
            press(.enter, &state).prefix(2) == [
                .loadLessonBody(state.lesson(withID: "basics.heap")!), .recordProgress(.opened(lesson: "basics.heap")),
            ])
        #expect(state.openLesson?.lessonID == "basics.heap" && state.openLesson?.content == .loading)
        // A result for another lesson is ignored.
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.stack", .success(LessonSource(body: "other"))))
        #expect(state.openLesson?.content == .loading)
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.heap", .success(LessonSource(body: FixtureCourse.body))))
        guard case .loaded(_, let lines, let width)? = state.openLesson?.content else {
            Issue.record("lesson not loaded: \(String(describing: state.openLesson))")
            return
        }
        #expect(width == LessonView.textWidth(for: state.size))
        #expect(lines.first?.plainText == "The heap — and who frees it")
    }

    @Test func aFailedLoadIsShown() {
        var state = mapState()
        _ = press(.enter, &state)
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.stack", .failure(LessonLoadFailure("gone"))))
        #expect(state.openLesson?.content == .failed("gone"))
    }

    @Test func lessonScrollsWithinItsText() throws {
        var state = lessonState()
        let lines = try #require(state.openLesson?.lines.count)
        let last = lines - state.size.contentHeight
        _ = press(.up, &state)
        #expect(state.openLesson?.scroll == 0)
        _ = press(.character("j"), &state)
        #expect(state.openLesson?.scroll == 1)
        _ = press(.pageDown, &state)
        #expect(state.openLesson?.scroll == 1 + state.size.contentHeight - 1)
        _ = press(.character("G"), &state)
        #expect(state.openLesson?.scroll == last)
        _ = press(.down, &state)
        #expect(state.openLesson?.scroll == last)
        _ = press(.home, &state)
        #expect(state.openLesson?.scroll == 0)
        _ = App.update(&state, .input(.mouse(.wheelDown(x: 5, y: 5))))
        #expect(state.openLesson?.scroll == App.wheelLines)
    }

    @Test func backLeavesTheLessonAndQOnTheMapQuits() {
        var state = lessonState()
        #expect(press(.character("q"), &state).first == .recordProgress(.moved(to: ResumePosition(lesson: "basics.heap", scroll: 0))))
        #expect(state.screens == [.courseMap])
        #expect(state.selection == 1)
        // Esc does nothing on the map; q quits.
        #expect(press(.escape, &state).isEmpty)
        #expect(state.screens == [.courseMap])
        #expect(press(.character("q"), &state) == [.quit])
        var escaping = lessonState()
        _ = press(.escape, &escaping)
        #expect(escaping.screens == [.courseMap])
    }

    @Test func helpOpensOverTheScreenAndCloses() {
        var state = lessonState()
        _ = press(.character("?"), &state)
        #expect(state.top == .help)
        // q closes the help instead of reaching the lesson beneath it.
        #expect(press(.character("q"), &state).isEmpty)
        #expect(state.top == state.base)
        #expect(state.openLesson?.lessonID == "basics.heap")
        _ = press(.character("?"), &state)
        _ = press(.escape, &state)
        #expect(state.openLesson?.lessonID == "basics.heap")
        #expect(state.top == state.base)
    }

    @Test func resizeLaysTheLessonOutAgainAndKeepsTheScrollInRange() throws {
        var state = lessonState()
        _ = press(.end, &state)
        _ = App.update(&state, .input(.resize(width: 200, height: 60)))
        guard case .loaded(_, let lines, let width)? = state.openLesson?.content else {
            Issue.record("lesson not loaded")
            return
        }
        #expect(width == 100)
        #expect(state.openLesson?.scroll == max(0, lines.count - 58))
        _ = App.update(&state, .input(.resize(width: 40, height: 10)))
        let narrow = try #require(state.openLesson?.lines.count)
        #expect(narrow > lines.count)
    }

    @Test func theMapScrollsToKeepTheSelectionInView() {
        var state = mapState(height: 10)
        _ = press(.end, &state)
        let row = state.map.lessonRows[4]
        #expect(row >= state.mapScroll && row < state.mapScroll + state.size.contentHeight)
        // Back on the first lesson, its track heading shows too.
        _ = press(.home, &state)
        #expect(state.mapScroll == 0)
    }

    @Test func aPressSelectsALessonAndASecondPressOpensIt() {
        var state = mapState()
        // Row 0 is the top bar, then the game header; map row r is drawn below them.
        let y = state.map.lessonRows[3] + 1 + AppState.mapHeaderHeight
        #expect(App.update(&state, .input(.mouse(.press(x: 10, y: y)))).isEmpty)
        #expect(state.selection == 3)
        #expect(App.update(&state, .input(.mouse(.press(x: 10, y: y)))).first == .loadLessonBody(state.lesson(withID: "threads.race")!))
        // A press on a heading does nothing.
        var other = mapState()
        #expect(App.update(&other, .input(.mouse(.press(x: 1, y: 2)))).isEmpty)
        #expect(other.selection == 0)
    }

    @Test func noWelcomeBoxForACourseWithoutWelcomeText() {
        var course = FixtureCourse.course
        course.welcome = "  \n"
        let state = AppState(course: course, size: TerminalSize(width: 80, height: 24))
        #expect(state.screens == [.courseMap])
    }

    @Test func noKeyIsBoundTwiceOnAScreen() {
        for screen in [Screen.courseMap, .lesson(LessonScreen(lessonID: "x")), .welcome, .help] {
            let keys = Keymap.bindings(for: screen).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(screen)")
        }
    }
}
