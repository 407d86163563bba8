import Foundation
import Testing

@testable import CrucibleEngine

/// The hostile-workspace corpus: every kind of thing a learner (or an accident) can put where
/// a lesson's file or folder should be. For each, a check finishes quickly with a result that
/// names the path, and `reset` with a kept copy loses nothing and writes nothing outside.
@Suite struct FaultsHostileWorkspaceCorpusTests {
    /// One hostile workspace: `make` puts something at `main.c` (or at the lesson folder) given
    /// the lesson folder and a folder outside the workspace.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// What the check's message must contain (`{file}` is main.c's path, `{folder}` the lesson
        /// folder's; empty: any failure); nil: it must pass.
        var checkSays: String?
        /// What reset must refuse with; nil: it must succeed.
        var resetRefuses: String? = nil
        /// The content the kept copy must hold as main.c, when there is one to keep.
        var keptContent: String? = nil
        var make: @Sendable (_ lessonFolder: URL, _ outside: URL) throws -> Void
        var testDescription: String { name }
    }

    static func replaceMain(_ folder: URL, _ body: (String) throws -> Void) throws {
        let path = folder.appendingPathComponent("main.c").path
        try? FileManager.default.removeItem(atPath: path)
        try body(path)
    }

    static func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    static let cases: [Case] = [
        Case(name: "deleted file is copied again", checkSays: nil) { folder, _ in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("main.c"))
        },
        Case(name: "empty file", checkSays: "") { folder, _ in
            try replaceMain(folder) { _ = FileManager.default.createFile(atPath: $0, contents: Data()) }
        },
        Case(name: "dangling link", checkSays: "{file} is missing or unreadable") { folder, _ in
            try replaceMain(folder) { try link($0, to: "nowhere.c") }
        },
        Case(name: "link loop", checkSays: "{file} is missing or unreadable") { folder, _ in
            try replaceMain(folder) { try link($0, to: "main.c") }
        },
        Case(name: "link to /dev/zero", checkSays: "{file} is not a regular file") { folder, _ in
            try replaceMain(folder) { try link($0, to: "/dev/zero") }
        },
        Case(name: "named pipe", checkSays: "{file} is not a regular file") { folder, _ in
            try replaceMain(folder) { #expect(mkfifo($0, 0o644) == 0) }
        },
        Case(
            name: "folder", checkSays: "{file} is not a regular file",
            resetRefuses: "{file} is a folder, so the starter file cannot replace it; move it away and reset again; "
                + "your files as they were are kept in {folder}.kept"
        ) { folder, _ in
            try replaceMain(folder) { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        },
        Case(name: "300 MiB sparse file", checkSays: "{file} is 300 MiB, more than the 16 MiB a lesson file may have") { folder, _ in
            try replaceMain(folder) { path in
                _ = FileManager.default.createFile(atPath: path, contents: nil)
                #expect(truncate(path, 300 << 20) == 0)
            }
        },
        Case(name: "link to the learner's file outside", checkSays: nil, keptContent: "starter mine") { folder, outside in
            try "starter mine".write(to: outside.appendingPathComponent("mine.c"), atomically: true, encoding: .utf8)
            try replaceMain(folder) { try link($0, to: outside.appendingPathComponent("mine.c").path) }
        },
        Case(name: "lesson folder is a link outside", checkSays: nil, keptContent: "starter theirs") { folder, outside in
            try "starter theirs".write(to: outside.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: folder)
            try link(folder.path, to: outside.path)
        },
        Case(
            name: "lesson folder is a file", checkSays: "{folder} should be a folder but is a file",
            resetRefuses: "cannot keep a copy of {folder}"
        ) { folder, _ in
            try FileManager.default.removeItem(at: folder)
            _ = FileManager.default.createFile(atPath: folder.path, contents: Data("not a folder".utf8))
        },
    ]

    /// Every path under `folder` (links not followed) with its content.
    static func listing(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(name).path
            result[name] =
                WorkspaceIO.entry(path) == .link
                ? "link→" + WorkspaceIO.linkTarget(path)
                : FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "<folder>"
        }
        return result
    }

    /// The check's result, or nil when it did not finish within `seconds`.
    static func check(_ lesson: Lesson, _ workspace: Workspace, within seconds: Int) async -> CheckResult? {
        await withTaskGroup(of: CheckResult?.self) { group in
            group.addTask { await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson, workspace: workspace) }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds)); return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test(arguments: cases)
    func hostileWorkspaceEntry(_ entry: Case) async throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter"], steps: [shellStep("grep -q starter main.c", name: "look")])
        defer { lesson.remove() }
        let base = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let workspace = Workspace(root: base.appendingPathComponent("workspace"), courseID: "course")
        let folder = try workspace.prepare(lesson.lesson).folder
        try entry.make(folder, outside)
        let outsideBefore = try Self.listing(outside)
        func expand(_ text: String) -> String {
            text.replacingOccurrences(of: "{file}", with: folder.appendingPathComponent("main.c").path)
                .replacingOccurrences(of: "{folder}", with: folder.path)
        }

        let result = try #require(await Self.check(lesson.lesson, workspace, within: 30), "the check hung")
        if let says = entry.checkSays {
            #expect(!result.passed)
            #expect(says.isEmpty || result.message.contains(expand(says)), "\(result.message)")
        } else {
            #expect(result.passed, "\(result.message)")
        }
        #expect(try Self.listing(outside) == outsideBefore, "the check wrote outside the workspace")

        do {
            let reset = try workspace.reset(lesson.lesson, keepingCopyAs: ".kept")
            #expect(entry.resetRefuses == nil, "reset should have refused")
            #expect(WorkspaceIO.entry(folder.path) == .folder)
            #expect(try String(contentsOf: folder.appendingPathComponent("main.c"), encoding: .utf8) == "starter")
            if let content = entry.keptContent {
                let kept = try #require(reset.kept).appendingPathComponent("main.c")
                #expect(WorkspaceIO.entry(kept.path) == .file)
                #expect(try String(contentsOf: kept, encoding: .utf8) == content)
            }
        } catch {
            let refusal = try #require(entry.resetRefuses, "reset failed: \(error)")
            #expect("\(error)".contains(expand(refusal)), "\(error)")
            if entry.name == "lesson folder is a file" {
                #expect(try Data(contentsOf: folder) == Data("not a folder".utf8), "the refused reset left the file as it was")
            }
        }
        #expect(try Self.listing(outside) == outsideBefore, "reset wrote outside the workspace")
    }
}
