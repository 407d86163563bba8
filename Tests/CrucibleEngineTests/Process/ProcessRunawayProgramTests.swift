import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// Real misbehaving programs, compiled with clang at test time, each of which must be stopped
/// within its deadline + grace + 5 s, classified, and leave no process of its group behind.
/// Serialized: several busy loops and a fork bomb at once would starve a two-core machine
/// and make the timing bounds measure the scheduler instead of the runner.
@Suite(.serialized, .enabled(if: TestTools.has("clang"), "clang is not on PATH"))
struct ProcessRunawayProgramTests {
    let runner = ProcessRunner()

    /// Compiles `source`, runs it with `limits`, and checks containment.
    func runC(
        _ source: String, timeout: Duration = .seconds(1), grace: Duration = .milliseconds(300),
        limits: ResourceLimits = .learnerProgram, outputCap: Int = 1 << 20
    ) async throws -> ProcessResult {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let binary = try await TestTools.compileC(source, named: "program", in: directory)
        let result = await runner.run(
            ProcessInvocation(
                executable: binary, workingDirectory: directory.path, timeout: timeout, grace: grace,
                limits: limits, outputCap: outputCap))
        // Each program would run forever, so any finite bound shows it was stopped; the slack is for
        // a loaded two-core machine (a fork bomb took deadline + grace + 1.4 s during a CI run).
        expectContained(result, within: timeout + grace + .seconds(5))
        return result
    }

    @Test func infiniteLoopTimesOut() async throws {
        let result = try await runC("int main(void) { for (;;) {} }")
        #expect(result.termination == .timedOut)
        #expect(result.limitHit == nil)
    }

    @Test func cpuLimitStopsBusyLoopWithSIGXCPU() async throws {
        // The wall-clock deadline is far beyond the CPU limit: on a loaded machine one
        // CPU-second can take several seconds of wall time, and the CPU limit must win.
        let result = try await runC(
            "int main(void) { for (;;) {} }", timeout: .seconds(30),
            limits: ResourceLimits(cpuSeconds: 1))
        #expect(result.termination == .signaled(signal: SIGXCPU, name: "SIGXCPU"))
        #expect(result.limitHit == .cpuTime)
    }

    @Test func twoHundredMegabytesToStdoutIsCutAndStopped() async throws {
        let result = try await runC(
            """
            #include <string.h>
            #include <unistd.h>
            int main(void) {
                static char block[1 << 16];
                memset(block, 'x', sizeof block);
                for (long written = 0; written < 200L * 1000 * 1000; written += sizeof block) {
                    if (write(1, block, sizeof block) < 0) return 1;
                }
                return 0;
            }
            """, timeout: .seconds(5))
        #expect(result.stdoutTruncated)
        #expect(result.stdout.count == (1 << 20) + ProcessResult.cutMarker(cap: 1 << 20).utf8.count)
        #expect(result.stdoutText.hasSuffix("\n[output cut at 1 MiB]"))
        #expect(result.termination == .signaled(signal: SIGKILL, name: "SIGKILL"))
        #expect(result.limitHit == .output)
    }

    @Test func forkBombIsCappedAndSwept() async throws {
        let result = try await runC(
            """
            #include <unistd.h>
            int main(void) { for (;;) fork(); }
            """, timeout: .seconds(1), limits: ResourceLimits(cpuSeconds: 5, processes: 64))
        #expect(result.termination == .timedOut)
        #expect(result.limitHit == .processes)
    }

    @Test func childIgnoringSIGTERMIsKilledAfterGrace() async throws {
        let result = try await runC(
            """
            #include <signal.h>
            #include <unistd.h>
            int main(void) { signal(SIGTERM, SIG_IGN); for (;;) pause(); }
            """, timeout: .milliseconds(500), grace: .milliseconds(300))
        #expect(result.termination == .timedOut)
        #expect(result.duration >= .milliseconds(800))
    }

