import Foundation
import Testing

@testable import CrucibleEngine

private let fixture = Fixtures.load("checks-course")
private let hasClang = TestTools.has("clang")
private let hasSwiftc = TestTools.has("swiftc")

/// The whole pipeline on the checks fixture course: real compilers and sanitizers, each finding
/// pointing at the learner's file and line. One at a time: a two-core machine runs them.
@Suite(.serialized) struct FixtureCheckTests {
    /// Checks the lesson's starter, as a learner who has not changed it yet would.
    private func checkStarter(_ id: String) async throws -> CheckResult {
        let lesson = try #require(fixture.lesson(id), "\(fixture.errors)")
        return await CheckEngine(cache: nil, tools: ToolProbe()).check(
            lesson: lesson, folder: lesson.folder.appendingPathComponent("starter"))
    }

    @Test(
        .enabled(if: hasSwiftc),
        arguments: [
            ("checks.race-swift", "dataRace", "counter.swift", 11)
        ])
    func swiftThreadSanitizer(id: String, kind: String, file: String, line: Int) async throws {
        try await expectFinding(id: id, kind: kind, file: file, line: line)
    }

    @Test(
        .enabled(if: hasClang),
        arguments: [
            ("checks.race-c", "dataRace", "counter.c", 7),
            ("checks.use-after-free-c", "heapUseAfterFree", "names.c", 8),
            ("checks.leak-c", "memoryLeak", "greeting.c", 6),
        ])
    func clangSanitizers(id: String, kind: String, file: String, line: Int) async throws {
        try await expectFinding(id: id, kind: kind, file: file, line: line)
    }

    private func expectFinding(id: String, kind: String, file: String, line: Int) async throws {
        let result = try await checkStarter(id)
        #expect(result.outcome == .failed, "\(result.message)")
        #expect(result.reason == .sanitizerFinding)
        let finding = try #require(result.finding)
        #expect(finding.kind == kind)
        #expect(finding.file == file)
        #expect(finding.line == line)
        #expect(finding.report.count > finding.summary.count)
    }

    @Test(.enabled(if: hasClang)) func compileErrorsAreSummarisedWithFileAndLine() async throws {
        let lesson = try #require(fixture.lesson("checks.wrong-variant"))
        let files = ["clamp.c": Data("int clamp(int value, int low, int high) {\n    return value\n}\n".utf8)]
        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson, files: files)
        #expect(result.outcome == .failed)
        #expect(result.reason == .compileError)
        #expect(result.compilerError?.file == "clamp.c")
        #expect(result.compilerError?.line == 2)
    }

    @Test(.enabled(if: hasClang && hasSwiftc)) func verifyPassesOnTheFixtureCourse() async throws {
        #expect(fixture.errors.isEmpty, "\(fixture.errors)")
        let results = await Verifier(engine: CheckEngine(cache: nil, tools: ToolProbe())).verify(fixture.lessons, jobs: 2)
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.lessonID, $0) })
        for result in results where result.lessonID != "checks.missing-tool" {
            #expect(result.status == .ok, "\(result.lessonID): \(result.problems) \(result.checks)")
        }
        #expect(byID["checks.missing-tool"]?.status == .skipped)
        #expect(byID["checks.compile-error"]?.checks.contains("solution: passed") == true)
        #expect(byID["checks.signal"]?.checks.contains("solution: passed") == true)
        #expect(byID["checks.ratio"]?.checks.contains("starter: failed (too slow)") == true)
        #expect(byID["checks.wrong-variant"]?.checks.contains("wrong/no-upper-bound: failed (wrong output)") == true)
    }
}
