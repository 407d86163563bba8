import Foundation
import Testing

@testable import CrucibleEngine

/// Real output of test runners, runtimes and linters, captured into
/// `Fixtures/test-runners` (its README says how each was made).
enum CapturedRun {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/test-runners")

    static func stdout(_ name: String) -> String { read(name + ".stdout.txt") }
    static func stderr(_ name: String) -> String { read(name + ".stderr.txt") }
    /// Both streams, as the parsers read them.
    static func output(_ name: String) -> String { stdout(name) + "\n" + stderr(name) }

    private static func read(_ file: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
    }
}

struct TestRunReportTests {
    @Test func fixturesAreThere() {
        #expect(CapturedRun.stdout("go-test-failing").contains("--- FAIL"))
    }

    @Test func goTestNamesEachFailingTestAndLeafSubtest() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("go-test-failing")))
        #expect(report.runner == .goTest)
        #expect(report.failures.map(\.name) == ["TestParse", "TestSplit/two"])
        #expect(report.failures[0].message == #"Parse("a b") = 3, want 2"#)
        #expect(report.failures[0].location == FileLocation(file: "words_test.go", line: 7))
        #expect(report.failures[1].message == #"Split("a,b") has 1 parts, want 2"#)
        #expect(report.failures[1].location == FileLocation(file: "words_test.go", line: 14))
    }

    @Test func goTestRaceIsATestFailureWhoseMessageSaysRace() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("go-test-race")))
        #expect(report.failures.map(\.name) == ["TestCount"])
        #expect(report.failures[0].message == "race detected during execution of test")
    }

    @Test func rustcTestBinaryListsFailuresWithAssertionAndPlace() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("rustc-test")))
        #expect(report.runner == .rustTest)
        #expect(report.failures.map(\.name) == ["tests::adds_two_numbers", "tests::doubles"])
        #expect(report.failures[0].message == "assertion `left == right` failed\nleft: -1\nright: 5")
        #expect(report.failures[0].location == FileLocation(file: "lib.rs", line: 15, column: 9))
        #expect(report.failures[1].message == "double(&[1]) should be [2]")
        #expect(report.failures[1].location == FileLocation(file: "lib.rs", line: 20, column: 9))
    }

    @Test func cargoTestReadsLikeRustc() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("cargo-test-failing")))
        #expect(report.runner == .rustTest)
        #expect(report.failures.map(\.name) == ["tests::adds_two_numbers", "tests::doubles"])
        #expect(report.failures[0].location == FileLocation(file: "src/lib.rs", line: 15, column: 9))
    }

    @Test func pytestTakesTheEExplanationAndPlace() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("pytest")))
        #expect(report.runner == .pytest)
        #expect(report.failures.map(\.name) == ["test_two_words", "test_empty"])
        #expect(report.failures[0].message == "AssertionError: assert 3 == 2\n+  where 3 = count_words('a  b')")
        #expect(report.failures[0].location == FileLocation(file: "test_pwords.py", line: 5))
        #expect(report.failures[1].message.hasPrefix("AssertionError: an empty text has no words"))
        #expect(report.failures[1].location == FileLocation(file: "test_pwords.py", line: 9))
    }

    @Test func unittestTakesTheExceptionAndTheLastFrame() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("unittest")))
        #expect(report.runner == .unittest)
        #expect(report.failures.map(\.name) == ["test_empty", "test_two_words"])
        #expect(report.failures[0].message == "AssertionError: 1 != 0 : an empty text has no words")
        #expect(report.failures[0].location == FileLocation(file: "/tmp/cap/py/test_words.py", line: 11))
        #expect(report.failures[1].message == "AssertionError: 3 != 2")
    }

    @Test func swiftTestListsXCTestThenSwiftTestingFailures() throws {
        let report = try #require(TestRunOutput.parse(CapturedRun.output("swift-test")))
        #expect(report.runner == .xcTest)
        #expect(report.failures.map(\.name) == ["WordsXCTests.testEmpty", "twoWords()"])
        #expect(report.failures[0].message.hasPrefix(#"XCTAssertEqual failed: ("1") is not equal to ("0")"#))
        #expect(report.failures[0].location?.line == 7)
        #expect(report.failures[1].message == #"Expectation failed: (countWords("a  b") → 3) == 2"#)
        #expect(report.failures[1].location == FileLocation(file: "WordsTests.swift", line: 6, column: 5))
    }

    @Test func darwinXCTestNamesTheSuiteAndTest() throws {
        // Hand-written: XCTest's Darwin form (`-[Module.Suite test]`) cannot be produced on Linux.
        let line =
            "/src/Tests/WordsTests.swift:12: error: -[WordsTests.WordsTests testEmpty] : XCTAssertEqual failed: (\"1\") is not equal to (\"0\")"
        let report = try #require(TestRunOutput.parse(line))
        #expect(report.failures.map(\.name) == ["WordsTests.testEmpty"])
        #expect(report.failures[0].location?.line == 12)
    }

    @Test func outputWithoutFailingTestsHasNone() {
        #expect(TestRunOutput.parse(CapturedRun.output("go-run-panic")) == nil)
        #expect(TestRunOutput.parse(CapturedRun.output("cargo-test-build-error")) == nil)
        #expect(TestRunOutput.parse(CapturedRun.output("go-test-build-error")) == nil)
        #expect(TestRunOutput.parse("running 1 test\ntest t ... ok\n\ntest result: ok. 1 passed") == nil)
    }
}

