import Foundation
import Testing

@testable import CrucibleEngine

/// The check engine end to end with `sh` steps: every outcome, placeholders, scratch, cache.
@Suite struct CheckEngineTests {
    @Test func passingStepsPassAndCarryTheirOutput() async throws {
        let lesson = try TemporaryLesson(
            starter: ["answer.txt": "42\n"],
            steps: [
                shellStep(
                    "cat answer.txt", name: "cat",
                    expect: StepExpectation(
                        stdout: OutputExpectation(
                            equals: "42", contains: ["4"], matches: "^4[0-9]$", notContains: ["error"])))
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["answer.txt": "42\n"])
        #expect(result.outcome == .passed, "\(result.message)")
        #expect(result.steps.map(\.stdout) == ["42\n"])
        #expect(result.steps.first?.exitCode == 0)
    }

    @Test func everyStepThatRanReportsItsResourceUsage() async throws {
        // `head` and `tail` are waited for by the shell, so their usage is the step's too.
        let lesson = try TemporaryLesson(
            starter: ["x": ""], steps: [shellStep("head -c 1000000 /dev/zero | tail -c 1 >/dev/null", name: "pipe")])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .passed, "\(result.message)")
        let usage = try #require(result.steps.first?.usage)
        #expect(usage.peakMemoryBytes > 0)
        #expect(usage.userSeconds >= 0 && usage.systemSeconds >= 0)
    }

    @Test func wrongOutputSaysWhichCheckFailedAndWhatWasPrinted() async throws {
        let lesson = try TemporaryLesson(
            starter: ["answer.txt": ""],
            steps: [
                shellStep("cat answer.txt", name: "cat", expect: StepExpectation(stdout: OutputExpectation(contains: ["sum = 55"])))
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["answer.txt": "sum = 54\n"])
        #expect(result.outcome == .failed)
        #expect(result.reason == .wrongOutput)
        #expect(result.outputMismatch?.stream == "stdout")
        #expect(result.outputMismatch?.actual == "sum = 54\n")
        #expect(result.failedStep == "cat")
    }

    @Test(arguments: [
        ("exit 3", StepExpectation(exit: .code(0)), CheckOutcome.failed, FailureReason?.some(.exitStatus)),
        ("exit 3", StepExpectation(exit: .nonzero), .passed, nil),
        ("kill -SEGV $$", StepExpectation(exit: .code(0)), .crashed, nil),
        ("kill -ABRT $$", StepExpectation(exit: nil, signal: "SIGABRT"), .passed, nil),
        ("exit 0", StepExpectation(exit: nil, signal: "SIGABRT"), .failed, .exitStatus),
        ("exit 1", StepExpectation(exit: .compileError), .passed, nil),
        ("exit 0", StepExpectation(exit: .compileError), .failed, .exitStatus),
    ])
    func exitStatusAndSignals(script: String, expect: StepExpectation, outcome: CheckOutcome, reason: FailureReason?) async throws {
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [shellStep(script, expect: expect)])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == outcome, "\(result.message)")
        #expect(result.reason == reason)
        if outcome == .crashed { #expect(result.signal == "SIGSEGV") }
    }

