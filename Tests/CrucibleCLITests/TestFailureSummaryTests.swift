import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check` on a lesson whose step is a real `go test`: a failing test is reported as a
/// failing test, named with its message and place, without `--verbose`.
@Suite(.serialized) struct TestFailureSummaryTests {
    /// A one-lesson course: `words.go` with a test file beside it, checked by `go test`.
    private func writeCourse(in folder: URL) throws -> URL {
        let course = folder.appendingPathComponent("course")
        func write(_ path: String, _ text: String) throws {
            let file = course.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try write("course.yml", "id: gotests\ntitle: Go tests\nwelcome: Go tests.\n")
        try write("01-go/track.yml", "id: go\ntitle: Go\nsummary: Tests.\n")
        try write(
            "01-go/01-words/lesson.md",
            """
            ---
            id: go.words
            title: Count words
            kind: code
            requires: [go]
            code:
              language: go
              starter: [words.go]
              solution: [words.go]
              hidden: [go.mod, words_test.go]
              steps:
                - name: test
                  run: [go, test, "."]
                  env:
                    GOCACHE: "{cache}/go-build"
                    GOPATH: "{scratch}/gopath"
                  timeout: 180
            ---
            Make `Count` count the words.

            """)
        try write("01-go/01-words/check/go.mod", "module example.com/words\n\ngo 1.19\n")
        try write(
            "01-go/01-words/check/words_test.go",
            """
            package words

            import "testing"

            func TestCount(t *testing.T) {
            \tif got := Count("a b"); got != 2 {
            \t\tt.Errorf("Count(\\"a b\\") = %d, want 2", got)
            \t}
            }

            """)
        let starter =
            "package words\n\nimport \"strings\"\n\n// Count counts the words in s.\nfunc Count(s string) int { return len(strings.Fields(s)) + 1 }\n"
        try write("01-go/01-words/starter/words.go", starter)
        try write("01-go/01-words/solution/words.go", starter.replacingOccurrences(of: " + 1 }", with: " }"))
        return course
    }

    /// Whether `go` is on PATH: without it the check stops before running anything.
    static let goInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/go")
    }

    @Test(.enabled(if: goInstalled, "needs go")) func aFailingGoTestIsNamedWithItsMessageWithoutVerbose() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = try writeCourse(in: folder)
        let environment = [
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
        let result = try CrucibleRunner.run(
            ["check", "go.words", "--lessons", course.path], environment: environment, timeout: 300)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        // The first check copies the starter and says so first.
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).drop { !$0.hasPrefix("✗") }
        #expect(lines.first?.hasPrefix("✗ failed (failing test)  go.words") == true, "\(result.stdout)")
        #expect(
            Array(lines.dropFirst().prefix(3)) == [
                "  1 test failed: TestCount", "    TestCount at words_test.go:7:", #"      Count("a b") = 3, want 2"#,
            ], "\(result.stdout)")
        #expect(result.stdout.contains("  test printed:\n    --- FAIL: TestCount"), "\(result.stdout)")
        #expect(!result.stdout.contains("compile error"))

        let json = try CrucibleRunner.run(
            ["check", "go.words", "--lessons", course.path, "--json"], environment: environment, timeout: 300)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["reason"] as? String == "failingTest")
        let tests = try #require(object["failingTests"] as? [String: Any], "\(json.stdout)")
        #expect(tests["runner"] as? String == "go test")
        #expect((tests["tests"] as? [[String: Any]])?.first?["name"] as? String == "TestCount")
    }
}
