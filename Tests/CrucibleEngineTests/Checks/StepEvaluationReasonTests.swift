import Foundation
import Testing

@testable import CrucibleEngine

/// Which reason a failed step gets, over real captured output (`Fixtures/test-runners`): a
/// build tool's build phase from its run phase, and a failing test, a panic, a race or a lint
/// finding each as itself.
struct StepEvaluationReasonTests {
    /// The verdict of a step running `run`, which ended as `termination` printing the captured `fixture`.
    private func verdict(
        _ run: [String], _ fixture: String, _ termination: ProcessTermination, learnerFiles: [String] = [],
        expect: StepExpectation = .init()
    ) -> CheckResult {
        // The captures ran in /tmp/cap/NAME; a check runs in a scratch folder, whose name results drop.
        func scratch(_ text: String) -> Data {
            Data(text.replacing(#/\/tmp\/cap\/\w+\//#, with: "/tmp/crucible-check-A1B2/").utf8)
        }
        let result = ProcessResult(
            termination: termination, stdout: scratch(CapturedRun.stdout(fixture)), stderr: scratch(CapturedRun.stderr(fixture)),
            stdoutTruncated: false, stderrTruncated: false, duration: .milliseconds(10))
        let step = CheckStep(name: "test", run: run, expect: expect)
        return StepEvaluation(
            step: step, program: "/usr/bin/" + run[0], arguments: Array(run.dropFirst()), result: result, learnerFiles: learnerFiles
        ).verdict(lessonID: "l")
    }

    @Test func goTestFailingTestIsAFailingTest() throws {
        let result = verdict(["go", "test", "./..."], "go-test-failing", .exited(code: 1), learnerFiles: ["words.go"])
        #expect(result.outcomeLabel == "failed (failing test)")
        let tests = try #require(result.failingTests)
        #expect(tests.runner == "go test")
        #expect(tests.count == 2)
        #expect(tests.headline == "2 tests failed: TestParse, TestSplit/two")
        #expect(result.message == #"2 tests failed: TestParse, TestSplit/two; TestParse at words_test.go:7: Parse("a b") = 3, want 2"#)
        #expect(result.compilerError == nil)
    }

    @Test func goTestBuildErrorIsACompileError() throws {
        let result = verdict(["go", "test", "."], "go-test-build-error", .exited(code: 2))
        #expect(result.outcomeLabel == "failed (compile error)")
        #expect(result.compilerError?.text == "words.go:3:44: undefined: x")
    }

    @Test func goTestVetFailureIsALintFinding() throws {
        let result = verdict(["go", "test", "."], "go-test-vet", .exited(code: 2))
        #expect(result.outcomeLabel == "failed (lint)")
        #expect(result.lint?.tool == "go vet")
        #expect(result.message == "go vet at words.go:5:38: fmt.Sprintf format %s has arg n of wrong type int")
    }

    @Test func goVetIsALintFinding() throws {
        let result = verdict(["go", "vet", "."], "go-vet", .exited(code: 1))
        #expect(result.reason == .lint)
        #expect(result.lint?.file == "words.go")
    }

    @Test func goTestPanicIsAPanicAtTheLearnersLine() throws {
        let result = verdict(["go", "test", "."], "go-test-panic", .exited(code: 1), learnerFiles: ["words.go"])
        #expect(result.outcomeLabel == "failed (panic)")
        #expect(result.panic?.file == "words.go")
        #expect(result.panic?.line == 3)
        #expect(result.message == "panic at words.go:3: runtime error: index out of range [0] with length 0")
    }

    @Test func goTestRaceIsADataRaceAtTheLearnersLine() throws {
        // The test also fails with `race detected during execution of test`: the race is the reason.
        let result = verdict(["go", "test", "-race", "."], "go-test-race", .exited(code: 1), learnerFiles: ["counter.go"])
        #expect(result.outcomeLabel == "failed (sanitizer finding)")
        let finding = try #require(result.finding)
        #expect(finding.kind == "dataRace")
        #expect(finding.file == "counter.go")
        #expect(finding.line == 13)
        #expect(result.message == "Go race detector: data race at counter.go:13")
    }

    @Test func goRunPanicIsAPanic() throws {
        let result = verdict(["go", "run", "."], "go-run-panic", .exited(code: 1), learnerFiles: ["main.go"])
        #expect(result.reason == .panic)
        #expect(result.message == "panic at main.go:8: runtime error: index out of range [5] with length 3")
    }

    @Test func goRuntimeFatalErrorIsAPanicInItsOwnWords() throws {
        let result = verdict(["go", "run", "."], "go-run-fatal-error", .exited(code: 2), learnerFiles: ["main.go"])
        #expect(result.reason == .panic)
        #expect(result.panic?.word == "fatal error")
        #expect(result.message == "fatal error at main.go:16: concurrent map writes")
    }

    @Test func goRunExitStatusIsTheProgramsNotGoRuns() throws {
        let result = verdict(["go", "run", "."], "go-run-exit-status", .exited(code: 1), learnerFiles: ["main.go"])
        #expect(result.reason == .exitStatus)
        #expect(result.message == "expected exit status 0, but the program exited with 3")
        let wanted = verdict(
            ["go", "run", "."], "go-run-exit-status", .exited(code: 1), learnerFiles: ["main.go"], expect: StepExpectation(exit: .code(3)))
        #expect(wanted.message.hasPrefix("the program exited with 3 as expected, but `go run` itself exits with 1"), "\(wanted.message)")
    }

    @Test func cargoTestFailureIsAFailingTestNotACompileError() throws {
        let result = verdict(["cargo", "test", "--offline"], "cargo-test-failing", .exited(code: 101), learnerFiles: ["src/lib.rs"])
        #expect(result.reason == .failingTest)
        #expect(result.failingTests?.tests.first?.message == "assertion `left == right` failed\nleft: -1\nright: 5")
        #expect(result.failingTests?.tests.first?.file == "src/lib.rs")
    }

    @Test func cargoTestBuildErrorIsACompileError() throws {
        let result = verdict(["cargo", "test", "--offline"], "cargo-test-build-error", .exited(code: 101))
        #expect(result.reason == .compileError)
        #expect(result.compilerError?.text == "src/lib.rs:2:9: cannot find value `c` in this scope")
    }

    @Test func cargoRunPanicIsAPanic() throws {
        let result = verdict(["cargo", "run", "--offline"], "cargo-run-panic", .exited(code: 101))
        #expect(result.reason == .panic)
        #expect(result.message == "panic at src/main.rs:4:26: index out of bounds: the len is 3 but the index is 5")
    }

    @Test func rustcTestBinaryExiting101IsAFailingTest() throws {
        // Not a build tool: a plain non-zero exit whose output shows failing tests.
        let result = verdict(["./t"], "rustc-test", .exited(code: 101))
        #expect(result.outcomeLabel == "failed (failing test)")
        #expect(result.failingTests?.tests.map(\.name) == ["tests::adds_two_numbers", "tests::doubles"])
    }

    @Test func clippyDeniedWarningIsALintFinding() throws {
        let result = verdict(["rustc", "-D", "warnings", "main.rs"], "clippy-deny-warnings", .exited(code: 1))
        #expect(result.outcomeLabel == "failed (lint)")
        #expect(result.lint?.count == 2)
        #expect(result.message == "clippy::needless_range_loop at main.rs:4:14: the loop variable `i` is only used to index `values`")
    }

    @Test func aLinterThatIsNoBuildToolIsReadAlike() throws {
        let result = verdict(["clippy-driver", "-D", "warnings", "main.rs"], "clippy-deny-warnings", .exited(code: 1))
        #expect(result.reason == .lint)
        #expect(result.lint?.lint == "clippy::needless_range_loop")
    }

    @Test func werrorWarningIsALintFinding() throws {
        let result = verdict(["clang", "-Werror", "main.c"], "clang-werror", .exited(code: 1))
        #expect(result.reason == .lint)
        #expect(result.message == "-Wunused-variable at main.c:4:9: unused variable 'unused'")
    }

    @Test func swiftFatalErrorIsAPanicNotACrash() throws {
        let result = verdict(["./fat"], "swift-fatal-error", .signaled(signal: 4, name: "SIGILL"), learnerFiles: ["fatal.swift"])
        #expect(result.outcomeLabel == "failed (panic)")
        #expect(result.signal == "SIGILL")
        #expect(result.message == "fatal error at fatal.swift:2: not a text file: notes.md")
    }

    @Test func swiftTestFailureIsAFailingTest() throws {
        let result = verdict(["swift", "test"], "swift-test", .exited(code: 1))
        #expect(result.reason == .failingTest)
        #expect(result.failingTests?.headline == "2 tests failed: WordsXCTests.testEmpty, twoWords()")
    }

    @Test func aPlainNonZeroExitStaysAnExitStatus() throws {
        let result = verdict(["python3", "main.py"], "go-run-race", .exited(code: 1), expect: .init())
        // go-run-race's output holds a race report but no failing test or panic; the race wins.
        #expect(result.reason == .sanitizerFinding)
        let plain = verdict(["./app"], "clippy-warnings", .exited(code: 3))
        #expect(plain.reason == .exitStatus)
        #expect(plain.message == "expected exit status 0, but it exited with 3")
    }

    @Test func anExpectedNonZeroExitIsNoFailure() {
        let result = verdict(["./t"], "rustc-test", .exited(code: 101), expect: StepExpectation(exit: .nonzero))
        #expect(result.passed)
    }

    @Test func resultsStoredBeforeTheNewReasonsStillDecode() throws {
        let old =
            #"{"lessonID":"l","outcome":"failed","reason":"compileError","message":"compile error: x","steps":[],"missingTools":[],"brokenTools":[],"answers":[],"duration":0,"fromCache":false}"#
        let result = try JSONDecoder().decode(CheckResult.self, from: Data(old.utf8))
        #expect(result.failingTests == nil && result.panic == nil && result.lint == nil)
        #expect(result.outcomeLabel == "failed (compile error)")
        var new = verdict(["go", "test", "./..."], "go-test-failing", .exited(code: 1))
        new.steps = []
        #expect(try JSONDecoder().decode(CheckResult.self, from: JSONEncoder().encode(new)) == new)
    }
}
