import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// What a course's fingerprint covers: what runs (hidden files, steps, declared tools), not what is read.
@Suite struct CourseFingerprintTests {
    private func fingerprint(_ course: TrustTestCourse) throws -> CourseFingerprint {
        let loaded = CourseLoader.load(from: course.folder)
        let loadedCourse = try #require(loaded.course, "\(loaded.errors)")
        return CourseFingerprint(of: loadedCourse)
    }

    @Test func theSameFilesGiveTheSameFingerprint() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let first = try fingerprint(course), second = try fingerprint(course)
        #expect(first == second)
        #expect(first.digest.hasPrefix("sha256:"))
        #expect(Set(first.parts.keys) == ["tools", "steps/t.fix", "hidden/t.fix"])
    }

    /// Whether `edit` changed the fingerprint, and the changes it names.
    private func change(_ edit: (TrustTestCourse) throws -> Void) throws -> (changed: Bool, named: [String]) {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let before = try fingerprint(course)
        try edit(course)
        let after = try fingerprint(course)
        return (after.digest != before.digest, after.changes(since: before))
    }

    @Test func changingAHiddenFileChangesItAndIsNamed() throws {
        let result = try change { try $0.write("rm -rf \"$HOME\"\n", to: "01-t/01-fix/check/harness.sh") }
        #expect(result.changed)
        #expect(result.named == ["lesson t.fix's hidden harness changed"])
    }

    @Test func changingAStepChangesItAndIsNamed() throws {
        let result = try change {
            try $0.write(
                TrustTestCourse.fixLesson.replacingOccurrences(of: "run: [sh, harness.sh]", with: "run: [bash, harness.sh]"),
                to: "01-t/01-fix/lesson.md")
        }
        #expect(result.changed)
        #expect(result.named == ["steps of lesson t.fix changed"])
    }

    @Test func changingADeclaredToolChangesItAndIsNamed() throws {
        let result = try change {
            try $0.write(TrustTestCourse.courseFile.replacingOccurrences(of: "kind: build", with: "kind: program"), to: "course.yml")
        }
        #expect(result.changed)
        #expect(result.named == ["tools declared in course.yml changed"])
    }

    @Test func addingALessonThatRunsIsNamed() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let before = try fingerprint(course)
        try course.write(TrustTestCourse.fixLesson.replacingOccurrences(of: "id: t.fix", with: "id: t.more"), to: "01-t/04-more/lesson.md")
        try course.write("broken\n", to: "01-t/04-more/starter/answer.txt")
        try course.write("fixed\n", to: "01-t/04-more/solution/answer.txt")
        try course.write("true\n", to: "01-t/04-more/check/harness.sh")
        let after = try fingerprint(course)
        #expect(after.changes(since: before) == ["lesson t.more added"])
        #expect(before.changes(since: after) == ["lesson t.more removed"])
    }

    @Test func proseStarterHintsAndReadLessonsDoNotChangeIt() throws {
        let course = try TrustTestCourse()
        defer { course.remove() }
        let before = try fingerprint(course)
        try course.write(TrustTestCourse.fixLesson + "\nMore prose, and a second paragraph.\n", to: "01-t/01-fix/lesson.md")
        try course.write("a different starter\n", to: "01-t/01-fix/starter/answer.txt")
        try course.write(
            "---\nid: t.read\ntitle: Read again\nkind: read\nhints: [Another hint.]\n---\nOther text.\n", to: "01-t/03-read/lesson.md")
        #expect(try fingerprint(course) == before)
    }

    @Test func dictionariesAreDescribedInOneOrder() {
        let step = CheckStep(name: "s", run: ["cc"], env: ["A": "1", "B": nil, "C": "3", "D": "4", "E": "5"])
        var reordered = step
        reordered.env = [:]
        for key in ["E", "D", "C", "B", "A"] { reordered.env[key] = step.env[key]! }
        #expect(CourseFingerprint.canonical(step) == CourseFingerprint.canonical(reordered))
        #expect(CourseFingerprint.canonical(step).contains("\"A\""))
    }
}