    @Test func aStepPastItsDeadlineTimesOut() async throws {
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [shellStep("sleep 300", timeout: 0.3)])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .timedOut)
        // Far below the program's own 300 s, so the deadline ended it; loose because parallel
        // tests that block the cooperative pool can delay the engine's async steps by seconds.
        #expect(result.duration < 60)
    }

    @Test func aStepOverItsLimitReportsTheLimit() async throws {
        var step = shellStep("yes")
        step.limits = ResourceLimits(cpuSeconds: 1)
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [step])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .resourceLimit, "\(result.message)")
        #expect(result.limit != nil)
    }

    @Test func ratioUsesTheMediansOfTheHarnessMetrics() async throws {
        let metrics =
            "for t in 0.010 0.011 0.5; do echo crucible-metric base $t; done; "
            + "for t in 0.001 0.002 0.001; do echo crucible-metric mine $t; done"
        let ratio = RatioExpectation(metric: "mine", baseline: "base", atLeast: 5)
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [shellStep(metrics, expect: StepExpectation(ratios: [ratio]))])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .passed, "\(result.message)")
        #expect(result.comparisons.first?.baselineMedian == 0.011)
        #expect(result.comparisons.first?.metricMedian == 0.001)
        #expect(result.metrics.first { $0.name == "mine" }?.values.count == 3)

        var slower = ratio
        slower.atLeast = 20
        let tooSlow = try TemporaryLesson(starter: ["x": ""], steps: [shellStep(metrics, expect: StepExpectation(ratios: [slower]))])
        defer { tooSlow.remove() }
        let failed = await tooSlow.check(["x": ""])
        #expect(failed.outcome == .failed)
        #expect(failed.reason == .tooSlow)
    }

    @Test func aHarnessWithoutMetricsIsAnEngineError() async throws {
        let ratio = RatioExpectation(metric: "mine", baseline: "base", atLeast: 1)
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [shellStep("echo hi", expect: StepExpectation(ratios: [ratio]))])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .engineError)
        #expect(result.message.contains("crucible-metric"))
    }

    @Test func metricsWithUnitsAreComparedInBaseUnitsAndAMalformedLineNamesItsStep() async throws {
        let metrics =
            "echo warming up; for t in 10 11 500; do echo crucible-metric base $t ms; done; "
            + "for t in 1000 2000 1000; do echo crucible-metric mine $t µs; done; echo crucible-metric allocations 12 count"
        let ratio = RatioExpectation(metric: "mine", baseline: "base", atLeast: 5)
        let lesson = try TemporaryLesson(
            starter: ["x": ""], steps: [shellStep(metrics, name: "bench", expect: StepExpectation(ratios: [ratio]))])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .passed, "\(result.message)")
        #expect(result.comparisons.first?.baselineMedian == 0.011)
        #expect(result.comparisons.first?.metricMedian == 0.001)

        let broken = try TemporaryLesson(
            starter: ["x": ""],
            steps: [
                shellStep(
                    "echo crucible-metric base 1 ms; echo crucible-metric mine 2 fortnights", name: "bench",
                    expect: StepExpectation(ratios: [ratio]))
            ])
        defer { broken.remove() }
        let failed = await broken.check(["x": ""])
        #expect(failed.outcome == .engineError)
        #expect(
            failed.message.hasPrefix("step `bench`: line 2 `crucible-metric mine 2 fortnights`: unknown unit `fortnights`"),
            "\(failed.message)")
    }

    @Test func placeholdersExpandToScratchFilesAndHiddenFiles() async throws {
        let step = CheckStep(
            name: "args", run: ["sh", "-c", "echo \"$@\"; pwd", "sh", "{files}", "{hidden}", "{lesson}"],
            env: ["WHERE": "{scratch}"])
        let lesson = try TemporaryLesson(starter: ["a.c": "", "b.c": ""], hidden: ["h.c": ""], steps: [step])
        defer { lesson.remove() }
        let result = await lesson.check(["a.c": "", "b.c": ""])
        let lines = result.steps.first?.stdout.split(separator: "\n").map(String.init) ?? []
        #expect(lines.first == "a.c b.c h.c \(lesson.folder.path)")
        // The scratch folder, which output names as `.` (it is gone when the check ends).
        #expect(lines.last == ".")
    }

    @Test func hiddenFilesWinAndTheScratchFolderIsRemoved() async throws {
        // Output names the scratch folder `.`, so the step writes its path outside, in a folder
        // it can write to when run as root under another uid.
        let markerFolder = try temporaryFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: markerFolder.path)
        let marker = markerFolder.appendingPathComponent("scratch")
        defer { try? FileManager.default.removeItem(at: marker.deletingLastPathComponent()) }
        // A learner who edits a file named like the harness cannot replace it: only starter names are copied.
        let lesson = try TemporaryLesson(
            starter: ["main.sh": "echo learner"], hidden: ["harness.sh": "echo harness"],
            steps: [shellStep("sh harness.sh; pwd > '\(marker.path)'; echo litter > litter.txt")])
        defer { lesson.remove() }
        let workspace = Workspace(root: try temporaryFolder(), courseID: "c")
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let folder = try workspace.prepare(lesson.lesson).folder
        try "echo cheat".write(to: folder.appendingPathComponent("harness.sh"), atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, workspace: workspace)
        let lines = result.steps.first?.stdout.split(separator: "\n").map(String.init) ?? []
        #expect(lines.first == "harness")
        let scratch = try String(contentsOf: marker, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(scratch.contains("/crucible-check-"), "\(scratch)")
        #expect(!FileManager.default.fileExists(atPath: scratch), "scratch folder left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before, "litter in the workspace")
    }

    @Test func aMissingToolIsReportedBeforeAnythingRuns() async throws {
        let lesson = try TemporaryLesson(
            starter: ["x": ""], requires: ["crucible-no-such-tool"],
            steps: [shellStep("touch /tmp/should-not-run-\(UUID().uuidString)")])
        defer { lesson.remove() }
        let result = await lesson.check(["x": ""])
        #expect(result.outcome == .toolMissing)
        #expect(result.steps.isEmpty)
        #expect(result.missingTools.map(\.name) == ["crucible-no-such-tool"])
        #expect(result.message.contains("`crucible-no-such-tool`, which is not installed"))
        #expect(!result.judgedTheWork)
    }

    @Test func unchangedWorkComesFromTheCache() async throws {
        let cacheFolder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let engine = CheckEngine(cache: CheckCache(folder: cacheFolder), tools: ToolProbe())
        let lesson = try TemporaryLesson(
            starter: ["n": ""],
            steps: [
                shellStep("cat n", expect: StepExpectation(stdout: OutputExpectation(equals: "1")))
            ])
        defer { lesson.remove() }
        let first = await lesson.check(["n": "2"], engine: engine)
        let second = await lesson.check(["n": "2"], engine: engine)
        let changed = await lesson.check(["n": "1"], engine: engine)
        #expect(!first.fromCache && first.outcome == .failed)
        #expect(second.fromCache && second.outcome == .failed)
        #expect(!changed.fromCache && changed.outcome == .passed)
    }

    @Test func timeoutsAndEngineErrorsAreNotCached() {
        for outcome in [CheckOutcome.timedOut, .resourceLimit, .toolMissing, .toolBroken, .engineError] {
            #expect(!CheckCache.isReproducible(CheckResult(lessonID: "x", outcome: outcome, message: "")))
        }
        #expect(!CheckCache.isReproducible(CheckResult(lessonID: "x", outcome: .failed, reason: .tooSlow, message: "")))
        #expect(CheckCache.isReproducible(CheckResult(lessonID: "x", outcome: .failed, reason: .compileError, message: "")))
    }

    @Test func defaultLimitsDependOnTheProgramAndSanitizers() throws {
        let scratch = URL(fileURLWithPath: "/tmp")
        let plain = StepPlan(steps: [], scratch: scratch, lessonFolder: scratch, learnerFiles: [], hiddenFiles: [])
        #expect(plain.limits(for: CheckStep(name: "", run: []), arguments: ["clang", "x.c"]) == .toolchain)
        #expect(plain.limits(for: CheckStep(name: "", run: []), arguments: ["sh", "-c", "rustc x.rs 2>&1"]) == .toolchain)
        #expect(plain.limits(for: CheckStep(name: "", run: []), arguments: ["/tmp/app"]) == .learnerProgram)
        let overridden = CheckStep(name: "", run: [], limits: ResourceLimits(cpuSeconds: 2))
        #expect(plain.limits(for: overridden, arguments: ["/tmp/app"]).cpuSeconds == 2)
        #expect(plain.limits(for: overridden, arguments: ["/tmp/app"]).processes == ResourceLimits.learnerProgram.processes)

        let sanitized = StepPlan(
            steps: [CheckStep(name: "", run: ["clang", "-fsanitize=address"])], scratch: scratch,
            lessonFolder: scratch, learnerFiles: [], hiddenFiles: [])
        #expect(sanitized.limits(for: CheckStep(name: "", run: []), arguments: ["/tmp/app"]).memoryBytes == nil)
    }

    @Test func theSanitizerLinkPlaceholderSpeaksEachCompilersLanguage() throws {
        let scratch = URL(fileURLWithPath: "/tmp")
        let plan = StepPlan(steps: [], scratch: scratch, lessonFolder: scratch, learnerFiles: [], hiddenFiles: [])
        let swift = plan.invocation(for: CheckStep(name: "", run: ["swiftc", "-sanitize=address", "{sanitizer_link}", "x.swift"]))
        #expect(swift.arguments == ["-sanitize=address"] + StepPlan.swiftSanitizerLinkFlags + ["x.swift"])
        #expect(!swift.arguments.contains { $0.hasPrefix("-fuse-ld") || $0.hasPrefix("-Wl,") }, "clang's flags given to swiftc")
        let c = plan.invocation(for: CheckStep(name: "", run: ["clang", "-fsanitize=address", "{sanitizer_link}", "x.c"]))
        #expect(c.arguments == ["-fsanitize=address"] + StepPlan.sanitizerLinkFlags + ["x.c"])
        #if os(Linux)
        let hasLLD = ExecutableLookup.resolve("ld.lld", path: ProcessInfo.processInfo.environment["PATH"]) != nil
        #expect(StepPlan.swiftSanitizerLinkFlags == (hasLLD ? ["-use-ld=lld"] : []))
        #else
        #expect(StepPlan.swiftSanitizerLinkFlags.isEmpty && StepPlan.sanitizerLinkFlags.isEmpty)
        #endif
    }
}
