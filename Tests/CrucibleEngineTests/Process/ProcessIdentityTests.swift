import Foundation
import Testing

@testable import CrucibleEngine

/// Who a step runs as: the fork-bomb containment depends on it.
struct ProcessIdentityTests {
    let runner = ProcessRunner()

    func uidOfStep(limits: ResourceLimits, workingDirectory: String? = nil) async -> String {
        let result = await runner.run(
            ProcessInvocation(
                executable: "sh", arguments: ["-c", "id -u; touch written && echo wrote"],
                workingDirectory: workingDirectory, limits: limits))
        return result.stdoutText
    }

    @Test(.enabled(if: geteuid() == 0, "only root switches uid"))
    func rootWithProcessCapRunsUnderAFreshUIDThatOwnsTheScratchDirectory() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let lines = await uidOfStep(limits: ResourceLimits(processes: 8), workingDirectory: directory.path)
            .split(separator: "\n")
        let uid = try #require(lines.first.flatMap { UInt32($0) })
        #expect(uid != 0 && uid != 65534)
        #expect(lines.last == "wrote")  // the scratch directory was handed over
        let again = await uidOfStep(limits: ResourceLimits(processes: 8), workingDirectory: directory.path)
        #expect(again.split(separator: "\n").first.flatMap { UInt32($0) } != uid, "each step gets its own uid")
    }

    @Test func withoutProcessCapTheStepKeepsOurUID() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let output = await uidOfStep(limits: .toolchain, workingDirectory: directory.path)
        #expect(output == "\(geteuid())\nwrote\n")
    }

    @Test(.enabled(if: geteuid() == 0, "only root switches uid"))
    func unreadableProgramExplainsTheUIDSwitch() async throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let hidden = try ScratchDirectory()
        defer { hidden.remove() }
        let script = try hidden.write("tool", "#!/bin/sh\necho hi\n", executable: true)  // in a 0700 root dir
        let result = await runner.run(
            ProcessInvocation(
                executable: script, workingDirectory: directory.path, limits: ResourceLimits(processes: 8)))
        guard case .spawnFailed(let reason) = result.termination else {
            Issue.record("expected spawnFailed, got \(result.termination)")
            return
        }
        #expect(reason.hasPrefix("exec \(script): Permission denied (a process limit is set"))
    }

    @Test func threadCountOfOurUserIncludesThisProcess() {
        let ours = ProcTable.liveProcesses().first { $0.pid == getpid() }
        #expect(ours != nil)
        #expect(ProcTable.threadCount(ofUser: geteuid()) >= (ours?.threads ?? 1))
    }
}
