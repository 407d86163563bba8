import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

private typealias F = LessonFixture

/// One presentation of a check result for the full screen and the command line: the same
/// reason, diff and tools in both, with only the wording of actions and the layout differing.
@Suite struct ResultPresentationTests {
    static let workspace = "/home/learner/workspace/memory.fix"

    static func screen(_ result: CheckResult, lesson: Lesson = F.code, activity: LessonActivity = LessonActivity()) -> [String] {
        var activity = activity
        activity.result = result
        return ResultPresentation(result, lesson: lesson, medium: .screen(width: 200, theme: .standard, activity: activity))
            .lines.map(\.plainText)
    }

    static func commandLine(
        _ result: CheckResult, lesson: Lesson = F.code, events: [GameEvent] = [], verbose: Bool = false,
        followUp: FollowUpCommands = .plain
    ) -> [String] {
        ResultPresentation(
            result, lesson: lesson, events: events, medium: .commandLine(verbose: verbose, workspace: workspace, followUp: followUp)
        ).lines.map(\.plainText)
    }

    static var toolMissing: CheckResult {
        var result = CheckResult(lessonID: F.code.id, outcome: .toolMissing, message: "swiftc is not installed, so nothing was checked")
        result.missingTools = [
            try! JSONDecoder().decode(
                MissingTool.self,
                from: Data(
                    """
                    {"name":"swiftc","debian":"sudo apt-get install swiftlang","macOS":"xcode-select --install"}
                    """.utf8))
        ]
        return result
    }

    /// Every line the screen shows above the steps' output, bar the advice (worded per medium),
    /// is on the command line too, in the same order: the reason is built once.
    @Test(arguments: [F.compileError, F.wrongOutput, toolMissing])
    func bothMediaTellTheSameReasonInTheSameOrder(result: CheckResult) {
        let screen = Self.screen(result).prefix { $0 != "Output" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Stuck?") && !$0.hasPrefix("Install it") && !$0.hasPrefix("✗ ") }
        var cli = Self.commandLine(result).map { $0.trimmingCharacters(in: .whitespaces) }[...]
        #expect(!screen.isEmpty)
        for line in screen {
            guard let index = cli.firstIndex(of: line) else {
                Issue.record("the command line lacks or reorders `\(line)`:\n\(Self.commandLine(result).joined(separator: "\n"))")
                return
            }
            cli = cli[(index + 1)...]
        }
    }

    /// The command line's headline names the lesson, its body is indented under it, and the
    /// reason comes before the steps, the workspace and the advice, which is last.
    @Test func theCommandLineLeadsWithTheOutcomeAndEndsWithWhatToDo() throws {
        var result = F.compileError
        result.fromCache = true
        let lines = Self.commandLine(result)
        #expect(lines.first == "✗ failed (compile error)  memory.fix  1.3 s  (cached: these same files were checked before)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(lines)")
        let reason = try #require(lines.firstIndex(of: "  Compiler error in sum.swift:2:5:"), "\(lines)")
        let steps = try #require(lines.firstIndex { $0.hasPrefix("  steps: ✗ build 1.25 s") }, "\(lines)")
        let workspace = try #require(lines.firstIndex(of: "  workspace: " + Self.workspace), "\(lines)")
        #expect(reason < steps && steps < workspace)
        #expect(lines.last == "  Stuck? crucible hint memory.fix", "\(lines)")
    }

    /// A harness that exits non-zero says why in its output: the command line shows the end of
    /// the failed step's output under the reason (long output keeps its last lines), and
    /// `--verbose`, which prints every step in full, does not repeat it.
    @Test func anExitStatusFailureShowsTheEndOfWhatTheFailedStepPrinted() throws {
        func exitStatus(stdout: String) -> CheckResult {
            var result = CheckResult(
                lessonID: F.code.id, outcome: .failed, reason: .exitStatus, message: "expected exit status 0, but it exited with 1")
            result.steps = [
                F.step(
                    name: "build", command: ["swiftc"], exitCode: 0, signal: nil, termination: "exited with code 0",
                    duration: 0.5, stdout: "", stderr: "", passed: true),
                F.step(
                    name: "allocations", command: ["./app"], exitCode: 1, signal: nil, termination: "exited with code 1",
                    duration: 0.1, stdout: stdout, stderr: "too many allocations: a call needs none\n", passed: false),
            ]
            return result
        }
        let short = Self.commandLine(exitStatus(stdout: "allocations per call: 19\n"))
        let header = try #require(short.firstIndex(of: "  allocations printed:"), "\(short)")
        #expect(Array(short[(header + 1)...].prefix(2)) == ["    allocations per call: 19", "    too many allocations: a call needs none"])
        #expect(header > short.firstIndex(of: "  Expected exit status 0, but it exited with 1")!)

        let long = Self.commandLine(exitStatus(stdout: (1...30).map { "line \($0)" }.joined(separator: "\n")))
        let skipped = try #require(long.firstIndex(of: "    … 11 earlier lines; --verbose shows them all"), "\(long)")
        #expect(long[skipped + 1] == "    line 12" && long.contains("    too many allocations: a call needs none"))

        let verbose = Self.commandLine(exitStatus(stdout: "allocations per call: 19\n"), verbose: true)
        #expect(!verbose.contains("  allocations printed:") && verbose.contains { $0.contains("allocations per call: 19") })
    }

    /// A failing test, a panic and a lint finding lead with what failed and where, before the
    /// steps; a failing test and a panic also show the end of what the step printed.
    @Test func theNewReasonsLeadWithWhatFailedAndWhere() throws {
        let tests = Self.commandLine(F.failingTests)
        #expect(tests.first == "✗ failed (failing test)  memory.fix  0.8 s")
        #expect(
            Array(tests.dropFirst().prefix(3)) == [
                "  2 tests failed: TestParse, TestSplit/two", "    TestParse at words_test.go:7:", #"      Parse("a b") = 3, want 2"#,
            ], "\(tests)")
        let printed = try #require(tests.firstIndex(of: "  test printed:"), "\(tests)")
        #expect(tests[printed + 1] == "    --- FAIL: TestParse (0.00s)")

        let panic = Self.commandLine(F.panic)
        #expect(
            Array(panic.dropFirst().prefix(2)) == [
                "  Panic at src/main.rs:4:26:", "    index out of bounds: the len is 3 but the index is 5",
            ],
            "\(panic)")
        #expect(panic.contains("  run printed:") && panic.contains("    thread 'main' (32144) panicked at src/main.rs:4:26:"))

