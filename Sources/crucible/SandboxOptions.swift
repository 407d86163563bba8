import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `--no-sandbox`, shared by the commands that run checks, and the sandbox those checks run in.
struct SandboxOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Run checks without the bubblewrap sandbox.",
            discussion: "The same as \(Sandbox.disableKey)=1. The deadline, output cap and resource limits still apply."))
    var noSandbox = false

    /// Whether checks run sandboxed; when they cannot (bwrap missing or not working here), says so
    /// once on standard error, with how to enable it.
    func status() -> SandboxStatus {
        let status = detect()
        if let notice = status.notice { Output.error("note: " + notice) }
        return status
    }

    /// Whether checks run sandboxed, silently: the full screen says it in its own footer.
    @Sendable func detect() -> SandboxStatus { SandboxStatus.detect(turnedOff: noSandbox) }

    /// ``detect()`` without keeping the outcome on disk, for `preview`, which leaves nothing behind.
    @Sendable func detectLeavingNothing() -> SandboxStatus { SandboxStatus.detect(turnedOff: noSandbox, remembering: false) }
}
