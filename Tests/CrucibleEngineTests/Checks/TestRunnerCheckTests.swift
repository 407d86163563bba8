import Foundation
import Testing

@testable import CrucibleEngine

/// Whole checks with a real test runner: a `rustc --test` binary and a Go program, through the
/// engine, so the reason and the learner's file names come out as `crucible check` shows them.
@Suite struct TestRunnerCheckTests {
    static func installed(_ tool: String) -> Bool {
        ExecutableLookup.resolve(tool, path: ProcessInfo.processInfo.environment["PATH"]) != nil
    }

    @Test(.enabled(if: installed("rustc"), "rustc is not installed"))
    func aRustcTestBinaryExiting101IsAFailingTestInTheLearnersFile() async throws {
        let source = """
            pub fn add(a: i32, b: i32) -> i32 {
                a - b
            }

            #[test]
            fn adds() {
                assert_eq!(add(2, 3), 5);
            }

            """
        let lesson = try TemporaryLesson(
            starter: ["lib.rs": source],
            steps: [
                CheckStep(name: "build", run: ["rustc", "--edition=2021", "--test", "-o", "{scratch}/tests", "lib.rs"], timeout: 120),
                CheckStep(name: "test", run: ["{scratch}/tests"], timeout: 30, env: ["RUST_BACKTRACE": "0"]),
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["lib.rs": source])
        #expect(result.outcomeLabel == "failed (failing test)", "\(result.message)")
        let test = try #require(result.failingTests?.tests.first)
        #expect(test.name == "adds")
        #expect(test.message == "assertion `left == right` failed\nleft: -1\nright: 5")
        #expect(test.file == "lib.rs" && test.line == 7)
        #expect(result.message == "1 test failed: adds at lib.rs:7:5: assertion `left == right` failed")
    }

    @Test(.enabled(if: installed("go"), "go is not installed"))
    func aGoRunPanicIsAPanicAtTheLearnersLine() async throws {
        let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvalues := []int{1, 2, 3}\n\tfmt.Println(values[len(values)])\n}\n"
        let lesson = try TemporaryLesson(
            starter: ["main.go": source],
            steps: [
                CheckStep(
                    name: "run", run: ["go", "run", "main.go"], timeout: 120,
                    env: ["GOCACHE": "{scratch}/go-build", "GOPATH": "{scratch}/gopath"])
            ])
        defer { lesson.remove() }
        let result = await lesson.check(["main.go": source])
        #expect(result.outcomeLabel == "failed (panic)", "\(result.message)")
        #expect(result.panic?.file == "main.go" && result.panic?.line == 7)
        #expect(result.message == "panic at main.go:7: runtime error: index out of range [3] with length 3")
    }
}
