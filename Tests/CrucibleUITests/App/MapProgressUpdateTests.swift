import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// `App.update` for the game around the map: progress snapshots, resume, skip, search, stats, notices and mouse.
@Suite struct MapProgressUpdateTests {
    func press(_ key: Key, _ state: inout AppState) -> [Effect] {
        App.update(&state, .input(.key(key)))
    }

    func type(_ text: String, _ state: inout AppState) {
        for character in text { _ = press(.character(character), &state) }
    }

    @Test func aReturningLearnerStartsOnTheResumeLessonWithoutTheWelcome() {
        let state = MapProgressFixture.state()
        #expect(state.screens == [.courseMap])
        #expect(state.lessons[state.selection].id == "basics.fix")
    }

    @Test func aPositionTheCourseNoLongerHasStartsAtTheTop() {
        var progress = MapProgressFixture.progress
        progress.position = ResumePosition(lesson: "gone.lesson", scroll: 3)
        let state = MapProgressFixture.state(game: GameState(progress: progress, today: MapProgressFixture.today))
        #expect(state.selection == 0)
    }

    @Test func openingRecordsOpenedAndResumesAtTheSavedLine() {
        var state = MapProgressFixture.state()
        let effects = press(.enter, &state)
        #expect(effects.contains(.loadLessonBody(state.lesson(withID: "basics.fix")!)))
        #expect(effects.contains(.recordProgress(.opened(lesson: "basics.fix"))))
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.fix", .success(LessonSource(body: FixtureCourse.body))))
        #expect(state.openLesson?.scroll == 12)
    }

    @Test func aSavedLinePastTheEndIsClampedWhenTheTextArrives() {
        var progress = MapProgressFixture.progress
        progress.position = ResumePosition(lesson: "basics.fix", scroll: 10_000)
        var state = MapProgressFixture.state(game: GameState(progress: progress, today: MapProgressFixture.today))
        _ = press(.enter, &state)
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.fix", .success(LessonSource(body: "Short."))))
        #expect(state.openLesson?.scroll == 0)
    }

    @Test func otherLessonsOpenAtTheTop() {
        var state = MapProgressFixture.state()
        _ = press(.character("g"), &state)
        _ = press(.enter, &state)
        #expect(state.openLesson?.lessonID == "basics.stack")
        #expect(state.openLesson?.scroll == 0)
    }

