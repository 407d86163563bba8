import Foundation
import Testing

@testable import CrucibleEngine

/// `{cache}`: a folder per course and lesson that survives between checks, and emptying it.
@Suite struct BuildCacheTests {
    @Test func cacheExpandsToTheLessonsFolderWhichSurvivesBetweenChecks() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(root: root, courseID: "course")
        let engine = CheckEngine(cache: nil, tools: ToolProbe(), buildCache: cache)
        // Counts its runs in the cache folder: the second check must see the first one's file. It
        // names `cc`, so it runs as a build tool, as the runner (as root, a learner program runs
        // under a fresh uid, which cannot write there).
        let step = CheckStep(
            name: "count",
            run: [
                "sh", "-c",
                "command -v cc >/dev/null; mkdir -p \"$BUILD\"; echo x >> \"$BUILD/runs\"; echo \"{cache}\"; wc -l < \"$BUILD/runs\"",
            ],
            env: ["BUILD": "{cache}/tool"])
        let lesson = try TemporaryLesson(id: "t.cached", starter: ["x": ""], steps: [step])
        defer { lesson.remove() }

        let first = await lesson.check(["x": ""], engine: engine)
        let second = await lesson.check(["x": "changed"], engine: engine)
        #expect(first.passed && second.passed)
        let folder = root.appendingPathComponent("build-cache/course/t.cached")
        let lines = { (result: CheckResult) in result.steps.first?.stdout.split(separator: "\n").map(String.init) ?? [] }
        #expect(lines(first).first == folder.path)
        #expect(lines(first).last?.trimmingCharacters(in: .whitespaces) == "1")
        #expect(lines(second).last?.trimmingCharacters(in: .whitespaces) == "2")
        #expect(cache.lessonIDs() == ["t.cached"])
    }

    @Test func checksOfOneLessonAtOnceShareTheFolderTheyRaceToCreate() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = CheckEngine(cache: nil, tools: ToolProbe(), buildCache: BuildCache(root: root, courseID: "course"))
        let lesson = try TemporaryLesson(
            id: "t.shared", starter: ["x": ""], steps: [shellStep("command -v cc >/dev/null; touch \"{cache}/$$\"")])
        defer { lesson.remove() }
        let results = await withTaskGroup(of: CheckResult.self) { group in
            for n in 0..<8 { group.addTask { await lesson.check(["x": "\(n)"], engine: engine) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { !$0.passed }.isEmpty, "\(results.map(\.message))")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("build-cache/course/t.shared").path)
        #expect(files.count == 8)
    }

    @Test func aCheckWithoutCacheCreatesNoFolder() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(root: root, courseID: "course")
        let lesson = try TemporaryLesson(id: "t.plain", starter: ["x": ""], steps: [shellStep("true")])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""], engine: CheckEngine(cache: nil, tools: ToolProbe(), buildCache: cache))
        #expect(result.passed)
        #expect(cache.lessonIDs().isEmpty)
    }

    @Test func anUncreatableFolderIsAnEngineErrorNamingIt() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A file where the course's folder should be.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("build-cache"), withIntermediateDirectories: true)
        try "".write(to: root.appendingPathComponent("build-cache/course"), atomically: true, encoding: .utf8)
        let lesson = try TemporaryLesson(id: "t.blocked", starter: ["x": ""], steps: [shellStep("echo {cache}")])
        defer { lesson.remove() }
        let result = await lesson.check(
            ["x": ""], engine: CheckEngine(cache: nil, tools: ToolProbe(), buildCache: BuildCache(root: root, courseID: "course")))
        #expect(result.outcome == .engineError)
        #expect(result.message.contains("cannot create the build cache folder \(root.path)/build-cache/course/t.blocked"))
    }

    @Test func emptyingRemovesTheNamedLessonsAndCountsTheirBytes() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = BuildCache(root: root, courseID: "c")
        for (id, bytes) in [("a", 1500), ("b", 10)] {
            let folder = try cache.prepare(lessonID: id).appendingPathComponent("sub")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(count: bytes).write(to: folder.appendingPathComponent("f"))
            // Go marks its module cache read-only; emptying must still work.
            #expect(chmod(folder.path, 0o555) == 0)
        }
        let removed = try cache.empty(lessonIDs: ["a", "missing"])
        #expect(removed.map(\.lessonID) == ["a"])
        #expect(removed.first?.bytes == 1500)
        #expect(cache.lessonIDs() == ["b"])
        #expect(try cache.empty().map(\.bytes) == [10])
        #expect(cache.lessonIDs().isEmpty)
    }

    @Test func theRootFollowsXDGCacheHome() {
        #expect(BuildCache.defaultRoot(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]).path == "/x/cache/crucible")
        #expect(BuildCache.defaultRoot(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).path == "/h/.cache/crucible")
        #expect(CheckCache.defaultFolder(environment: ["HOME": "/h"]).path == "/h/.cache/crucible/checks")
        #expect(BuildCache(root: URL(fileURLWithPath: "/r"), courseID: "c").folder(for: "l").path == "/r/build-cache/c/l")
    }

    @Test func sizesReadAsPeopleWriteThem() {
        #expect(BuildCache.sizeText(0) == "0 bytes")
        #expect(BuildCache.sizeText(1) == "1 byte")
        #expect(BuildCache.sizeText(1500) == "2 KB")
        #expect(BuildCache.sizeText(41_300_000) == "41.3 MB")
        #expect(BuildCache.sizeText(1_240_000_000) == "1.2 GB")
    }
}
