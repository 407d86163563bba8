import CrucibleTestSupport
import Foundation
import Testing

/// `crucible cache clean` and `crucible reset` emptying the build cache that `{cache}` names.
@Suite struct CacheCommandTests {
    /// A private workspace, cache and progress file, so tests never touch the user's.
    private func environment(_ folder: URL) -> [String: String] {
        [
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
    }

    /// Fills the bundled course's build cache folder of `id` with a 3000-byte file.
    private func fill(_ id: String, in folder: URL) throws -> URL {
        let lesson = folder.appendingPathComponent("cache/crucible/build-cache/crucible/\(id)")
        try FileManager.default.createDirectory(at: lesson.appendingPathComponent("go-build"), withIntermediateDirectories: true)
        try Data(count: 3000).write(to: lesson.appendingPathComponent("go-build/object"))
        return lesson
    }

    @Test func cacheCleanRemovesTheNamedLessonsFolderAndSaysHowMuch() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = try fill("concurrency.go-pipeline", in: folder)
        let channels = try fill("concurrency.channels", in: folder)

        let one = try CrucibleRunner.run(["cache", "clean", "concurrency.go-pipeline"], environment: environment(folder))
        #expect(one.status == 0, "\(one.stdout)\(one.stderr)")
        #expect(one.stdout.contains("Removed the build cache of `concurrency.go-pipeline`: 3 KB (\(pipeline.path))"), "\(one.stdout)")
        #expect(!FileManager.default.fileExists(atPath: pipeline.path))
        #expect(FileManager.default.fileExists(atPath: channels.path))

        let unknown = try CrucibleRunner.run(["cache", "clean", "concurrency.go-pipelin"], environment: environment(folder))
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no lesson has the id `concurrency.go-pipelin`"), "\(unknown.stderr)")

        let all = try CrucibleRunner.run(["cache", "clean"], environment: environment(folder))
        #expect(all.status == 0, "\(all.stdout)\(all.stderr)")
        #expect(all.stdout.contains("Freed 3 KB in 1 folder under"), "\(all.stdout)")
        #expect(!FileManager.default.fileExists(atPath: channels.path))
    }

    @Test func resetEmptiesTheLessonsBuildCache() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = try fill("concurrency.go-pipeline", in: folder)
        let result = try CrucibleRunner.run(["reset", "concurrency.go-pipeline", "--yes"], environment: environment(folder))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains("Emptied the build cache of `concurrency.go-pipeline` (3 KB) in \(pipeline.path)"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: pipeline.path))
    }

    @Test func helpShowsExamples() throws {
        let help = try CrucibleRunner.run(["cache", "clean", "--help"], environment: [:])
        #expect(help.status == 0)
        #expect(help.stdout.contains("crucible cache clean concurrency.go-pipeline"), "\(help.stdout)")
    }
}