    @Test func scrollingSavesNothingButLeavingAndQuittingSaveThePosition() {
        var state = MapProgressFixture.state()
        _ = press(.enter, &state)
        _ = App.update(&state, .lessonLoaded(lessonID: "basics.fix", .success(LessonSource(body: FixtureCourse.body))))
        #expect(press(.down, &state).isEmpty)
        let scroll = state.openLesson?.scroll ?? -1
        var quitting = state
        #expect(
            press(.control("c"), &quitting) == [.recordProgress(.moved(to: ResumePosition(lesson: "basics.fix", scroll: scroll))), .quit])
        let back = press(.character("q"), &state)
        #expect(back.first == .recordProgress(.moved(to: ResumePosition(lesson: "basics.fix", scroll: scroll))))
        #expect(state.top == .courseMap)
        #expect(press(.character("q"), &state) == [.quit])
    }

    @Test func recordedProgressReplacesTheSnapshot() {
        var state = MapProgressFixture.state()
        var progress = MapProgressFixture.progress
        progress.lessons["basics.fix"]?.status = .passed
        progress.xp = 120
        let effects = App.update(&state, .progressRecorded(.checked(lesson: "basics.fix", passed: true), events: [], progress: progress))
        #expect(effects.isEmpty)
        #expect(state.game.progress.xp == 120)
        #expect(state.game.mark(for: "basics.fix") == .passed)
        _ = App.update(&state, .progressLoaded(CourseProgress()))
        #expect(state.game.progress.isEmpty)
    }

    @Test func marksCoverEveryStatus() {
        let game = MapProgressFixture.game
        #expect(game.mark(for: "basics.stack") == .passed)
        #expect(game.mark(for: "basics.heap") == .updated)
        #expect(game.mark(for: "basics.fix") == .inProgress)
        #expect(game.mark(for: "threads.race") == .needsTool)
        #expect(game.mark(for: "threads.lock") == .skipped)
        #expect(GameState().mark(for: "basics.stack") == .notStarted)
    }

    @Test func skipOnTheMapRecordsItMovesOnAndTheContinueMarkFollows() {
        var state = MapProgressFixture.state()
        let effects = press(.character("x"), &state)
        #expect(
            effects == [
                .recordProgress(.skipped(lesson: "basics.fix")),
                .recordProgress(.moved(to: ResumePosition(lesson: "threads.race"))),
            ])
        #expect(state.lessons[state.selection].id == "threads.race")
    }

    @Test func skipInALessonGoesBackToTheMapOnTheNextLesson() {
        var state = MapProgressFixture.state()
        _ = press(.character("g"), &state)
        _ = press(.enter, &state)
        let effects = press(.character("x"), &state)
        // The continue mark stays on basics.fix, where the learner left off.
        #expect(effects == [.recordProgress(.skipped(lesson: "basics.stack"))])
        #expect(state.top == .courseMap)
        #expect(state.selection == 1)
    }

    @Test func searchFiltersAsYouTypeAndEnterOpensTheMatch() {
        var state = MapProgressFixture.state()
        _ = press(.character("/"), &state)
        guard case .search(let all) = state.top else { Issue.record("no search"); return }
        #expect(all.matches.count == state.lessons.count)
        type("LOCK", &state)
        guard case .search(let search) = state.top else { Issue.record("no search"); return }
        #expect(search.matches.map { state.lessons[$0].id } == ["threads.lock"])
        let effects = press(.enter, &state)
        #expect(effects.contains(.loadLessonBody(state.lesson(withID: "threads.lock")!)))
        #expect(state.openLesson?.lessonID == "threads.lock")
        _ = press(.escape, &state)
        #expect(state.top == .courseMap)
        #expect(state.lessons[state.selection].id == "threads.lock")
    }

    @Test func searchMatchesIdsAndEveryWordAndBackspaceWidensIt() {
        var state = MapProgressFixture.state()
        _ = press(.character("/"), &state)
        type("basics heap", &state)
        guard case .search(let narrow) = state.top else { Issue.record("no search"); return }
        #expect(narrow.matches.map { state.lessons[$0].id } == ["basics.heap"])
        for _ in 0..<5 { _ = press(.backspace, &state) }
        guard case .search(let wide) = state.top else { Issue.record("no search"); return }
        #expect(wide.query == "basics")
        #expect(wide.matches.count == 3)
        // q and j are typed, not commands, while searching.
        type("qj", &state)
        guard case .search(let typed) = state.top else { Issue.record("no search"); return }
        #expect(typed.query == "basicsqj")
        #expect(press(.enter, &state).isEmpty)
    }

    @Test func escapeClearsTheSearchAndKeepsTheSelection() {
        var state = MapProgressFixture.state()
        let before = state.selection
        _ = press(.character("/"), &state)
        type("race", &state)
        // The first Esc empties the query, the second closes the search.
        _ = press(.escape, &state)
        #expect(state.screens.count == 2)
        _ = press(.escape, &state)
        #expect(state.screens == [.courseMap])
        #expect(state.selection == before)
    }

    @Test func statsOpenScrollAndCloseWithoutEffects() {
        var state = MapProgressFixture.state()
        #expect(press(.character("s"), &state).isEmpty)
        #expect(state.top == .stats(scroll: 0))
        _ = press(.down, &state)
        #expect(state.top == .stats(scroll: 1))
        _ = press(.end, &state)
        guard case .stats(let end) = state.top else { Issue.record("no stats"); return }
        #expect(end == StatsView.lines(for: state).count - state.size.contentHeight)
        _ = press(.character("q"), &state)
        #expect(state.top == .courseMap)
    }

    @Test func resizingKeepsTheStatsScrollAndTheSearchMatchInRange() {
        var state = MapProgressFixture.state(width: 40, height: 10)
        _ = press(.character("s"), &state)
        _ = press(.end, &state)
        _ = App.update(&state, .input(.resize(width: 120, height: 60)))
        #expect(state.top == .stats(scroll: 0))
        _ = press(.character("q"), &state)
        _ = press(.character("/"), &state)
        _ = press(.end, &state)
        _ = App.update(&state, .input(.resize(width: 40, height: 10)))
        guard case .search(let search) = state.top else { Issue.record("no search"); return }
        #expect(search.selected >= search.scroll && search.selected < search.scroll + state.mapHeight)
    }

    @Test func noticesShareOneBoxThatAnyKeyCloses() {
        var state = MapProgressFixture.state()
        _ = App.update(&state, .notice("first"))
        _ = App.update(&state, .notice("second"))
        #expect(state.screens == [.courseMap, .message("first\n\nsecond")])
        #expect(press(.character("z"), &state).isEmpty)
        #expect(state.screens == [.courseMap])
    }

    @Test func achievementsAndToolsArriveAfterTheFirstFrame() {
        var state = MapProgressFixture.state(game: GameState(progress: MapProgressFixture.progress, today: MapProgressFixture.today))
        #expect(state.game.mark(for: "threads.race") == .notStarted)
        _ = App.update(&state, .toolsProbed(missing: ["threads.race": ["go"]]))
        _ = App.update(&state, .achievementsLoaded(MapProgressFixture.achievements))
        #expect(state.game.mark(for: "threads.race") == .needsTool)
        #expect(state.game.achievements.count == 3)
    }

    @Test func clicksBelowTheHeaderSelectThenOpen() {
        var state = MapProgressFixture.state()
        // Rows: 0 top bar, 1 header, 2 blank, 3 "Basics", 4 summary, 5 first lesson.
        #expect(App.update(&state, .input(.mouse(.press(x: 10, y: 5)))).isEmpty)
        #expect(state.selection == 0)
        #expect(App.update(&state, .input(.mouse(.press(x: 10, y: 1)))).isEmpty)
        #expect(state.selection == 0)
        let effects = App.update(&state, .input(.mouse(.press(x: 10, y: 5))))
        #expect(effects.contains(.loadLessonBody(state.lesson(withID: "basics.stack")!)))
    }

    @Test func wheelMovesTheMapSelectionAndScrollsStats() {
        var state = MapProgressFixture.state()
        _ = press(.character("g"), &state)
        _ = App.update(&state, .input(.mouse(.wheelDown(x: 0, y: 5))))
        #expect(state.selection == 1)
        _ = press(.character("s"), &state)
        _ = App.update(&state, .input(.mouse(.wheelDown(x: 0, y: 5))))
        #expect(state.top == .stats(scroll: App.wheelLines))
    }

    @Test func theMapKeepsTheSelectionInViewBelowTheHeader() {
        var state = MapProgressFixture.state(width: 40, height: 10)
        _ = press(.end, &state)
        let row = state.map.lessonRows[state.selection]
        #expect(row >= state.mapScroll && row < state.mapScroll + state.mapHeight)
    }

    @Test func localDaysRoundTripThroughDayNumbers() {
        for day in [
            LocalDay(year: 2026, month: 2, day: 28), LocalDay(year: 2024, month: 2, day: 29), LocalDay(year: 1999, month: 12, day: 31),
        ] {
            #expect(LocalDay(dayNumber: day.dayNumber) == day)
        }
    }
}

/// Activity days agree with the calendar's idea of the local day, across zones and midnight.
@Suite struct ActivityDayTests {
    @Test(arguments: ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"])
    func dayNumbersMatchTheCalendar(zone: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        for hours in stride(from: -30, through: 30, by: 1) {
            let date = MapProgressFixture.date(daysAgo: 0).addingTimeInterval(Double(hours) * 3_600 + 59)
            #expect(Activity.dayNumber(date, in: calendar.timeZone) == LocalDay(date, calendar: calendar).dayNumber)
        }
    }
}
