import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// The full screen and the sandbox: it decides after the first frame, says once in the bottom bar
/// when checks are not fenced in, and runs its checks in the sandbox when they are.
@Suite struct SandboxSessionTests {
    @Test func withoutBubblewrapTheBottomBarSaysSoUntilTheNextKey() async throws {
        let harness = try SessionHarness(sandbox: { .missing })
        defer { harness.end() }
        try await harness.terminal.waitUntilScreen(shows: "checks are not sandboxed: bwrap is not installed")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(hides: "checks are not sandboxed")
        try await harness.quit()
    }

    @Test func turnedOffOnPurposeItSaysNothing() async throws {
        let harness = try await SessionHarness.started(sandbox: { .turnedOff })
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        #expect(!harness.terminal.screen.contains("sandboxed"))
        try await harness.quit()
    }

    @Test(.enabled(if: SandboxStatus.detect().sandbox != nil, "bubblewrap does not work on this machine"))
    func aCheckRunsAndPassesInTheSandbox() async throws {
        let harness = try await SessionHarness.started(sandbox: { SandboxStatus.detect() })
        defer { harness.end() }
        try await harness.open("Echo", body: "ECHO BODY")
        harness.terminal.type("c")
        try await harness.terminal.waitUntilScreen(shows: "Passed!")
        #expect(!harness.terminal.screen.contains("sandboxed"))
        try await harness.quit()
    }
}
