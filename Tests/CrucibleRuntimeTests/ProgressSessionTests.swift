import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import Foundation
import Testing

/// The one progress session the command line and the full screen share.
@Suite struct ProgressSessionTests {
    @Test func aPassWithoutAContentHashGetsTheLessonsAndIsSaved() throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        let course = try #require(fixture.load().course)
        let session = try ProgressSession(course: course, file: fixture.progressFile)
        let events = try session.record(.checked(lesson: "t.echo", passed: true))
        #expect(events.contains(.lessonPassed(lesson: "t.echo")))
        let echo = try #require(course.lessons.first { $0.id == "t.echo" })
        #expect(try fixture.savedProgress()?.lessons["t.echo"]?.contentHash == LessonContentHash.of(echo))
    }

    @Test func afterFollowingAReloadedCourseItsNewLessonsEarnXP() throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        let session = try ProgressSession(course: try #require(fixture.load().course), file: fixture.progressFile)
        try fixture.write("01-t/06-added/lesson.md", "---\nid: t.added\ntitle: Added\nkind: read\n---\nNew.\n")
        let reloaded = try #require(fixture.load().course)
        #expect(session.outline.lesson("t.added") == nil)
        session.follow(reloaded)
        #expect(session.outline.lesson("t.added") != nil)
        let events = try session.record(.checked(lesson: "t.added", passed: true))
        #expect(events.contains { if case .xpAwarded = $0 { true } else { false } }, "\(events)")
    }

    @Test func sessionOnlyProgressPlaysWithoutAFile() throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        let session = ProgressSession(sessionOnly: try #require(fixture.load().course))
        _ = try session.record(.checked(lesson: "t.read", passed: true))
        #expect(session.current.lessons["t.read"]?.isPassed == true)
        #expect(session.current.xp > 0)
        #expect(try fixture.savedProgress() == nil, "nothing is written")
    }
}
