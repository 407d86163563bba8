import Foundation
import Testing
@testable import CrucibleEngine

/// Who a step runs as: the fork-bomb containment depends on it.
struct ProcessIdentityTests {
    let runner = ProcessRunner()

    func uidOfStep(limits: ResourceLimits, workingDirectory: String? = nil) async -> String {
        let result = await runner.run(ProcessInvocation(
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
    func programOnlyRootCanReachKeepsRootInsteadOfFailing() async throws {
        // Like a pyenv shim under /root: a fresh uid could not even exec it.
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let hidden = try ScratchDirectory()
        defer { hidden.remove() }
        let script = try hidden.write("tool", "#!/bin/sh\nid -u\n", executable: true)  // in a 0700 root dir
        #expect(!StepIdentity.isRunnableByOthers(script))
        let result = await runner.run(ProcessInvocation(
            executable: script, workingDirectory: directory.path, limits: ResourceLimits(processes: 8)))
        #expect(result.termination == .exited(code: 0), "\(result.termination) \(result.stderrText)")
        #expect(result.stdoutText == "0\n")
    }

    @Test func programsInPublicFoldersAreRunnableByOthers() {
        #expect(StepIdentity.isRunnableByOthers("/bin/sh"))
        #expect(!StepIdentity.isRunnableByOthers("/no/such/program"))
    }

    @Test func threadCountOfOurUserIncludesThisProcess() {
        let ours = ProcTable.liveProcesses().first { $0.pid == getpid() }
        #expect(ours != nil)
        #expect(ProcTable.threadCount(ofUser: geteuid()) >= (ours?.threads ?? 1))
    }
}
