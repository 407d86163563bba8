import Foundation
import Testing

@testable import CrucibleEngine

/// The runner's ordinary behaviour: starting, failing to start, output, environment, cancellation, cost.
struct ProcessRunnerTests {
    let runner = ProcessRunner()

    func shell(
        _ script: String, timeout: Duration = .seconds(5), outputCap: Int = 1 << 20,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil
    ) async -> ProcessResult {
        await runner.run(
            ProcessInvocation(
                executable: "sh", arguments: ["-c", script], environment: environment,
                workingDirectory: workingDirectory, timeout: timeout, outputCap: outputCap))
    }

    @Test func exitCodeAndBothStreamsAreCaptured() async {
        let result = await shell("echo out; echo err >&2; exit 7")
        #expect(result.termination == .exited(code: 7))
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
        #expect(!result.stdoutTruncated && !result.stderrTruncated)
        #expect(liveGroupMembers(result.processGroupID) == [])
    }

    @Test func missingToolIsReportedByName() async {
        let result = await runner.run(ProcessInvocation(executable: "crucible-no-such-tool"))
        #expect(result.termination == .toolMissing(name: "crucible-no-such-tool"))
        #expect(result.termination.summary == "tool missing: crucible-no-such-tool")
    }

    @Test func missingPathIsReportedAsMissingTool() async {
        let result = await runner.run(ProcessInvocation(executable: "/nonexistent/bin/tool"))
        #expect(result.termination == .toolMissing(name: "/nonexistent/bin/tool"))
    }

    @Test func execFailureArrivesThroughTheErrnoPipe() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let script = try directory.write("script", "#!/nonexistent/interpreter\n", executable: true)
        let result = await runner.run(ProcessInvocation(executable: script, limits: .none))
        #expect(result.termination == .spawnFailed(reason: "exec \(script): No such file or directory"))
    }

    @Test func missingWorkingDirectoryFailsToSpawn() async {
        let result = await runner.run(ProcessInvocation(executable: "true", workingDirectory: "/nonexistent/dir", limits: .none))
        #expect(result.termination == .spawnFailed(reason: "chdir /nonexistent/dir: No such file or directory"))
    }

    @Test func environmentAndWorkingDirectoryAreApplied() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let result = await shell(
            "echo \"$GREETING\"; pwd", environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"],
            workingDirectory: directory.path)
        #expect(result.stdoutText == "hello\n\(directory.path)\n")
    }

    @Test func onlyStandardDescriptorsReachTheProgram() async {
        let result = await shell("ls /proc/self/fd")
        // 0, 1, 2, and the descriptor ls itself opened to read the directory.
        #expect(result.stdoutText.split(separator: "\n").count == 4, "\(result.stdoutText)")
    }

    @Test func largeOutputOnBothStreamsDoesNotDeadlock() async {
        // 300 KB on each stream, stderr first: a reader draining one pipe at a time would hang.
        let result = await shell("head -c 300000 /dev/zero >&2; head -c 300000 /dev/zero")
        #expect(result.termination == .exited(code: 0))
        #expect(result.stdout.count == 300_000)
        #expect(result.stderr.count == 300_000)
    }

    @Test func outputBeyondTheCapIsCutWithAMarker() async {
        let result = await shell("head -c 100000 /dev/zero | tr '\\0' a", outputCap: 64 << 10)
        #expect(result.termination == .exited(code: 0))
        #expect(result.stdoutTruncated)
        #expect(result.stdoutText == String(repeating: "a", count: 64 << 10) + "\n[output cut at 64 KiB]")
    }

    @Test func cancellingTheTaskKillsTheGroupPromptly() async {
        let runner = self.runner
        let marker = "crucible-cancel-\(UUID().uuidString)"
        let task = Task {
            await runner.run(ProcessInvocation(executable: "sh", arguments: ["-c", "sleep 300", marker], timeout: .seconds(600)))
        }
        // Generous waits: other tests running in parallel may hold the cooperative threads a while.
        #expect(await waitForProcess(withMarker: marker, upTo: .seconds(60)))
        task.cancel()
        let result = await task.value
        #expect(result.termination == .cancelled)
        // Well before the program's own 300 s: the cancel, not the program, ended it.
        expectContained(result, within: .seconds(120))
    }

    @Test func preCancelledTokenRunsNothing() {
        let token = ProcessCancellation()
        token.cancel()
        let result = runner.run(ProcessInvocation(executable: "true"), cancellation: token)
        #expect(result.termination == .cancelled)
        #expect(result.processGroupID == 0)
    }

    /// The runner's own cost per program, printed for `scripts/bench-check`: a figure, not a test
    /// (timings on a shared two-core machine cannot be asserted reliably).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CRUCIBLE_BENCH_CHECK"] != nil))
    func runnerOverheadOverSpawningDirectly() throws {
        let rounds = 30
        let clock = ContinuousClock()
        let direct = clock.measure {
            for _ in 0..<rounds {
                var pid: pid_t = 0
                let argv: [UnsafeMutablePointer<CChar>?] = [strdup("true"), nil]
                defer { free(argv[0]) }
                _ = posix_spawn(&pid, "/bin/true", nil, nil, argv, environ)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
            }
        }
        let invocation = ProcessInvocation(executable: "/bin/true", limits: .none)
        let viaRunner = clock.measure {
            for _ in 0..<rounds { _ = runner.run(invocation) }
        }
        let overhead = (viaRunner - direct) / rounds
        print("runner overhead per /bin/true: \(overhead) (direct \(direct / rounds), runner \(viaRunner / rounds))")
    }
}
