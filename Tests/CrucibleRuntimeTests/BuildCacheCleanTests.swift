import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import Foundation
import Testing

/// Emptying the build cache (`{cache}`): by `crucible cache clean` and by `crucible reset`.
@Suite struct BuildCacheCleanTests {
    /// The course's build cache with a folder of `bytes` bytes for each lesson id given.
    private func cache(in course: CommandTestCourse, _ folders: [String: Int]) throws -> BuildCache {
        let cache = BuildCache(root: course.root.appendingPathComponent("xdg-cache"), courseID: "rt")
        for (id, bytes) in folders {
            let folder = cache.folder(for: id).appendingPathComponent("go-build/00")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(count: bytes).write(to: folder.appendingPathComponent("object"))
        }
        return cache
    }

    @Test func cleaningNamedLessonsRemovesOnlyTheirFoldersAndSaysHowMuch() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let cache = try cache(in: course, ["t.fix": 2_500_000, "u.read": 10])
        let lines = try BuildCacheClean.run(["t.fix"], cache: cache, loaded: course.loaded)
        #expect(
            lines == [
                "Removed the build cache of `t.fix`: 2.5 MB (\(cache.folder(for: "t.fix").path))",
                "Freed 2.5 MB in 1 folder under \(cache.folder.path)",
            ])
        #expect(cache.lessonIDs() == ["u.read"])
    }

    @Test func cleaningEverythingRemovesEveryFolderEvenOfLessonsTheCourseNoLongerHas() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let cache = try cache(in: course, ["t.fix": 2000, "gone.lesson": 1000])
        let lines = try BuildCacheClean.run([], cache: cache, loaded: course.loaded)
        #expect(lines.count == 3)
        #expect(lines.first == "Removed the build cache of `gone.lesson`: 1 KB (\(cache.folder(for: "gone.lesson").path))")
        #expect(lines.last == "Freed 3 KB in 2 folders under \(cache.folder.path)")
        #expect(cache.lessonIDs().isEmpty)
        #expect(
            try BuildCacheClean.run([], cache: cache, loaded: course.loaded)
                == ["Nothing to remove: no build cache folder for any lesson in \(cache.folder.path)"])
    }

    @Test func anUnknownLessonIsRefusedBeforeAnythingIsRemoved() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let cache = try cache(in: course, ["t.fix": 10])
        let failure = #expect(throws: CommandFailure.self) {
            try BuildCacheClean.run(["t.fix", "t.fx"], cache: cache, loaded: course.loaded)
        }
        #expect(failure?.message.hasPrefix("no lesson has the id `t.fx`") == true, "\(failure?.message ?? "")")
        #expect(failure?.message.hasSuffix("; nothing was removed") == true)
        #expect(cache.lessonIDs() == ["t.fix"])
    }

    @Test func resetEmptiesThePlannedLessonsBuildCacheAndAsksAboutItFirst() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let cache = try cache(in: course, ["t.fix": 2000, "u.read": 10])
        let plan = try ResetPlan(
            .track("t"), files: false, outline: course.outline, progress: CourseProgress(), loaded: course.loaded,
            buildCache: cache)
        #expect(plan.cachedLessonIDs == ["t.fix"])
        #expect(plan.question == "Reset track `t`: 0 lesson records, 0 XP, 1 build cache folder")
        #expect(try plan.emptyBuildCaches() == ["Emptied the build cache of `t.fix` (2 KB) in \(cache.folder(for: "t.fix").path)"])
        #expect(cache.lessonIDs() == ["u.read"])

        let whole = try ResetPlan(
            .all, files: false, outline: course.outline, progress: CourseProgress(), loaded: course.loaded, buildCache: cache)
        #expect(whole.question.hasSuffix("0 achievements, 1 build cache folder"), "\(whole.question)")
        let nothing = try ResetPlan(
            .track("t"), files: false, outline: course.outline, progress: CourseProgress(), loaded: course.loaded, buildCache: cache)
        #expect(nothing.question == "Reset track `t`: 0 lesson records, 0 XP")
        #expect(try nothing.emptyBuildCaches().isEmpty)
    }
}
