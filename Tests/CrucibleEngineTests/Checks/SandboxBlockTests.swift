import Foundation
import Testing

@testable import CrucibleEngine

/// ``SandboxBlock``: a sandboxed check whose failed step ran into the fence says so plainly.
@Suite struct SandboxBlockTests {
    static let hidden = ["/home/learner", "/home", "/root", "/run/user", "/var/tmp"]
    static let shown = ["/root/.cargo/bin", "/root/.rustup"]

    @Test(arguments: [
        // dash, Go, Rust and Python say EROFS their own way.
        ("write.sh: 1: cannot create /home/learner/x: Read-only file system", SandboxBlock.write),
        ("open /usr/lib/x: read-only file system", .write),
        ("Error: Read-only file system (os error 30)", .write),
        ("reach.sh: connect: Network is unreachable", .network),
        ("dial tcp 192.0.2.1:80: connect: network is unreachable", .network),
        ("curl: (6) Could not resolve host: example.org: Temporary failure in name resolution", .network),
        ("signal.sh: 2: kill: No such process", .signal),
        ("bash: kill: (12345) - No such process", .signal),
        ("ProcessLookupError: [Errno 3] No such process", .signal),
        ("cat: /home/learner/secret.txt: No such file or directory", .hidden),
        ("open '/root/.ssh/id_ed25519': No such file or directory", .hidden),
        ("fopen(/var/tmp/notes): No such file or directory", .hidden),
    ])
    func eachErrorTheFenceCausesIsRecognised(output: String, block: SandboxBlock) {
        #expect(SandboxBlock.recognise(output: "some output first\n" + output + "\n", hidden: Self.hidden, shown: Self.shown) == block)
    }

    @Test(arguments: [
        "",
        "FAIL: sum(3) = 5, expected 6",
        // Missing files outside the hidden folders are the learner's own.
        "cat: input.txt: No such file or directory",
        "cat: /tmp/crucible-scratch/data.txt: No such file or directory",
        // A folder named like a hidden one deeper in another path is not hidden.
        "cat: /tmp/test/home/secret.txt: No such file or directory",
        "cat: /homework/a.txt: No such file or directory",
        // A toolchain shown again inside a hidden folder is there; what is missing in it is missing.
        "/root/.cargo/bin/cargo-clippy: No such file or directory",
        // A hidden path named without the error is not a block.
        "reading /home/learner/notes.txt",
    ])
    func otherFailuresAreNotBlamedOnTheSandbox(output: String) {
        #expect(SandboxBlock.recognise(output: output, hidden: Self.hidden, shown: Self.shown) == nil)
    }

    @Test func theSentenceIsAddedOnceFromTheFailedStepsOutputOnly() {
        let sandbox = Sandbox(bubblewrap: "/usr/bin/bwrap", hidden: Self.hidden, shown: Self.shown)
        func step(_ name: String, stderr: String, passed: Bool) -> StepReport {
            StepReport(
                name: name, command: ["sh"], exitCode: passed ? 0 : 2, signal: nil, termination: "", duration: 0,
                stdout: "", stderr: stderr, passed: passed)
        }
        var result = CheckResult(
            lessonID: "t", outcome: .failed, reason: .exitStatus, message: "expected exit status 0, but it exited with 2")
        result.steps = [
            step("build", stderr: "cannot remove /usr/x: Read-only file system", passed: true), step("run", stderr: "", passed: false),
        ]
        #expect(SandboxBlock.explained(result, sandbox: sandbox) == result.message)

        result.steps[1].stderr = "run.sh: 1: cannot create /home/learner/x: Read-only file system\n"
        #expect(
            SandboxBlock.explained(result, sandbox: sandbox)
                == "expected exit status 0, but it exited with 2. The sandbox blocked this: a check may write only to its scratch folder and build cache (--no-sandbox or CRUCIBLE_NO_SANDBOX=1 runs it unfenced)."
        )
        result.message = "stopped."
        #expect(SandboxBlock.explained(result, sandbox: sandbox) == "stopped. " + SandboxBlock.write.sentence)
    }

    /// The engine adds the sentence only to a check it ran in the sandbox: unfenced, the same
    /// words in the output are the program's own business.
    @Test func onlyASandboxedCheckBlamesTheSandbox() async throws {
        let step = shellStep("echo 'run.sh: 1: cannot create /x: Read-only file system' >&2; exit 2")
        let lesson = try TemporaryLesson(starter: ["x": ""], steps: [step])
        defer { lesson.remove() }
        let unfenced = await lesson.check(["x": ""])
        #expect(unfenced.outcome == .failed)
        #expect(!unfenced.message.contains("The sandbox blocked this"), "\(unfenced.message)")

        guard case .on(let sandbox) = SandboxStatus.detect() else { return }
        let fenced = await lesson.check(["x": ""], engine: CheckEngine(cache: nil, tools: ToolProbe(), sandbox: sandbox))
        #expect(fenced.outcome == .failed)
        #expect(fenced.message.hasSuffix(SandboxBlock.write.sentence), "\(fenced.message)")
    }
}