        let lint = Self.commandLine(F.lint)
        #expect(
            Array(lint.dropFirst().prefix(2)) == [
                "  clippy found 2 problems, the first at main.rs:4:14:",
                "    the loop variable `i` is only used to index `values` (clippy::needless_range_loop)",
            ], "\(lint)")
    }

    @Test(arguments: [F.failingTests, F.panic, F.lint])
    func theNewReasonsReadTheSameOnBothMedia(result: CheckResult) {
        let screen = Self.screen(result).prefix { $0 != "Output" }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Stuck?") && !$0.hasPrefix("✗ ") && !$0.hasPrefix("Edit ") }
        let cli = Self.commandLine(result).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!screen.isEmpty)
        for line in screen { #expect(cli.contains(line), "\(line) not in \(cli)") }
    }

    /// A pass shows what a `showOutput` step printed, its first 20 lines and a count of the rest;
    /// a short output is shown whole, and a failure leads with its reason instead.
    @Test func aPassShowsTheOutputOfAShowOutputStep() throws {
        let long = Self.commandLine(F.passShowingOutput(lines: 25))
        let header = try #require(long.firstIndex(of: "  run printed:"), "\(long)")
        #expect(long[header + 1] == "    sumTo(1) = 1")
        #expect(long[header + 20] == "    sumTo(20) = 210")
        #expect(long[header + 21] == "    … 5 more lines", "\(long)")
        #expect(!long.contains("    sumTo(21) = 231"))

        let short = Self.screen(F.passShowingOutput(lines: 2))
        let shown = try #require(short.firstIndex(of: "run printed:"), "\(short)")
        #expect(Array(short[(shown + 1)...].prefix(3)) == ["  sumTo(1) = 1", "  sumTo(2) = 3", ""], "\(short)")

        // Without showOutput (the build step) nothing is shown; a failure is not a pass.
        #expect(!Self.commandLine(F.pass).contains { $0.contains("printed:") })
        #expect(!Self.commandLine(F.compileError).contains { $0.contains("run printed:") })
    }

    /// The same situations, worded as keys on the screen and as commands on the command line.
    @Test func actionsAreWordedForTheMedium() {
        let screenTools = Self.screen(Self.toolMissing).joined(separator: "\n")
        let cliTools = Self.commandLine(Self.toolMissing).joined(separator: "\n")
        #expect(screenTools.contains("Install it, then check again with c; or press "), "\(screenTools)")
        #expect(cliTools.contains("Install it, then check again; or skip the lesson: the order is only a suggestion."), "\(cliTools)")
        for text in [screenTools, cliTools] {
            #expect(text.contains("This was not counted as an attempt.") && !text.contains("Stuck?"), "\(text)")
        }

        var activity = LessonActivity()
        activity.hintsRevealed = 1
        #expect(Self.screen(F.compileError, activity: activity).contains("Stuck? Press h for hint 2 of 2."))
        #expect(Self.commandLine(F.compileError).contains("  Stuck? crucible hint memory.fix"))
        #expect(Self.commandLine(F.compileError, verbose: false).contains("  full output: crucible check memory.fix --verbose"))
        #expect(!Self.commandLine(F.compileError, verbose: true).contains { $0.contains("--verbose") })
    }

    /// Each suggested command names the course, workspace and progress file it was given, quoted for the shell.
    @Test func suggestedCommandsCarryTheFollowUpOptions() {
        let followUp = FollowUpCommands(lessons: "/courses/it's mine", workspace: "/tmp/ws", progress: "/tmp/my progress.json")
        let lines = Self.commandLine(F.compileError, followUp: followUp)
        let options = #"--lessons '/courses/it'\''s mine' --workspace /tmp/ws --progress '/tmp/my progress.json'"#
        #expect(lines.contains("  Stuck? crucible hint memory.fix " + options), "\(lines)")
        #expect(lines.contains("  full output: crucible check memory.fix --verbose " + options), "\(lines)")
    }

    /// The only hint is named as such: "hint 1 of 1" counts in words that do not agree.
    @Test func aLessonWithOneHintOffersTheOnlyHint() {
        var lesson = F.code
        lesson.hints = ["Look at the loop."]
        #expect(
            Self.screen(F.compileError, lesson: lesson).contains("Stuck? Press h for the only hint."),
            "\(Self.screen(F.compileError, lesson: lesson))")
    }

    /// A check the engine could not run says nothing about the work: no hint is offered for it.
    @Test func anEngineErrorOffersNoHint() {
        let result = CheckResult(lessonID: F.code.id, outcome: .engineError, message: "cannot read main.swift")
        for text in [Self.screen(result), Self.commandLine(result)].map({ $0.joined(separator: "\n") }) {
            #expect(text.contains("Cannot read main.swift") && text.contains("was not counted as an attempt"), "\(text)")
            #expect(!text.contains("Stuck?") && !text.contains("crucible hint"), "\(text)")
        }
    }

    /// The screen scrolls; the command line shows 20 rows of a long diff unless asked for all.
    @Test func theCommandLineCutsALongDiffUnlessVerbose() throws {
        var result = F.wrongOutput
        let actual = (1...30).map { "line \($0)" }.joined(separator: "\n")
        result.outputMismatch = try JSONDecoder().decode(
            OutputMismatch.self,
            from: JSONSerialization.data(withJSONObject: [
                "stream": "stdout", "check": "contains \"done\"", "actual": actual,
            ]))
        let short = Self.commandLine(result)
        #expect(short.contains("    line 20") && !short.contains("    line 21"), "\(short)")
        #expect(short.contains("  … 10 more lines; --verbose shows them all"), "\(short)")
        let full = Self.commandLine(result, verbose: true)
        #expect(full.contains("    line 30") && !full.contains { $0.contains("more lines") }, "\(full)")
        #expect(Self.screen(result).contains("  line 30"))
    }

    /// A pass on the command line: the headline, then what it earned, in the words the panel uses.
    @Test func aPassTellsWhatItEarned() {
        let lines = Self.commandLine(F.pass, events: F.passEvents)
        #expect(
            Array(lines.prefix(5)) == [
                "✓ passed  memory.fix",
                "  +35 XP  (20 base · first try +10 · no hints +5)",
                "  ▲ Level up! You are now level 2: Apprentice",
                "  Streak: 3 days in a row",
                "  ★ Achievement unlocked: First fix — Pass your first code lesson.",
            ], "\(lines)")
        #expect(!lines.contains { $0.contains("Stuck?") || $0.contains("crucible hint") })
    }

    /// The diff's colours are the panel's, so `--no-color` or NO_COLOR (colour off) drops only the escapes.
    @Test func colourIsStyleSoTextWithoutColourIsTheSame() {
        let lines = ResultPresentation(
            F.wrongOutput, lesson: F.code, medium: .commandLine(verbose: false, workspace: nil, followUp: .plain)
        ).lines
        let actual = lines.first { $0.plainText.hasPrefix("  + sumTo(10)") }
        #expect(actual?.spans.last?.style == Paint.bad)
        let plain = ANSIText.render(lines, color: false)
        #expect(!plain.contains("\u{1B}") && plain == lines.map(\.plainText).joined(separator: "\n"))
        #expect(ANSIText.render(lines, color: true).contains("\u{1B}[0;31m+ sumTo(10) = 45"))
    }
}

/// The cached note joins the headline when it fits and takes a line of its own when it does not,
/// so a narrow screen never cuts it off.
@Suite struct CachedHeadlineTests {
    @Test(arguments: [40, 60, 76, 200])
    func theHeadlineFitsTheScreenWidth(width: Int) {
        var result = F.compileError
        result.fromCache = true
        result.duration = 0.3
        var activity = LessonActivity()
        activity.result = result
        let lines = ResultPresentation(result, lesson: F.code, medium: .screen(width: width, theme: .standard, activity: activity)).lines
        let headline = lines.prefix { !$0.plainText.isEmpty }
        #expect(headline.allSatisfy { $0.displayWidth <= width }, "\(lines.map(\.plainText))")
        let words = headline.map(\.plainText).joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains("(cached: these same files were checked before)"))
        #expect(lines[0].plainText.hasPrefix("✗ failed (compile error)"))
    }
}