struct RuntimePanicTests {
    @Test func goPanicPointsAtTheLearnerFrame() throws {
        let panic = try #require(RuntimePanic.first(in: CapturedRun.output("go-run-panic"), learnerFiles: ["main.go"]))
        #expect(panic.language == .go)
        #expect(panic.message == "runtime error: index out of range [5] with length 3")
        #expect(panic.location == FileLocation(file: "/tmp/cap/gopanic/main.go", line: 8))
    }

    @Test func goTestPanicSkipsTheTestingFramesAndRecoveredMark() throws {
        let panic = try #require(RuntimePanic.first(in: CapturedRun.output("go-test-panic"), learnerFiles: ["words.go"]))
        #expect(panic.message == "runtime error: index out of range [0] with length 0")
        #expect(panic.location == FileLocation(file: "/tmp/cap/gotestpanic/words.go", line: 3))
    }

    @Test func rustPanicNamesThreadPlaceAndMessage() throws {
        let panic = try #require(RuntimePanic.first(in: CapturedRun.output("cargo-run-panic"), learnerFiles: ["src/main.rs"]))
        #expect(panic.language == .rust)
        #expect(panic.thread == "main")
        #expect(panic.message == "index out of bounds: the len is 3 but the index is 5")
        #expect(panic.location == FileLocation(file: "src/main.rs", line: 4, column: 26))
    }

    @Test func rustPanicBefore173IsOneLine() throws {
        // Hand-written: the form rustc before 1.73 printed; the installed rustc prints the new one.
        let panic = try #require(
            RuntimePanic.first(in: "thread 'main' panicked at 'attempt to divide by zero', src/main.rs:3:5", learnerFiles: []))
        #expect(panic.message == "attempt to divide by zero")
        #expect(panic.location == FileLocation(file: "src/main.rs", line: 3, column: 5))
    }

    @Test func swiftFatalErrorInTheLearnersFile() throws {
        let panic = try #require(RuntimePanic.first(in: CapturedRun.output("swift-fatal-error"), learnerFiles: ["fatal.swift"]))
        #expect(panic.language == .swift)
        #expect(panic.message == "not a text file: notes.md")
        #expect(panic.location == FileLocation(file: "fatal.swift", line: 2))
    }

    @Test func swiftFatalErrorInTheStandardLibraryHasNoLearnerPlaceWithoutDebugInfo() throws {
        let panic = try #require(RuntimePanic.first(in: CapturedRun.output("swift-index-out-of-range"), learnerFiles: ["main.swift"]))
        #expect(panic.message == "Index out of range")
        #expect(panic.location == nil)
    }

    @Test func noPanicInATestFailureOrRace() {
        #expect(RuntimePanic.first(in: CapturedRun.output("go-test-failing"), learnerFiles: []) == nil)
        #expect(RuntimePanic.first(in: CapturedRun.output("go-run-race"), learnerFiles: []) == nil)
    }
}

