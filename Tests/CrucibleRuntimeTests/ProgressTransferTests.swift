import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import Foundation
import Testing

@Suite struct ProgressTransferTests {
    @Test func anExportMergesIntoAnotherMachinesProgressWithoutLoweringAnything() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let away = course.root.appendingPathComponent("away.json"), home = course.root.appendingPathComponent("home.json")
        try ProgressStore(courseID: "rt", file: away).update { progress in
            progress.xp = 30
            progress[lesson: "t.fix"] = LessonProgress(status: .passed, attempts: 1, xpEarned: 30)
        }
        try ProgressStore(courseID: "other", file: away).update { $0.xp = 5 }
        try ProgressStore(courseID: "rt", file: home).update { progress in
            progress.xp = 10
            progress[lesson: "t.read"] = LessonProgress(status: .passed, attempts: 1, xpEarned: 10)
        }
        let exported = course.root.appendingPathComponent("export.json")

        #expect(try ProgressTransfer.export(away, to: exported, replace: false) == "Exported 2 courses (other, rt) to \(exported.path)")
        let again = #expect(throws: CommandFailure.self) { try ProgressTransfer.export(away, to: exported, replace: false) }
        #expect(again?.status == ExitStatus.problems)

        let lines = try ProgressTransfer.importing(exported, into: CommandLineProgress(loaded: course.loaded, file: home))
        #expect(
            lines == [
                "Imported \(exported.path): Runtime course",
                "  XP 10 → 40, lessons passed 1 → 2, achievements 0 → 0",
                "  Also merged: other",
            ])
        #expect(try ProgressStore(courseID: "rt", file: home).current.lessons.keys.sorted() == ["t.fix", "t.read"])
    }
}

@Suite struct CourseLocationsTests {
    @Test func aFolderWithoutACourseFailsNamingIt() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let empty = course.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let failure = #expect(throws: CommandFailure.self) {
            try CourseLocations(lessons: empty.path, workspace: nil, progress: nil).load()
        }
        #expect(failure?.message == "no course could be loaded from \(empty.path)")
    }

    @Test func theWorkspaceAndProgressFileAreTheOnesGiven() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let locations = CourseLocations(
            lessons: course.folder.path, workspace: course.root.appendingPathComponent("ws").path,
            progress: course.root.appendingPathComponent("p.json").path)
        let loaded = try locations.load()
        #expect(loaded.course?.id == "rt")
        #expect(
            locations.workspace(for: loaded).folder(for: "t.fix").path
                == course.root.appendingPathComponent("ws/rt/t.fix").path)
        #expect(locations.progressFile().path == course.root.appendingPathComponent("p.json").path)
    }
}
