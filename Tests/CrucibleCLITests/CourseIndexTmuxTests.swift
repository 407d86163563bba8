import CrucibleTestSupport
import Foundation
import Testing

/// The course index in the real binary and a real terminal: a second launch draws its first
/// frame from the index and still checks the lesson as its files say, and a lesson changed
/// between launches shows as changed on the next one.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct CourseIndexTmuxTests {
    private let course: TwoLessonCourse

    init() throws { course = try TwoLessonCourse() }

    private func launch() throws -> TmuxSession {
        let session = try TmuxSession()
        try session.run(
            "XDG_CACHE_HOME='\(course.folder.path)/cache' '\(CrucibleRunner.binary.path)' --lessons '\(course.root.path)'"
                + " --progress '\(course.folder.path)/progress.json' --workspace '\(course.folder.path)/workspace'")
        return session
    }

    private func quit(_ session: TmuxSession) throws {
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
        session.close()
    }

    @Test func aSecondLaunchStartsFromTheIndexAndSeesWhatChanged() throws {
        defer { course.remove() }
        let first = try launch()
        try first.dismissWelcome()
        try first.waitFor("Echo the answer")
        try quit(first)
        #expect(
            (try? FileManager.default.contentsOfDirectory(atPath: course.indexFolder.path))?.count == 1, "the first launch keeps the index")

        // From the index: the code lesson opens and its check runs the steps in its file.
        let second = try launch()
        try second.dismissWelcome()  // nothing was saved yet, so it is still a first launch
        try second.waitUntil("the map without the welcome box") { $0.contains("Echo the answer") && !$0.contains("Press any key") }
        try second.send("Down", "Enter")
        try second.waitFor("ECHO BODY")
        try second.send("c")
        try second.waitFor("Passed!")
        try second.send("q")  // closes the result
        try second.waitFor("r shows the result")
        try second.send("q")
        try second.waitUntil("the map again") { $0.contains("Read this first") && !$0.contains("ECHO BODY") }
        try quit(second)

        // Changed between launches: the next first frame has the new title, not the index's.
        try course.write("01-t/01-read/lesson.md", TwoLessonCourse.readLesson(title: "Read this, renamed"))
        let third = try launch()
        try third.waitFor("Read this, renamed")
        #expect(!(try third.capture()).contains("Read this first"))
        try quit(third)
    }
}
