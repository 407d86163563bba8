import Foundation
import Testing

@testable import CrucibleEngine

/// Output names the learner's files in their workspace, never the removed scratch folder
/// (`$TMPDIR/crucible-check-XXXX/…`): sanitizer reports, stack traces and any step's output.
@Suite struct ScratchPathTests {
    static func has(_ tool: String) -> Bool {
        ExecutableLookup.resolve(tool, path: ProcessInfo.processInfo.environment["PATH"]) != nil
    }

    /// Every text of `result` as `--json` prints it.
    static func json(_ result: CheckResult) throws -> String {
        String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
    }

    /// Writes `files` into a fresh folder standing for the learner's workspace.
    static func workspace(_ files: [String: String]) throws -> URL {
        let folder = try temporaryFolder()
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    static let users = """
        #include <stdlib.h>

        int lookup(void) {
            int *ids = malloc(4 * sizeof *ids);
            ids[0] = 7;
            free(ids);
            return ids[0];
        }

        """

    @Test(.enabled(if: has("clang"))) func anAddressSanitizerReportNamesTheLearnersFileInTheWorkspace() async throws {
        let lesson = try TemporaryLesson(
            starter: ["users.c": Self.users],
            hidden: ["harness.c": "int lookup(void);\nint main(void) {\n    return lookup();\n}\n"],
            steps: [
                CheckStep(
                    name: "build",
                    run: ["clang", "-g", "-fsanitize=address", "{sanitizer_link}", "-o", "{scratch}/app", "users.c", "harness.c"],
                    timeout: 120),
                CheckStep(
                    name: "run", run: ["{scratch}/app"], timeout: 60, env: ["ASAN_OPTIONS": "detect_leaks=0"],
                    expect: StepExpectation(sanitizerClean: true)),
            ])
        defer { lesson.remove() }
        let workspace = try Self.workspace(["users.c": Self.users])
        defer { try? FileManager.default.removeItem(at: workspace) }

        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, folder: workspace)
        #expect(result.reason == .sanitizerFinding, "\(result.message)")
        let finding = try #require(result.finding)
        #expect(finding.file == "users.c" && finding.line == 7, "\(finding)")
        #expect(finding.summary.hasSuffix(" at users.c:7:12"), "\(finding.summary)")
        #expect(finding.report.contains(" \(workspace.path)/users.c:7:12"), "\(finding.report)")
        // The hidden harness is not in the workspace: it is named without a folder.
        #expect(finding.report.contains(" harness.c:3"), "\(finding.report)")
        #expect(!finding.report.contains("\(workspace.path)/harness.c"), "\(finding.report)")
        // A program built into the scratch folder reads as run there.
        #expect(result.steps.last?.command == ["./app"], "\(result.steps.map(\.command))")
        #expect(result.steps.first?.command.suffix(4) == ["-o", "./app", "users.c", "harness.c"], "\(result.steps.map(\.command))")
        let json = try Self.json(result)
        #expect(!json.contains("crucible-check-"), "\(json)")
    }

    @Test func aStepsOutputNamesLearnerFilesInTheWorkspaceAndOthersRelatively() async throws {
        let lesson = try TemporaryLesson(
            starter: ["notes.txt": "x"], hidden: ["grade.sh": "exit 3\n"],
            steps: [
                shellStep(
                    "echo \"$PWD/notes.txt:2: bad\"; echo \"$(pwd -P)/notes.txt\"; echo \"at $PWD/grade.sh:1\" >&2; "
                        + "echo \"in $PWD\"; cat \"{scratch}/missing.txt\"; sh grade.sh",
                    expect: StepExpectation(exit: .code(0)))
            ])
        defer { lesson.remove() }
        let workspace = try Self.workspace(["notes.txt": "x"])
        defer { try? FileManager.default.removeItem(at: workspace) }

        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, folder: workspace)
        #expect(result.reason == .exitStatus, "\(result.message)")
        let step = try #require(result.steps.last)
        #expect(step.stdout == "\(workspace.path)/notes.txt:2: bad\n\(workspace.path)/notes.txt\nin .\n", "\(step.stdout)")
        #expect(step.stderr.contains("at grade.sh:1\n"), "\(step.stderr)")
        #expect(step.stderr.contains("missing.txt"), "\(step.stderr)")
        #expect(step.command.last?.contains("cat \"missing.txt\"") == true, "\(step.command)")
        #expect(!(try Self.json(result)).contains("crucible-check-"))

