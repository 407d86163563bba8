import Foundation
import Testing

@testable import CrucibleEngine

/// What the sandbox hides and shows, and the bwrap command line a step runs under.
@Suite struct SandboxCommandTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("home/.cargo/bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: url.appendingPathComponent("bin/bwrap").path, withDestinationPath: "/bin/true")
        return url
    }

    @Test func theHomeIsHiddenAndTheToolchainsInItShownAgain() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home").path
        let sandbox = try #require(
            Sandbox.configured(environment: [
                "HOME": home, "PATH": "\(home)/.cargo/bin:\(root.path)/bin:/usr/bin",
            ]))
        #expect(sandbox.bubblewrap == "\(root.path)/bin/bwrap")
        #expect(sandbox.hidden.contains(home))
        // Folders under the home and under /tmp (private to each step) are shown again; /usr/bin is never hidden.
        #expect(sandbox.shown == ["\(home)/.cargo/bin", "\(root.path)/bin"])
    }

    @Test func aHomeOfTheRootFolderHidesNothingOfIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sandbox = try #require(Sandbox.configured(environment: ["HOME": "/", "PATH": "\(root.path)/bin"]))
        #expect(!sandbox.hidden.contains("/"))
    }

    @Test func withoutBubblewrapOnThePathThereIsNoSandbox() {
        #expect(Sandbox.configured(environment: ["HOME": "/tmp", "PATH": "/nonexistent"]) == nil)
        #expect(SandboxStatus.detect(environment: ["HOME": "/tmp", "PATH": "/nonexistent"]) == .missing)
        #expect(SandboxStatus.detect(environment: ["PATH": "/usr/bin", Sandbox.disableKey: "1"]) == .turnedOff)
    }

    @Test func aStepRunsUnderShAsProcessOneWithOnlyItsFoldersWritable() throws {
        let sandbox = Sandbox(bubblewrap: "/usr/bin/bwrap", hidden: ["/home/ada"], shown: ["/home/ada/.cargo/bin"])
        let command = sandbox.command(
            program: "/usr/bin/cc", arguments: ["-o", "p", "p.c"], scratch: "/tmp/s", writable: ["/tmp/s", "/c/l"],
            readable: ["/course/l"])
        let text = command.joined(separator: " ")
        #expect(text.hasPrefix("bwrap --ro-bind / / "))
        for part in [
            "--tmpfs /tmp", "--unshare-pid", "--die-with-parent", "--tmpfs /home/ada",
            "--ro-bind-try /home/ada/.cargo/bin /home/ada/.cargo/bin",
            "--ro-bind-try /course/l /course/l", "--bind /tmp/s /tmp/s", "--bind /c/l /c/l", "--remount-ro /home/ada", "--chdir /tmp/s",
        ] {
            #expect(text.contains(part), "\(part) missing from \(text)")
        }
        #expect(!text.contains("--share-net"), "the network is joined before bwrap starts, never the host's")
        #expect(Array(command.suffix(8)) == ["/bin/sh", "-c", Sandbox.processOne, "crucible-check", "/usr/bin/cc", "-o", "p", "p.c"])
        // The tmpfs over the home comes before what is shown through it, and is made read-only after.
        let tmpfs = try #require(command.firstIndex(of: "/home/ada"))
        let shown = try #require(command.firstIndex(of: "/home/ada/.cargo/bin"))
        let remount = try #require(command.lastIndex(of: "--remount-ro"))
        #expect(tmpfs < shown && shown < remount)
    }

    @Test func aFolderTheStepsUserCannotReachIsLeftOut() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let closed = root.appendingPathComponent("closed")
        try FileManager.default.createDirectory(at: closed.appendingPathComponent("inside"), withIntermediateDirectories: true)
        _ = chmod(closed.path, 0o700)
        _ = chmod(root.path, 0o755)
        let stranger: uid_t = 0x5C00_FFFE
        #expect(!Sandbox.reachable(closed.appendingPathComponent("inside").path, uid: stranger, gid: 65534))
        #expect(Sandbox.reachable(root.path, uid: stranger, gid: 65534))
        let sandbox = Sandbox(bubblewrap: "/usr/bin/bwrap", hidden: [], shown: [closed.appendingPathComponent("inside").path])
        let command = sandbox.command(
            program: "p", arguments: [], scratch: root.path, writable: [root.path], readable: [], user: (stranger, 65534))
        #expect(!command.contains(closed.appendingPathComponent("inside").path))
        #expect(command.contains(root.path))
    }
}
