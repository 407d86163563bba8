import Foundation
import Testing

@testable import CrucibleEngine

/// Hostile workspaces and starters (issue 12): links out of the workspace, linked starters,
/// concurrent first copies, huge and non-regular learner files. Nothing the learner made is
/// lost and nothing outside the workspace is written.
@Suite struct WorkspaceHostileTests {
    let fileManager = FileManager.default

    /// Every path under `folder` (not following links) with its content, to prove it unchanged.
    func snapshot(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let names = try fileManager.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            let path = folder.appendingPathComponent(name).path
            result[name] =
                WorkspaceIO.entry(path) == .link
                ? "link→" + WorkspaceIO.linkTarget(path)
                : (fileManager.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "<folder>")
        }
        return result
    }

    func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test func resetOfALinkedLessonFolderKeepsARealCopyAndWritesNothingOutside() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter", "lib/util.h": "header"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let base = try temporaryFolder()
        defer { try? fileManager.removeItem(at: base) }
        let workspace = Workspace(root: base.appendingPathComponent("workspace"), courseID: "course")
        let outside = base.appendingPathComponent("my-project")
        try fileManager.createDirectory(at: outside.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try "my work".write(to: outside.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
        try "my header".write(to: outside.appendingPathComponent("lib/util.h"), atomically: true, encoding: .utf8)
        try "notes".write(to: outside.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let folder = workspace.folder(for: lesson.lesson.id)
        try fileManager.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: folder, withDestinationURL: outside)
        let before = try snapshot(outside)

        let reset = try workspace.reset(lesson.lesson, keepingCopyAs: ".before-reset-T")

        #expect(try snapshot(outside) == before, "nothing outside the workspace changed")
        #expect(reset.replacedLink == outside.path)
        let kept = try #require(reset.kept)
        #expect(WorkspaceIO.entry(kept.path) == .folder, "the kept copy is a real folder, not another link")
        #expect(read(kept.appendingPathComponent("main.c")) == "my work")
        #expect(read(kept.appendingPathComponent("lib/util.h")) == "my header")
        #expect(read(kept.appendingPathComponent("notes.txt")) == "notes")
        #expect(reset.keptFiles == 3)
        #expect(WorkspaceIO.entry(folder.path) == .folder)
        #expect(read(folder.appendingPathComponent("main.c")) == "starter")
        #expect(try workspace.prepare(lesson.lesson).copied.isEmpty)
    }

    @Test func linkedFilesInTheLessonFolderAreReplacedNotWrittenThrough() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter", "lib/util.h": "header"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let base = try temporaryFolder()
        defer { try? fileManager.removeItem(at: base) }
        let workspace = Workspace(root: base.appendingPathComponent("workspace"), courseID: "course")
        let folder = try workspace.prepare(lesson.lesson).folder
        let outside = base.appendingPathComponent("outside")
        try fileManager.createDirectory(at: outside, withIntermediateDirectories: true)
        try "secret".write(to: outside.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
        try "other".write(to: outside.appendingPathComponent("util.h"), atomically: true, encoding: .utf8)
        try fileManager.removeItem(at: folder.appendingPathComponent("main.c"))
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent("main.c"), withDestinationURL: outside.appendingPathComponent("main.c"))
        try fileManager.removeItem(at: folder.appendingPathComponent("lib"))
        try fileManager.createSymbolicLink(at: folder.appendingPathComponent("lib"), withDestinationURL: outside)
        // A link planted where the manifest is written must be replaced, not followed.
        try fileManager.removeItem(at: folder.appendingPathComponent(Workspace.manifestName))
        try fileManager.createSymbolicLink(
            at: folder.appendingPathComponent(Workspace.manifestName),
            withDestinationURL: outside.appendingPathComponent("marker"))
        let before = try snapshot(outside)

        let reset = try workspace.reset(lesson.lesson, keepingCopyAs: ".kept")

        #expect(try snapshot(outside) == before, "nothing outside the workspace changed")
        #expect(read(try #require(reset.kept).appendingPathComponent("main.c")) == "secret")
        #expect(WorkspaceIO.entry(try #require(reset.kept).appendingPathComponent("main.c").path) == .file)
        #expect(WorkspaceIO.entry(folder.appendingPathComponent("main.c").path) == .file)
        #expect(read(folder.appendingPathComponent("main.c")) == "starter")
        #expect(read(folder.appendingPathComponent("lib/util.h")) == "header")
        #expect(WorkspaceIO.entry(folder.appendingPathComponent(Workspace.manifestName).path) == .file)
    }

    @Test func aLinkedCourseFolderIsRefusedWithItsPathAndNothingIsWritten() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let base = try temporaryFolder()
        defer { try? fileManager.removeItem(at: base) }
        let root = base.appendingPathComponent("workspace")
        let outside = base.appendingPathComponent("elsewhere")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: outside, withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: root.appendingPathComponent("course"), withDestinationURL: outside)
        let workspace = Workspace(root: root, courseID: "course")

        for attempt in [{ _ = try workspace.prepare(lesson.lesson) }, { _ = try workspace.reset(lesson.lesson, keepingCopyAs: ".k") }] {
            let error = #expect(throws: (any Error).self) { try attempt() }
            #expect(
                "\(error.map { "\($0)" } ?? "")".contains("\(root.path)/course is a link to \(outside.path)"),
                "\(String(describing: error))")
        }
        #expect(try fileManager.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aLinkedLessonFolderIsReadThroughButAMissingFileIsNotWrittenThere() async throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter", "b.c": "b"], steps: [shellStep("grep -q mine main.c")])
        defer { lesson.remove() }
        let base = try temporaryFolder()
        defer { try? fileManager.removeItem(at: base) }
        let workspace = Workspace(root: base.appendingPathComponent("workspace"), courseID: "course")
        let outside = base.appendingPathComponent("mine")
        try fileManager.createDirectory(at: outside, withIntermediateDirectories: true)
        try "mine".write(to: outside.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
        let folder = workspace.folder(for: lesson.lesson.id)
        try fileManager.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: folder, withDestinationURL: outside)

        let error = #expect(throws: WorkspaceIO.LinkOut.self) { try workspace.prepare(lesson.lesson) }
        #expect(error?.description.contains("the starter file `b.c` is missing there") == true)
        #expect(try fileManager.contentsOfDirectory(atPath: outside.path) == ["main.c"])

        try "b".write(to: outside.appendingPathComponent("b.c"), atomically: true, encoding: .utf8)
        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, workspace: workspace)
        #expect(result.passed, "\(result.message)")
        #expect(try fileManager.contentsOfDirectory(atPath: outside.path).sorted() == ["b.c", "main.c"])
    }

    @Test func aStarterThatIsALinkInsideTheLessonIsCopiedAsARegularFile() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "unused"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let starter = lesson.folder.appendingPathComponent("starter/main.c")
        try fileManager.removeItem(at: starter)
        try "shared starter".write(to: lesson.folder.appendingPathComponent("shared.c"), atomically: true, encoding: .utf8)
        try fileManager.createSymbolicLink(atPath: starter.path, withDestinationPath: "../shared.c")
        let workspace = Workspace(root: try temporaryFolder(), courseID: "course")
        defer { try? fileManager.removeItem(at: workspace.root) }

        let folder = try workspace.prepare(lesson.lesson).folder
        let copied = folder.appendingPathComponent("main.c")
        #expect(WorkspaceIO.entry(copied.path) == .file)
        #expect(read(copied) == "shared starter")
        // Later checks and resets work on it (they used to fail with "already exists").
        try "edited".write(to: copied, atomically: true, encoding: .utf8)
        #expect(try workspace.prepare(lesson.lesson).copied.isEmpty)
        try workspace.reset(lesson.lesson, keepingCopyAs: ".k")
        #expect(read(copied) == "shared starter")
        #expect(read(lesson.folder.appendingPathComponent("shared.c")) == "shared starter")
    }

    @Test func aStarterLinkToOutsideTheLessonIsRefused() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "unused"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let secret = try temporaryFolder()
        defer { try? fileManager.removeItem(at: secret) }
        try "SECRET".write(to: secret.appendingPathComponent("id_rsa"), atomically: true, encoding: .utf8)
        let starter = lesson.folder.appendingPathComponent("starter/main.c")
        try fileManager.removeItem(at: starter)
        try fileManager.createSymbolicLink(at: starter, withDestinationURL: secret.appendingPathComponent("id_rsa"))
        let workspace = Workspace(root: try temporaryFolder(), courseID: "course")
        defer { try? fileManager.removeItem(at: workspace.root) }

        let error = #expect(throws: WorkspaceError.self) { try workspace.prepare(lesson.lesson) }
        #expect(
            error?.message.contains("the starter file `main.c` of `test.lesson` is a link to outside the lesson folder") == true,
            "\(String(describing: error))")
        #expect(!fileManager.fileExists(atPath: workspace.folder(for: "test.lesson").appendingPathComponent("main.c").path))
        #expect(throws: WorkspaceError.self) { try workspace.reset(lesson.lesson) }
    }

    @Test func concurrentFirstOpensNeverCollide() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter", "lib/a.h": "a", "lib/b.h": "b"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let base = try temporaryFolder()
        defer { try? fileManager.removeItem(at: base) }
        let failures = Failures()
        // 8 at once over 50 fresh workspaces: the old exists-then-copy failed in most such runs.
        for round in 0..<50 {
            let workspace = Workspace(root: base.appendingPathComponent("w\(round)"), courseID: "course")
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try workspace.prepare(lesson.lesson) } catch { failures.add("round \(round): \(error)") }
            }
            let folder = workspace.folder(for: lesson.lesson.id)
            #expect(read(folder.appendingPathComponent("main.c")) == "starter")
            #expect(StarterManifest.read(in: folder).files.count == 3, "round \(round): every copy is recorded")
            let leftovers = try fileManager.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".crucible-tmp-") }
            #expect(leftovers.isEmpty)
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ failure: String) { lock.withLock { list.append(failure) } }
        var all: [String] { lock.withLock { list } }
    }

    @Test func aHugeLearnerFileIsRefusedQuicklyWithoutBeingRead() async throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let folder = try temporaryFolder()
        defer { try? fileManager.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("main.c")
        #expect(fileManager.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 300 << 20)  // sparse: 300 MiB of zeros
        try handle.close()

        let clock = ContinuousClock(), start = clock.now
        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, folder: folder)
        let elapsed = clock.now - start

        #expect(result.outcome == .engineError)
        #expect(
            result.message == "\(huge.path) is 300 MiB, more than the 16 MiB a lesson file may have, so it was not read; make it smaller")
        #expect(elapsed < .seconds(5), "refused by its size, not after reading it")
    }

    @Test func aPipeOrFolderInPlaceOfALearnerFileIsRefusedNotWaitedOn() async throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let folder = try temporaryFolder()
        defer { try? fileManager.removeItem(at: folder) }
        let file = folder.appendingPathComponent("main.c")
        #expect(mkfifo(file.path, 0o644) == 0)
        let pipe = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, folder: folder)
        #expect(pipe.outcome == .engineError)
        #expect(pipe.message == "\(file.path) is not a regular file (a folder, device or pipe), so it cannot be read")

        try fileManager.removeItem(at: file)
        try fileManager.createDirectory(at: file, withIntermediateDirectories: false)
        let directory = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, folder: folder)
        #expect(directory.message == pipe.message)
    }

    @Test func aFileOfExactlyTheLimitIsReadAndOneByteMoreIsNot() throws {
        let folder = try temporaryFolder()
        defer { try? fileManager.removeItem(at: folder) }
        let file = folder.appendingPathComponent("main.c")
        try Data("0123456789".utf8).write(to: file)
        #expect(try WorkspaceIO.read(file.path, limit: 10) == Data("0123456789".utf8))
        let error = #expect(throws: WorkspaceIO.TooLarge.self) { try WorkspaceIO.read(file.path, limit: 9) }
        #expect(
            error?.description
                == "\(file.path) is 10 bytes, more than the 9 bytes a lesson file may have, so it was not read; make it smaller")
    }
}