    @Test func backgroundGrandchildDoesNotOutliveTheStep() async throws {
        // The grandchild keeps stdout open; the run must still end as soon as the child exits.
        let result = try await runC(
            """
            #include <stdio.h>
            #include <unistd.h>
            int main(void) {
                puts("started");
                fflush(stdout);
                if (fork() == 0) { sleep(60); return 0; }
                return 0;
            }
            """, timeout: .seconds(10))
        #expect(result.termination == .exited(code: 0))
        #expect(result.stdoutText == "started\n")
        #expect(result.duration < .seconds(1))
    }

    @Test func grandchildThatLeftTheGroupCannotHoldTheRunOpen() async throws {
        // setsid takes the grandchild out of the process group, out of reach of killpg, while it
        // keeps stdout open: the run must still end within the drain bound.
        let result = try await runC(
            """
            #include <stdio.h>
            #include <unistd.h>
            int main(void) {
                pid_t child = fork();
                if (child == 0) { setsid(); sleep(60); return 0; }
                printf("%d\\n", child);
                return 0;
            }
            """, timeout: .seconds(10))
        #expect(result.termination == .exited(code: 0))
        #expect(result.duration < .seconds(1))
        // As root the step ran under its own uid, and the runner kills everything of that uid.
        let escapee = try #require(Int32(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
        if geteuid() == 0 {
            let gone = await poll(timeout: .seconds(2), interval: .milliseconds(10)) {
                !ProcTable.liveProcesses().contains { $0.pid == escapee }
            }
            #expect(gone, "escapee \(escapee) survived")
        }
    }

    @Test func programReadingStdinSeesEndOfFile() async throws {
        let result = try await runC(
            """
            #include <stdio.h>
            int main(void) {
                char line[64];
                if (fgets(line, sizeof line, stdin) == NULL) { puts("eof"); return 3; }
                return 0;
            }
            """, timeout: .seconds(5))
        #expect(result.termination == .exited(code: 3))
        #expect(result.stdoutText == "eof\n")
        #expect(result.duration < .seconds(1))
    }

    @Test func segfaultIsReportedAsSIGSEGV() async throws {
        let result = try await runC(
            """
            int main(void) { volatile int *nowhere = 0; *nowhere = 1; return 0; }
            """)
        #expect(result.termination == .signaled(signal: SIGSEGV, name: "SIGSEGV"))
        #expect(result.limitHit == nil)
    }

    @Test func unboundedAllocationHitsMemoryLimit() async throws {
        // Like most learner code, it never checks malloc's result: it crashes writing through NULL.
        let result = try await runC(
            """
            #include <stdlib.h>
            #include <string.h>
            int main(void) { for (;;) memset(malloc(1 << 20), 1, 1 << 20); }
            """, timeout: .seconds(5), limits: ResourceLimits(memoryBytes: 256 << 20))
        #expect(result.termination == .signaled(signal: SIGSEGV, name: "SIGSEGV"))
        #expect(result.limitHit == .memory)
    }

    @Test func allocationFailureMessageCountsAsMemoryLimit() async throws {
        let result = try await runC(
            """
            #include <stdio.h>
            #include <stdlib.h>
            int main(void) {
                for (;;) { if (!malloc(1 << 20)) { fputs("fatal: out of memory\\n", stderr); return 1; } }
            }
            """, timeout: .seconds(5), limits: ResourceLimits(memoryBytes: 256 << 20))
        #expect(result.termination == .exited(code: 1))
        #expect(result.limitHit == .memory)
    }

    @Test func fileSizeLimitRaisesSIGXFSZ() async throws {
        let result = try await runC(
            """
            #include <stdio.h>
            int main(void) {
                FILE *file = fopen("big.txt", "w");
                for (;;) fputs("0123456789abcdef", file);
            }
            """, timeout: .seconds(5), limits: ResourceLimits(fileSizeBytes: 1 << 20))
        #expect(result.termination == .signaled(signal: SIGXFSZ, name: "SIGXFSZ"))
        #expect(result.limitHit == .fileSize)
    }
}
