import Foundation
import Testing

@testable import CrucibleEngine

/// The step keys for courses written by others: `exit: any`, a step's own `requires`, `optional`
/// steps, and `starterPasses` in `crucible verify`; and how lint reports them.
@Suite struct StepOptionsTests {
    /// A tool name no machine has.
    static let missingTool = "crucible-no-such-tool"

    // MARK: - exit: any

    @Test func exitAnyAcceptsEveryExitStatus() async throws {
        for status in [0, 1, 3, 255] {
            let lesson = try TemporaryLesson(
                starter: ["x.txt": ""],
                steps: [shellStep("echo hello; exit \(status)", expect: StepExpectation(exit: .any, stdout: .init(contains: ["hello"])))])
            defer { lesson.remove() }
            let result = await lesson.check(["x.txt": ""])
            #expect(result.passed, "exit \(status): \(result.message)")
        }
    }

    @Test func exitAnyStillChecksTheOutputAndStillCountsASignalAsACrash() async throws {
        let lesson = try TemporaryLesson(
            starter: ["x.txt": ""],
            steps: [shellStep("echo bye; exit 4", expect: StepExpectation(exit: .any, stdout: .init(contains: ["hello"])))])
        defer { lesson.remove() }
        let wrong = await lesson.check(["x.txt": ""])
        #expect(wrong.outcome == .failed && wrong.reason == .wrongOutput, "\(wrong.message)")

        let killed = try TemporaryLesson(starter: ["x.txt": ""], steps: [shellStep("kill -SEGV $$", expect: StepExpectation(exit: .any))])
        defer { killed.remove() }
        let crash = await killed.check(["x.txt": ""])
        #expect(crash.outcome == .crashed && crash.signal == "SIGSEGV", "\(crash.message)")
    }

    // MARK: - A step's requires and optional steps

    @Test func aRequiredStepsRequiresAreTheLessonsNeedsAndAnOptionalStepsAreNot() throws {
        let lesson = try TemporaryLesson(
            starter: ["x.txt": ""], requires: ["sh"],
            steps: [
                CheckStep(name: "lint", run: ["clippy-driver", "x.txt"], requires: ["cargo"], optional: true),
                CheckStep(name: "test", run: ["sh", "-c", "true"], requires: ["python3", .init(name: Self.missingTool)]),
            ])
        defer { lesson.remove() }
        // The one path doctor, the map marks and the check's refusal all use.
        #expect(CheckEngine.checkTools(of: lesson.lesson) == ["sh", "python3", Self.missingTool])
    }

    @Test func aRequiredStepWhoseToolIsMissingStopsTheCheckBeforeAnythingRuns() async throws {
        let marker = try temporaryFolder().appendingPathComponent("ran")
        defer { try? FileManager.default.removeItem(at: marker.deletingLastPathComponent()) }
        let lesson = try TemporaryLesson(
            starter: ["x.txt": ""],
            steps: [
                shellStep("touch '\(marker.path)'", name: "first"),
                CheckStep(name: "second", run: ["sh", "-c", "true"], requires: [.init(name: Self.missingTool)]),
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.outcome == .toolMissing, "\(result.message)")
        #expect(result.missingTools.map(\.name) == [Self.missingTool])
        #expect(result.message.contains("`\(Self.missingTool)`"), "\(result.message)")
        #expect(result.steps.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "a step ran although a needed tool is missing")
    }

    @Test(arguments: [
        // Its program is missing.
        CheckStep(name: "lint", run: [StepOptionsTests.missingTool, "x.txt"], expect: StepExpectation(exit: .code(0)), optional: true),
        // A tool in its own `requires` is missing.
        CheckStep(name: "lint", run: ["sh", "-c", "exit 1"], requires: [.init(name: StepOptionsTests.missingTool)], optional: true),
    ])
    func anOptionalStepWhoseToolIsMissingIsSkippedWithANote(step: CheckStep) async throws {
        let lesson = try TemporaryLesson(
            starter: ["x.txt": ""],
            steps: [step, shellStep("echo tested", name: "test", expect: StepExpectation(stdout: .init(contains: ["tested"])))])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.passed, "\(result.message)")
        #expect(result.notes == ["optional step `lint` skipped: `\(Self.missingTool)` is not installed"])
        #expect(result.steps.map(\.name) == ["lint", "test"], "the check goes on after the skipped step")
        #expect(result.steps.first?.skipped == "`\(Self.missingTool)` is not installed")
        #expect(result.steps.first?.termination == "skipped: `\(Self.missingTool)` is not installed")
        #expect(result.message == "every step that ran passed")
    }