struct LintFindingsTests {
    @Test func clippyDenyWarningsLeadsWithTheFirstLint() throws {
        let findings = LintFindings.failing(output: CapturedRun.stderr("clippy-deny-warnings"))
        #expect(findings.count == 2)
        let first = try #require(findings.first)
        #expect(first.tool == "clippy")
        #expect(first.lint == "clippy::needless_range_loop")
        #expect(first.message == "the loop variable `i` is only used to index `values`")
        #expect(first.location == FileLocation(file: "main.rs", line: 4, column: 14))
        #expect(findings[1].lint == "clippy::useless_vec")
    }

    @Test func clippyWarningsAloneFailNothing() {
        #expect(LintFindings.failing(output: CapturedRun.stderr("clippy-warnings")).isEmpty)
    }

    @Test func werrorOfClangAndGcc() throws {
        let clang = try #require(LintFindings.failing(output: CapturedRun.stderr("clang-werror")).first)
        #expect(clang.tool == "clang")
        #expect(clang.lint == "-Wunused-variable")
        #expect(clang.message == "unused variable 'unused'")
        #expect(clang.location == FileLocation(file: "main.c", line: 4, column: 9))
        let gcc = try #require(LintFindings.failing(output: CapturedRun.stderr("gcc-werror")).first)
        #expect(gcc.tool == "gcc")
        #expect(gcc.lint == "-Wunused-variable")
        #expect(gcc.message == "unused variable ‘unused’")
    }

    @Test func goVet() throws {
        let finding = try #require(LintFindings.failing(output: CapturedRun.output("go-vet"), goVet: true).first)
        #expect(finding.tool == "go vet")
        #expect(finding.message == "fmt.Sprintf format %s has arg n of wrong type int")
        #expect(finding.location == FileLocation(file: "./words.go", line: 5, column: 38))
    }

    @Test func aPlainCompileErrorIsNoLint() {
        #expect(LintFindings.failing(output: CapturedRun.output("cargo-test-build-error")).isEmpty)
        let mixed =
            "main.c:3:5: error: use of undeclared identifier 'x'\nmain.c:4:9: error: unused variable 'y' [-Werror,-Wunused-variable]"
        #expect(LintFindings.failing(output: mixed).isEmpty)
    }
}

struct BuildPhaseTests {
    private func phase(_ program: String, _ arguments: [String], _ name: String) -> BuildPhase {
        BuildPhase.of(program: program, arguments: arguments, stdout: CapturedRun.stdout(name), stderr: CapturedRun.stderr(name))
    }

    @Test func goTellsBuildFromRun() {
        #expect(phase("go", ["test", "./..."], "go-test-failing") == .run)
        #expect(phase("go", ["test", "-race", "."], "go-test-race") == .run)
        #expect(phase("go", ["test", "."], "go-test-panic") == .run)
        #expect(phase("go", ["test", "."], "go-test-build-error") == .build)
        #expect(phase("go", ["test", "."], "go-test-vet") == .build)
        #expect(phase("go", ["run", "."], "go-run-panic") == .run)
        #expect(phase("go", ["run", "-race", "."], "go-run-race") == .run)
        #expect(phase("go", ["build", "."], "go-run-panic") == .build)
    }

    @Test func cargoAndSwiftTellBuildFromRun() {
        #expect(phase("cargo", ["test", "--offline"], "cargo-test-failing") == .run)
        #expect(phase("cargo", ["test", "--offline"], "cargo-test-build-error") == .build)
        #expect(phase("cargo", ["run", "--offline"], "cargo-run-panic") == .run)
        #expect(phase("swift", ["test"], "swift-test") == .run)
        #expect(BuildPhase.of(program: "swift", arguments: ["test"], stdout: "", stderr: "error: emit-module command failed") == .build)
    }

    @Test func goTestVetFailureIsToldFromACompileError() {
        #expect(BuildPhase.goTestVetFailed(CapturedRun.output("go-test-vet")))
        #expect(!BuildPhase.goTestVetFailed(CapturedRun.output("go-test-build-error")))
        // A package without internal tests has a bare header for a compile error too.
        #expect(!BuildPhase.goTestVetFailed("# example.com/words\n./words.go:3:44: undefined: x\n"))
    }
}
