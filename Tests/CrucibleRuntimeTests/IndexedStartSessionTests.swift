import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// A session whose first frame comes from the course index: the lessons it then opens and
/// checks are the ones in the files, loaded in full after that frame.
@Suite struct IndexedStartSessionTests {
    /// The fixture's index, made by a full load as a launch makes it.
    private func indexed(_ fixture: CourseFixture) throws -> CourseIndex {
        _ = fixture.index.load()
        return try #require(fixture.index.current())
    }

    @Test func aCodeLessonOpensAndChecksAsLoadedFromItsFiles() async throws {
        let fixture = try CourseFixture()
        let harness = try SessionHarness(fixture: fixture, startingFrom: try indexed(fixture))
        defer { harness.end() }
        try await harness.terminal.waitUntilScreen(shows: "Welcome to the session course.")
        harness.terminal.press(.enter)
        try await harness.open("Echo", body: "ECHO BODY")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        try await harness.quit()
        #expect(try fixture.savedProgress()?.lessons["t.echo"]?.isPassed == true)
    }

    /// An index one change behind (a file rewritten within the clock tick of its stamp): the
    /// first frame shows the index, and the full load after it shows the files.
    @Test func aLessonChangedSinceTheIndexShowsAsItIsNow() async throws {
        let fixture = try CourseFixture()
        let index = try indexed(fixture)
        try fixture.writeEcho(expected: "right", title: "Echo, renamed")
        try fixture.removeLesson("01-t/05-hold")
        let harness = try SessionHarness(fixture: fixture, startingFrom: index)
        defer { harness.end() }
        try await harness.terminal.waitUntilScreen(shows: "Welcome to the session course.")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "Echo, renamed")
        #expect(!harness.terminal.screen.contains("Hold"))
        try await harness.quit()
        _ = try #require(fixture.index.current(), "the full load wrote the index again")
        #expect(fixture.index.current()?.course.lessons.map(\.title).contains("Echo, renamed") == true)
    }

    /// `crucible preview` opens a lesson right after the first frame: the quiz from the files, with its questions.
    @Test func aLessonOpenedAtOnceIsTheOneInTheFiles() async throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        // Not a first launch, so no welcome box takes the open.
        try ProgressStore(courseID: "session", file: fixture.progressFile).update { $0[lesson: "t.read"] = LessonProgress(status: .opened) }
        let terminal = TestTerminal(size: TerminalSize(width: 100, height: 30))
        let running = terminal.start(fixture.session(startingFrom: try indexed(fixture), opening: "t.quiz"))
        try await terminal.waitUntilScreen(shows: "QUIZ BODY")
        #expect(!terminal.screen.contains("id: t.quiz"), "the stand-in, which has no body offset, was opened")
        terminal.press(.enter)
        try await terminal.waitUntilScreen(shows: "Which language has a tracing garbage collector?")
        terminal.press(.control("c"))
        try await running.waitUntilEnded()
    }

    @Test func liveReloadWorksAfterAStartFromTheIndex() async throws {
        let fixture = try CourseFixture()
        let harness = try SessionHarness(fixture: fixture, startingFrom: try indexed(fixture))
        defer { harness.end() }
        try await harness.terminal.waitUntilScreen(shows: "Welcome to the session course.")
        harness.terminal.press(.enter)
        try fixture.write("01-t/06-added/lesson.md", "---\nid: t.added\ntitle: Added later\nkind: read\n---\nADDED BODY\n")
        harness.session.reloadCourse()
        harness.terminal.press(.end)
        try await harness.terminal.waitUntilScreen(shows: "Added later")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(shows: "ADDED BODY")
        try await harness.quit()
    }
}