        // Without a workspace (a verify variant), a learner's file is named as in the lesson.
        let variant = await lesson.check(["notes.txt": "x"])
        #expect(variant.steps.last?.stdout == "notes.txt:2: bad\nnotes.txt\nin .\n", "\(variant.steps.last?.stdout ?? "")")
    }

    @Test(.enabled(if: has("go"))) func aGoPanicsTraceNamesTheLearnersFileInTheWorkspace() async throws {
        let main = "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n"
        let lesson = try TemporaryLesson(
            starter: ["main.go": main],
            steps: [
                CheckStep(
                    name: "run", run: ["go", "run", "main.go"],
                    timeout: 120,
                    env: ["GOCACHE": "{cache}/go-build", "GOPATH": "{scratch}/gopath", "GOTOOLCHAIN": "local", "GOFLAGS": ""],
                    expect: StepExpectation(exit: .code(0)))
            ])
        defer { lesson.remove() }
        let workspace = try Self.workspace(["main.go": main])
        defer { try? FileManager.default.removeItem(at: workspace) }

        let result = await CheckEngine(cache: nil, tools: ToolProbe()).check(lesson: lesson.lesson, folder: workspace)
        #expect(!result.passed)
        let stderr = try #require(result.steps.last?.stderr)
        #expect(stderr.contains("panic: assignment to entry in nil map"), "\(stderr)")
        #expect(stderr.contains("\t\(workspace.path)/main.go:5 "), "\(stderr)")
        #expect(!(try Self.json(result)).contains("crucible-check-"), "\(stderr)")
    }

    @Test func aCachedResultNamesTheWorkspaceItWasCheckedIn() async throws {
        let cacheFolder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let engine = CheckEngine(cache: CheckCache(folder: cacheFolder), tools: ToolProbe())
        let lesson = try TemporaryLesson(
            starter: ["notes.txt": "x"], steps: [shellStep("echo \"$PWD/notes.txt\"; exit 1", expect: StepExpectation(exit: .code(0)))])
        defer { lesson.remove() }
        let first = try Self.workspace(["notes.txt": "x"]), second = try Self.workspace(["notes.txt": "x"])
        defer { for folder in [first, second] { try? FileManager.default.removeItem(at: folder) } }

        for (folder, cached) in [(first, false), (second, false), (first, true)] {
            let result = await engine.check(lesson: lesson.lesson, folder: folder)
            #expect(result.fromCache == cached && result.reason == .exitStatus, "\(folder.path): \(result.message)")
            #expect(result.steps.last?.stdout == "\(folder.path)/notes.txt\n", "\(result.steps.last?.stdout ?? "")")
        }
    }

    @Test func onlyThisChecksFolderIsRewritten() {
        let paths = ScratchPaths(
            scratch: URL(fileURLWithPath: "/tmp/crucible-check-abc"), workspace: URL(fileURLWithPath: "/home/l/work"),
            learnerFiles: ["pkg/a.go"])
        #expect(
            paths.shown(
                "(/tmp/crucible-check-abc/pkg/a.go:3) /tmp/crucible-check-abcd/x /tmp/crucible-check-abc/b.go /tmp/crucible-check-abc")
                == "(/home/l/work/pkg/a.go:3) /tmp/crucible-check-abcd/x b.go .")
    }
}
