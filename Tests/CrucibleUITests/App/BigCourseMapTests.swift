import CrucibleEngine
import CrucibleUI
import Foundation
import Testing

/// The map, search and stats on a 10,000-lesson course with half of it passed: each key gives a
/// frame that shows what it should.
///
/// Their speed (the budget is 5 ms a key) is measured by `scripts/bench-ui --big-course`, not here:
/// timings on a shared machine are noise.
@Suite struct BigCourseMapTests {
    static let course: Course = {
        let root = URL(fileURLWithPath: "/big-course")
        let tracks = (0..<10).map { track in
            Track(
                id: "t\(track)", title: "Track \(track)", summary: "Summary of track \(track).", folder: root,
                lessons: (0..<1_000).map { FixtureCourse.lesson("t\(track).l\($0)", "Lesson \($0) of track \(track)", .read) })
        }
        return Course(id: "big", title: "Big course", welcome: "", final: nil, root: root, tracks: tracks)
    }()

    static let game: GameState = {
        var progress = CourseProgress(xp: 5_000, position: ResumePosition(lesson: "t9.l999", scroll: 0))
        for (index, lesson) in course.lessons.enumerated() where index.isMultiple(of: 2) {
            progress.lessons[lesson.id] = MapProgressFixture.passed(daysAgo: index % 80, xp: 5)
        }
        return GameState(
            progress: progress, achievements: MapProgressFixture.achievements,
            today: MapProgressFixture.today, calendar: MapProgressFixture.calendar)
    }()

    /// Applies `key` and draws the frame.
    func press(_ key: Key, _ state: inout AppState) -> String {
        _ = App.update(&state, .input(.key(key)))
        return App.view(state).plainText()
    }

    @Test func mapSearchAndStatsAnswerEachKeyOnATenThousandLessonCourse() {
        var state = AppState(course: Self.course, size: TerminalSize(width: 120, height: 40), showWelcome: false, game: Self.game)
        #expect(state.lessons[state.selection].id == "t9.l999")
        #expect(press(.up, &state).contains("Lesson 998 of track 9"))
        _ = press(.pageUp, &state)
        #expect(state.selection < 9_998)
        var frame = ""
        for key in [Key.character("/"), .character("9"), .character("9"), .character(" "), .character("3")] {
            frame = press(key, &state)
        }
        #expect(frame.contains("99 3"), "the search field shows the query:\n\(frame)")
        #expect(frame.contains("Lesson 993 of track 9") || frame.contains("Lesson 99 of track 3"), "\(frame)")
        _ = press(.down, &state)
        #expect(press(.backspace, &state).contains("99 "))
        _ = press(.escape, &state)
        _ = press(.escape, &state)
        #expect(state.top == .courseMap)
        frame = press(.character("s"), &state)
        #expect(frame.contains("5000") || frame.contains("5,000"), "stats count the 5,000 passed lessons:\n\(frame)")
        _ = press(.pageDown, &state)
        _ = press(.end, &state)
        _ = press(.character("q"), &state)
        #expect(state.top == .courseMap)
    }
}
