import Foundation
import Testing

@testable import CrucibleEngine

/// A code lesson built in a temporary folder, with starter, solution and hidden files.
struct TemporaryLesson {
    let folder: URL
    let lesson: Lesson

    init(
        id: String = "test.lesson", starter: [String: String], hidden: [String: String] = [:],
        requires: [ToolRequirement] = [], steps: [CheckStep]
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-lesson-\(UUID().uuidString)")
        for (sub, files) in [("starter", starter), ("solution", starter), ("check", hidden)] {
            for (name, text) in files {
                let file = folder.appendingPathComponent(sub).appendingPathComponent(name)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
        }
        let code = CodeExercise(
            language: "sh", starter: starter.keys.sorted(), solution: starter.keys.sorted(),
            hidden: hidden.keys.sorted(), steps: steps)
        lesson = Lesson(
            id: id, title: "Test", kind: .code, requires: requires, folder: folder,
            file: folder.appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1, code: code)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Checks `files` (name → text) with an engine that does not cache.
    func check(_ files: [String: String], engine: CheckEngine = CheckEngine(cache: nil, tools: ToolProbe())) async -> CheckResult {
        await engine.check(lesson: lesson, files: files.mapValues { Data($0.utf8) })
    }
}

/// A step running `script` with sh.
func shellStep(_ script: String, name: String = "run", timeout: Double = 10, expect: StepExpectation = .init()) -> CheckStep {
    CheckStep(name: name, run: ["sh", "-c", script], timeout: timeout, expect: expect)
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
