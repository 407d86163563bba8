import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check` with a current course index parses only the lesson it checks; any change
/// to the course's files makes the index stale, and the check then sees the files as they are.
@Suite struct CheckFromIndexTests {
    private func check(_ course: TwoLessonCourse, _ id: String = "t.echo") throws -> CrucibleRunner.Result {
        try CrucibleRunner.run(["--lessons", course.root.path, "check", id, "--no-cache"], environment: course.environment)
    }

    @Test func aCurrentIndexSparesTheOtherLessonsAndAChangedFileIsSeen() throws {
        let course = try TwoLessonCourse()
        defer { course.remove() }
        let first = try check(course)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let indexes = try FileManager.default.contentsOfDirectory(atPath: course.indexFolder.path)
        #expect(indexes.count == 1, "the first check keeps the index")

        // Broken behind the index's back (same size, same modification time): only a check
        // that parses every lesson would report it.
        let read = course.root.appendingPathComponent("01-t/01-read/lesson.md")
        var before = stat()
        #expect(stat(read.path, &before) == 0)
        try course.write("01-t/01-read/lesson.md", TwoLessonCourse.readLesson(title: "[Read this firs"))
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, read.path, &times, 0)
        let spared = try check(course)
        #expect(spared.status == 0, "\(spared.stdout)\(spared.stderr)")
        #expect(!spared.stderr.contains("lesson.md"), "the read lesson was parsed: \(spared.stderr)")

        // A real edit: the index is stale, the whole course loads, and both changes are seen.
        try course.writeEcho(expecting: "wrong")
        let changed = try check(course)
        #expect(changed.status == 1, "\(changed.stdout)\(changed.stderr)")
        #expect(changed.stdout.contains("wrong output"), "\(changed.stdout)")
        #expect(changed.stderr.contains("01-read/lesson.md"), "the broken lesson is reported: \(changed.stderr)")
    }
}
