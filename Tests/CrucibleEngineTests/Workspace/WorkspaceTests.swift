import Foundation
import Testing

@testable import CrucibleEngine

/// The learner's workspace: copied once, never overwritten, changed starters reported.
@Suite struct WorkspaceTests {
    @Test func firstOpenCopiesTheStarterAndLaterOpensKeepTheLearnersEdits() throws {
        let lesson = try TemporaryLesson(
            starter: ["main.c": "starter", "lib/util.h": "header"], hidden: ["harness.c": "secret"],
            steps: [shellStep("true")])
        defer { lesson.remove() }
        let workspace = Workspace(root: try temporaryFolder(), courseID: "course")
        defer { try? FileManager.default.removeItem(at: workspace.root) }

        let first = try workspace.prepare(lesson.lesson)
        #expect(first.folder == workspace.root.appendingPathComponent("course/test.lesson", isDirectory: true))
        #expect(first.copied.sorted() == ["lib/util.h", "main.c"])
        #expect(!FileManager.default.fileExists(atPath: first.folder.appendingPathComponent("harness.c").path))

        try "edited".write(to: first.folder.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
        let second = try workspace.prepare(lesson.lesson)
        #expect(second.copied.isEmpty && second.starterChanged.isEmpty)
        #expect(try String(contentsOf: first.folder.appendingPathComponent("main.c"), encoding: .utf8) == "edited")
    }

    @Test func aChangedStarterIsReportedAndTheLearnersCopyStays() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "version 1"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let workspace = Workspace(root: try temporaryFolder(), courseID: "course")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let folder = try workspace.prepare(lesson.lesson).folder
        try "my work".write(to: folder.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)

        try "version 2".write(to: lesson.folder.appendingPathComponent("starter/main.c"), atomically: true, encoding: .utf8)
        let reopened = try workspace.prepare(lesson.lesson)
        #expect(reopened.starterChanged == ["main.c"])
        #expect(try String(contentsOf: folder.appendingPathComponent("main.c"), encoding: .utf8) == "my work")

        try workspace.reset(lesson.lesson)
        #expect(try String(contentsOf: folder.appendingPathComponent("main.c"), encoding: .utf8) == "version 2")
        #expect(try workspace.prepare(lesson.lesson).starterChanged.isEmpty)
    }

    @Test func aDeletedFileIsCopiedAgain() throws {
        let lesson = try TemporaryLesson(starter: ["main.c": "starter"], steps: [shellStep("true")])
        defer { lesson.remove() }
        let workspace = Workspace(root: try temporaryFolder(), courseID: "course")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let folder = try workspace.prepare(lesson.lesson).folder
        try FileManager.default.removeItem(at: folder.appendingPathComponent("main.c"))
        #expect(try workspace.prepare(lesson.lesson).copied == ["main.c"])
    }

    @Test func theRootComesFromTheOptionTheEnvironmentOrXDG() {
        #expect(Workspace.defaultRoot(option: "/w", environment: ["CRUCIBLE_WORKSPACE": "/e"]).path == "/w")
        #expect(Workspace.defaultRoot(environment: ["CRUCIBLE_WORKSPACE": "/e", "XDG_DATA_HOME": "/x"]).path == "/e")
        #expect(Workspace.defaultRoot(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/x/crucible/workspace")
        #expect(
            Workspace.defaultRoot(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).path
                == "/h/.local/share/crucible/workspace")
    }
}
