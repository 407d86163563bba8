import CrucibleTestSupport
import Foundation
import Testing

/// The learner's files through the real binary (issue 12): a linked workspace folder survives
/// `reset --files`, concurrent first checks do not collide, a huge file is refused cheaply.
@Suite struct WorkspaceFilesCommandTests {
    let fileManager = FileManager.default

    /// A course with one code lesson whose check passes when `main.sh` still says "starter".
    static func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        try write("course.yml", "id: files\ntitle: Files Course\nwelcome: Welcome.\n")
        try write("01-t/track.yml", "id: t\ntitle: Track\nsummary: One lesson.\n")
        try write(
            "01-t/01-edit/lesson.md",
            """
            ---
            id: t.edit
            title: Edit a file
            kind: code
            code:
              language: sh
              starter: [main.sh, lib/util.sh]
              solution: [main.sh, lib/util.sh]
              steps:
                - name: look
                  run: [sh, -c, "grep -q starter main.sh"]
            ---
            BODY

            """)
        for folder in ["starter", "solution"] {
            try write("01-t/01-edit/\(folder)/main.sh", "echo starter\n")
            try write("01-t/01-edit/\(folder)/lib/util.sh", "util\n")
        }
        return root
    }

    func environment(_ folder: URL, workspace: URL) -> [String: String] {
        [
            "CRUCIBLE_WORKSPACE": workspace.path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
    }

    /// Every path under `folder` (links not followed) with its content.
    func listing(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try fileManager.subpathsOfDirectory(atPath: folder.path) {
            result[name] =
                fileManager.contents(atPath: folder.appendingPathComponent(name).path)
                .map { String(decoding: $0, as: UTF8.self) } ?? "<folder>"
        }
        return result
    }

    @Test func resetFilesOfALinkedLessonFolderKeepsARealCopyAndChangesNothingOutside() throws {
        let course = try Self.writeCourse()
        defer { try? fileManager.removeItem(at: course) }
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? fileManager.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("workspace")
        let mine = folder.appendingPathComponent("my-project")
        try CrucibleRunner.write("main.sh", "echo my own work\n", in: mine)
        try CrucibleRunner.write("lib/util.sh", "my util\n", in: mine)
        let lessonFolder = workspace.appendingPathComponent("files/t.edit")
        try fileManager.createDirectory(at: lessonFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: lessonFolder, withDestinationURL: mine)
        let before = try listing(mine)

        let result = try CrucibleRunner.run(
            ["reset", "t.edit", "--files", "--yes", "--lessons", course.path],
            environment: environment(folder, workspace: workspace))

        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try listing(mine) == before, "the learner's own folder outside the workspace is unchanged")
        let keptLine = try #require(
            result.stdout.split(separator: "\n").first { $0.hasPrefix("Kept your files of `t.edit` (2 files) in ") },
            "\(result.stdout)")
        let kept = URL(fileURLWithPath: String(keptLine.dropFirst("Kept your files of `t.edit` (2 files) in ".count)))
        #expect(try fileManager.destinationOfSymbolicLinkIfAny(kept) == nil, "the kept copy is real, not another link")
        #expect(try listing(kept) == before, "the kept copy holds the content")
        #expect(
            result.stdout.contains(
                "\(lessonFolder.path) was a link to \(mine.path); it is now a real folder, and \(mine.path) was not changed"))
        #expect(try String(contentsOf: lessonFolder.appendingPathComponent("main.sh"), encoding: .utf8) == "echo starter\n")
        #expect(try fileManager.contentsOfDirectory(atPath: workspace.appendingPathComponent("files").path).count == 2)
    }

    @Test func concurrentFirstChecksOfTheSameLessonBothSucceed() throws {
        let course = try Self.writeCourse()
        defer { try? fileManager.removeItem(at: course) }
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? fileManager.removeItem(at: folder) }
        let failures = Failures()
        for round in 0..<20 {
            let workspace = folder.appendingPathComponent("workspace-\(round)")
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let env = environment(folder, workspace: workspace).merging(
                    ["CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress-\(round)-\(index).json").path]) { _, new in new }
                do {
                    let result = try CrucibleRunner.run(["check", "t.edit", "--lessons", course.path], environment: env)
                    if result.status != 0 { failures.add("round \(round): \(result.stdout)\(result.stderr)") }
                } catch {
                    failures.add("round \(round): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.joined(separator: "\n"))")
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ failure: String) { lock.withLock { list.append(failure) } }
        var all: [String] { lock.withLock { list } }
    }

    /// 300 MiB of learner file, with the process's data memory capped at 200 MiB: reading it
    /// whole would fail, refusing it by its size does not.
    @Test func aHugeLearnerFileIsRefusedByItsSizeWithinBoundedMemory() throws {
        let course = try Self.writeCourse()
        defer { try? fileManager.removeItem(at: course) }
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? fileManager.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("workspace")
        let first = try CrucibleRunner.run(
            ["check", "t.edit", "--lessons", course.path], environment: environment(folder, workspace: workspace))
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let huge = workspace.appendingPathComponent("files/t.edit/main.sh")
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()

        let clock = ContinuousClock(), start = clock.now
        let result = try CrucibleRunner.run(
            [
                "-c", "ulimit -d 204800 && exec \"$0\" \"$@\"", CrucibleRunner.binary.path,
                "check", "t.edit", "--lessons", course.path,
            ],
            executable: URL(fileURLWithPath: "/bin/sh"), environment: environment(folder, workspace: workspace))
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(huge.path) is 300 MiB, more than the 16 MiB a lesson file may have"), "\(result.stdout)")
        #expect(clock.now - start < .seconds(30))
    }
}

extension FileManager {
    /// Where `url` links to, or nil when it is not a link.
    func destinationOfSymbolicLinkIfAny(_ url: URL) throws -> String? {
        let type = try attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
        return type == .typeSymbolicLink ? try destinationOfSymbolicLink(atPath: url.path) : nil
    }
}
