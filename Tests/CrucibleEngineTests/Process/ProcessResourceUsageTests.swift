import Foundation
import Testing

@testable import CrucibleEngine

/// Each run's CPU time and peak memory, from wait4's rusage, and the one text that shows them.
struct ProcessResourceUsageTests {
    /// Touches `megabytes` MiB page by page, so they are resident, then exits.
    static let allocator = """
        #include <stdlib.h>
        #include <string.h>
        int main(int argc, char **argv) {
            size_t size = (size_t)atoi(argv[1]) << 20;
            char *block = malloc(size);
            if (!block) return 1;
            memset(block, 1, size);
            return block[size - 1] == 1 ? 0 : 2;
        }
        """
    /// Spins until its own CPU clock passes `argv[1]` milliseconds, whatever the load. It reads
    /// the clock (a system call) only every million spins, so nearly all of it is user time.
    static let burner = """
        #include <stdlib.h>
        #include <time.h>
        int main(int argc, char **argv) {
            clock_t until = (clock_t)atoi(argv[1]) * (CLOCKS_PER_SEC / 1000);
            volatile unsigned long spins = 0;
            do {
                for (int i = 0; i < 1000000; i++) spins++;
            } while (clock() < until);
            return 0;
        }
        """

    func run(_ executable: String, _ arguments: [String]) async -> ProcessResult {
        await ProcessRunner().run(
            ProcessInvocation(executable: executable, arguments: arguments, timeout: .seconds(30), limits: .none))
    }

    @Test func peakMemoryCountsWhatTheProgramTouched() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let program = try await TestTools.compileC(Self.allocator, named: "allocate", in: directory)
        let result = await run(program, ["50"])
        #expect(result.termination == .exited(code: 0))
        let usage = try #require(result.usage)
        #expect(usage.peakMemoryBytes >= 40 << 20, "peak \(usage.peakMemoryBytes) bytes")
    }

    @Test func aForkingStepCountsTheChildrenItWaitedFor() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let program = try await TestTools.compileC(Self.allocator, named: "allocate", in: directory)
        // `; true` keeps sh from exec'ing the program in its place: sh forks and waits for it.
        let result = await run("sh", ["-c", "'\(program)' 50; true"])
        #expect(result.termination == .exited(code: 0))
        let usage = try #require(result.usage)
        #expect(usage.peakMemoryBytes >= 40 << 20, "peak \(usage.peakMemoryBytes) bytes")
    }

    @Test func cpuTimeCountsUserTimeOfTheStepAndItsWaitedChildren() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let program = try await TestTools.compileC(Self.burner, named: "burn", in: directory)
        for result in [await run(program, ["300"]), await run("sh", ["-c", "'\(program)' 300; true"])] {
            #expect(result.termination == .exited(code: 0))
            let usage = try #require(result.usage)
            #expect(usage.userSeconds > 0.2, "user \(usage.userSeconds) s")
            #expect(usage.cpuSeconds == usage.userSeconds + usage.systemSeconds)
        }
    }

    @Test func aProgramThatNeverStartedHasNoUsage() async {
        let result = await run("crucible-no-such-tool", [])
        #expect(result.usage == nil)
    }

    @Test(arguments: [
        (
            ResourceUsage(userSeconds: 0.38, systemSeconds: 0.03, peakMemoryBytes: 12_897_485),
            "peak 12.3 MiB, CPU 0.41 s (user 0.38 + sys 0.03)"
        ),
        (ResourceUsage(userSeconds: 0, systemSeconds: 0, peakMemoryBytes: 1 << 20), "peak 1 MiB, CPU 0.00 s (user 0.00 + sys 0.00)"),
        (ResourceUsage(userSeconds: 1.5, systemSeconds: 0.25, peakMemoryBytes: 800), "peak 800 bytes, CPU 1.75 s (user 1.50 + sys 0.25)"),
    ])
    func usageText(usage: ResourceUsage, text: String) {
        #expect(usage.text == text)
    }

    @Test func aStepReportSavedBeforeUsageWasRecordedStillDecodes() throws {
        let saved = """
            {"name":"run","command":["sh"],"exitCode":0,"termination":"exited with code 0","duration":0.5,
             "stdout":"","stderr":"","passed":true}
            """
        let report = try JSONDecoder().decode(StepReport.self, from: Data(saved.utf8))
        #expect(report.usage == nil)
        #expect(report.name == "run")
    }

    @Test func aStepReportCarriesItsUsageThroughJSON() throws {
        var report = StepReport(
            name: "run", command: ["sh"], exitCode: 0, signal: nil, termination: "exited with code 0", duration: 0.5,
            stdout: "", stderr: "", passed: true)
        report.usage = ResourceUsage(userSeconds: 0.25, systemSeconds: 0.125, peakMemoryBytes: 4096)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"peakMemoryBytes\":4096"))
        #expect(try JSONDecoder().decode(StepReport.self, from: Data(json.utf8)) == report)
    }
}