    @Test func anOptionalStepWhoseToolsWorkRunsAndCounts() async throws {
        let lesson = try TemporaryLesson(
            starter: ["x.txt": ""],
            steps: [CheckStep(name: "lint", run: ["sh", "-c", "echo finding >&2; exit 1"], requires: ["sh"], optional: true)])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.outcome == .failed && result.failedStep == "lint", "\(result.message)")
        #expect(result.notes.isEmpty)
    }

    @Test func whetherAnOptionalStepsToolIsInstalledIsPartOfTheCacheKey() async throws {
        let cache = CheckCache(folder: try temporaryFolder())
        defer { try? FileManager.default.removeItem(at: cache.folder) }
        let lesson = try TemporaryLesson(
            starter: ["x.txt": ""],
            steps: [CheckStep(name: "lint", run: [Self.missingTool], optional: true), shellStep("true", name: "test")])
        defer { lesson.remove() }
        let engine = CheckEngine(cache: cache, tools: ToolProbe())
        let first = await lesson.check(["x.txt": ""], engine: engine)
        let again = await lesson.check(["x.txt": ""], engine: engine)
        #expect(first.passed && !first.fromCache && again.fromCache)
        #expect(again.notes == first.notes && !again.notes.isEmpty, "a cached result keeps its notes")
        #expect(CheckEngine.optionalTools(lesson.lesson.code!.steps, besides: []) == [Self.missingTool])
    }

    // MARK: - starterPasses in verify

    private func verifiedLesson(starterPasses: Bool, starter: String) async throws -> LessonVerification {
        let temporary = try TemporaryLesson(
            starter: ["answer.txt": "42\n"], steps: [shellStep("grep -q 42 answer.txt", name: "read")])
        defer { temporary.remove() }
        try starter.write(to: temporary.folder.appendingPathComponent("starter/answer.txt"), atomically: true, encoding: .utf8)
        var lesson = temporary.lesson
        lesson.code?.starterPasses = starterPasses
        return await Verifier(engine: CheckEngine(cache: nil, tools: ToolProbe())).verify(lesson)
    }

    @Test func verifyWantsAStarterThatPassesByDesignToPass() async throws {
        let passing = try await verifiedLesson(starterPasses: true, starter: "42\n")
        #expect(passing.status == .ok, "\(passing.problems)")
        #expect(passing.checks.first == "starter: passed (passes by design: `starterPasses: true`)", "\(passing.checks)")

        let failing = try await verifiedLesson(starterPasses: true, starter: "41\n")
        #expect(failing.status == .problem)
        #expect(
            failing.problems.first?.hasPrefix("the starter does not pass, but `starterPasses: true` says it passes by design") == true,
            "\(failing.problems)")
    }

    @Test func verifyStillWantsAnOrdinaryStarterToFailAndNamesTheKeyThatSaysOtherwise() async throws {
        let verification = try await verifiedLesson(starterPasses: false, starter: "42\n")
        #expect(verification.status == .problem)
        #expect(verification.problems.first?.contains("add `starterPasses: true` under `code`") == true, "\(verification.problems)")
    }

    // MARK: - Lint

    /// Loads a one-lesson course whose lesson front matter is `frontMatter`, and returns its
    /// diagnostics as `line:column: severity: message` and the lesson if it loaded.
    private func lint(_ frontMatter: String) throws -> (diagnostics: [String], lesson: Lesson?) {
        let course = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        let lessonFolder = course.appendingPathComponent("01-track/01-lesson")
        for sub in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: lessonFolder.appendingPathComponent(sub), withIntermediateDirectories: true)
            try "".write(to: lessonFolder.appendingPathComponent("\(sub)/x.txt"), atomically: true, encoding: .utf8)
        }
        try "id: course\ntitle: Course\n".write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: track\ntitle: Track\nsummary: One lesson.\n".write(
            to: course.appendingPathComponent("01-track/track.yml"), atomically: true, encoding: .utf8)
        try ("---\n" + frontMatter + "---\nYou will learn one thing.\n").write(
            to: lessonFolder.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        let result = CourseLoader.load(from: course)
        let diagnostics = result.diagnostics.filter { $0.file.hasSuffix("lesson.md") }
            .map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
        return (diagnostics, result.tracks.flatMap(\.lessons).first)
    }

    private static let header =
        "id: track.lesson\ntitle: Lesson\nkind: code\ncode:\n  language: text\n  starter: [x.txt]\n  solution: [x.txt]\n"

    @Test func theNewKeysLoad() throws {
        let (diagnostics, lesson) = try lint(
            Self.header + """
                  starterPasses: true
                  steps:
                    - run: [clippy-driver, x.txt]
                      optional: true
                    - run: [sh, -c, "true"]
                      requires: [python3]
                      expect: { exit: any }

                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let code = try #require(lesson?.code)
        #expect(code.starterPasses)
        #expect(code.steps.map(\.optional) == [true, false])
        #expect(code.steps[1].requires == ["python3"])
        #expect(code.steps[1].expect.exit == .any)
    }

    @Test func lintReportsEachNewKeysMistakesWithLineAndColumn() throws {
        let (diagnostics, lesson) = try lint(
            Self.header + """
                  starterPasses: sometimes
                  steps:
                    - run: [sh, x.txt]
                      optional: maybe
                      requires: [/usr/bin/python3, "two words"]
                      expect: { exit: whatever }

                """)
        #expect(
            diagnostics == [
                "9:18: error: `starterPasses` must be `true` or `false`, found string `sometimes`",
                "12:17: error: `optional` must be `true` or `false`, found string `maybe`",
                "13:18: error: `/usr/bin/python3` in `requires` is a path, not a tool name looked up on PATH; write a tool "
                    + "name, optionally with a minimum version, such as `go` or `go >= 1.22` (in a step's `requires`)",
                "13:36: error: `two words` in `requires` is not one tool name (one tool per entry); write a tool name, "
                    + "optionally with a minimum version, such as `go` or `go >= 1.22` (in a step's `requires`)",
                "14:23: error: `exit` must be an exit status from 0 to 255, `nonzero`, `compile-error` or `any`, "
                    + "found string `whatever`",
            ], "\(diagnostics)")
        #expect(lesson == nil)
    }

    @Test func lintWarnsAboutAnOptionalStepThatNamesNoTool() throws {
        let (diagnostics, lesson) = try lint(
            Self.header + """
                  steps:
                    - name: lint
                      run: ["{scratch}/lint", x.txt]
                      optional: true

                """)
        #expect(
            diagnostics == [
                "12:17: warning: `optional: true` skips the step only when a tool it needs is missing, but step `lint` names "
                    + "none (its program `{scratch}/lint` is a path or a placeholder); list the tool in the step's `requires`, "
                    + "such as `requires: [clippy-driver]`"
            ], "\(diagnostics)")
        #expect(lesson != nil, "a warning does not stop the lesson loading")
    }
}
