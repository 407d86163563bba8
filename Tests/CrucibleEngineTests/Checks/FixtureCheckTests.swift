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
        let onMacOS = Platform.current == .macos
        for result in results where result.lessonID != "checks.missing-tool" && (onMacOS || result.lessonID != "checks.other-platform") {
            #expect(result.status == .ok, "\(result.lessonID): \(result.problems) \(result.checks)")
        }
        #expect(byID["checks.missing-tool"]?.status == .skipped)
        if !onMacOS {
            #expect(byID["checks.other-platform"]?.status == .skipped)
            #expect(
                byID["checks.other-platform"]?.checks
                    == ["this lesson runs on macOS only: it reads allocation counts from malloc zones"])
        }
        #expect(byID["checks.wrong-variant"]?.checks.contains("right/nested-ternary: passed") == true)
        #expect(byID["checks.compile-error"]?.checks.contains("solution: passed") == true)
        #expect(byID["checks.signal"]?.checks.contains("solution: passed") == true)
        #expect(byID["checks.ratio"]?.checks.contains("starter: failed (too slow)") == true)
        #expect(byID["checks.wrong-variant"]?.checks.contains("wrong/no-upper-bound: failed (wrong output)") == true)
    }

    /// A lesson whose `platforms` leave this platform out, whichever this is.
    private func elsewhereLesson(note: String? = "it counts allocations through glibc's `__libc_malloc`") throws -> Lesson {
        var lesson = try #require(fixture.lesson("checks.wrong-variant"))
        let other = try #require(Platform.allCases.first { $0 != .current })
        lesson.platformSupport = PlatformSupport(platforms: [other], note: note)
        return lesson
    }

    @Test func aCheckOfALessonForAnotherPlatformIsRefusedWithoutRunningAnything() async throws {
        let lesson = try elsewhereLesson()
        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(
            lesson: lesson, folder: lesson.folder.appendingPathComponent("solution"))
        let other = try #require(lesson.platformSupport?.platforms.first)
        #expect(result.outcome == .otherPlatform)
        #expect(result.message == "this lesson runs on \(other.displayName) only: it counts allocations through glibc's `__libc_malloc`")
        #expect(result.steps.isEmpty)
        #expect(result.stoppedBeforeRunning && !result.judgedTheWork && !result.countsAsAttempt)
        #expect(result.outcomeLabel == "not for this platform")
        #expect(result.verdict == .otherPlatform)
    }

    @Test func verifySkipsALessonForAnotherPlatformWithTheReason() async throws {
        let lesson = try elsewhereLesson(note: nil)
        let verification = await Verifier(engine: CheckEngine(cache: nil, tools: ToolProbe())).verify(lesson)
        let other = try #require(lesson.platformSupport?.platforms.first)
        #expect(verification.status == .skipped)
        #expect(verification.problems.isEmpty)
        #expect(verification.checks == ["this lesson runs on \(other.displayName) only"])
    }

    @Test(.enabled(if: hasClang)) func verifyReportsAKnownRightVariantThatFails() async throws {
        var lesson = try #require(fixture.lesson("checks.wrong-variant"))
        // The known-wrong file, listed as right: verify must call it out.
        lesson.code?.right = [CodeExercise.RightVariant(name: "../wrong/no-upper-bound", files: ["clamp.c"])]
        let verification = await Verifier(engine: CheckEngine(cache: nil, tools: ToolProbe())).verify(lesson)
        #expect(verification.status == .problem)
        #expect(verification.checks.contains("right/../wrong/no-upper-bound: failed (wrong output)"), "\(verification.checks)")
        #expect(
            verification.problems.contains { $0.hasPrefix("the known-right variant `../wrong/no-upper-bound` does not pass: ") },
            "\(verification.problems)")
    }
}
