import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// Whether bubblewrap works here, ignoring a `CRUCIBLE_NO_SANDBOX` of the test's own environment:
/// the runs below turn it back on, so a lesson never runs unfenced by accident.
private let checksRunSandboxed: Bool = {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: Sandbox.disableKey)
    if case .on = SandboxStatus.detect(environment: environment) { return true }
    return false
}()

/// The hostile fixture course (`Tests/CrucibleEngineTests/Fixtures/hostile-course`) checked through
/// the real binary: each lesson's hidden harness tries to get out of its check, and the sandbox
/// must stop it, with the check saying so plainly where a step failed on the fence.
///
/// Every run has a temporary tree of its own: the course copy, a fake HOME holding a secret, the
/// workspace, the progress file and the XDG folders, so no test reads or changes the real ones.
/// That tree sits in the temporary folder, which the sandbox replaces with a private one; the home
/// is fenced on top of that (an empty read-only folder), which is why writing there fails with
/// EROFS instead of landing unseen in the private /tmp: the failed check proves the home fence.
@Suite(
    .enabled(if: checksRunSandboxed, "checks cannot run sandboxed here: SandboxStatus.detect() is not .on (bwrap missing or not working)"))
struct SandboxTests {
    @Test func writingIntoTheHomeIsBlockedAndSaidPlainly() throws {
        let scene = try HostileScene()
        defer { scene.remove() }
        let result = try scene.checkBlocked("hostile.write-home", saying: "a check may write only to its scratch folder")
        #expect(!FileManager.default.fileExists(atPath: scene.home.appendingPathComponent("crucible-was-here").path))
        #expect(result.steps.last?.stderr.contains("Read-only file system") == true, "\(result.steps)")
    }

    @Test func aSecretInTheHomeIsNotThereToRead() throws {
        let scene = try HostileScene()
        defer { scene.remove() }
        _ = try scene.checkBlocked("hostile.read-secret", saying: "a check cannot see the home folders")
        // The human report too, every step's full output, run again past the result cache.
        let verbose = try scene.run("hostile.read-secret", "--verbose", "--no-cache")
        #expect(verbose.status == 1)
        #expect(!verbose.stdout.contains(scene.secret) && !verbose.stderr.contains(scene.secret))
        #expect(verbose.stdout.contains("The sandbox blocked this"), "\(verbose.stdout)")
    }

    /// 192.0.2.1 is TEST-NET-1, never routed; only ever checked here, where the suite runs only
    /// sandboxed and every run turns the sandbox on.
    @Test func theNetworkBeyondLoopbackIsUnreachable() throws {
        let scene = try HostileScene()
        defer { scene.remove() }
        // Failed, not timed out: a timeout would mean the connection was tried on a real network.
        _ = try scene.checkBlocked("hostile.reach-network", saying: "a check cannot reach the network beyond loopback")
    }

    @Test func aProcessOutsideTheCheckCannotBeSignalled() throws {
        // SIGTERM back to its default action: an ignored signal is inherited, and the test runner
        // may ignore it, which would let the sleeper outlive a signal that did reach it.
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sleeper.arguments = ["--default-signal=TERM", "/bin/sleep", "300"]
        try sleeper.run()
        defer {
            kill(sleeper.processIdentifier, SIGKILL)
            sleeper.waitUntilExit()
        }
        #expect(poll { Self.diesOfSIGTERM(sleeper.processIdentifier) }, "the sleeper ignores SIGTERM: its surviving would prove nothing")
        let scene = try HostileScene()
        defer { scene.remove() }
        // In the course copy, before the snapshots: the harness reads it through `{lesson}`.
        try CrucibleRunner.write(
            "01-hostile/04-signal-outside/sleeper.pid", "\(sleeper.processIdentifier)\n", in: scene.course)
        _ = try scene.checkBlocked("hostile.signal-outside", saying: "a check cannot see or signal processes outside itself")
        #expect(sleeper.isRunning)
        #expect(kill(sleeper.processIdentifier, 0) == 0)
    }

    /// Whether `pid` is `sleep` (past env's exec) and does not ignore SIGTERM (/proc's `SigIgn` mask).
    static func diesOfSIGTERM(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            status.split(separator: "\n").contains("Name:\tsleep"),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
            let mask = UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << (UInt64(SIGTERM) - 1)) == 0
    }

    @Test func aProcessLeftBehindEndsWithTheCheck() throws {
        let scene = try HostileScene()
        defer { scene.remove() }
        let marker = "sleep\u{0}3171\u{0}"
        // Sleepers someone else left are not this check's.
        let before = Set(processes(containing: marker))
        let beforeSnapshot = try scene.snapshot()
        let run = try scene.run("hostile.leave-process", "--json")
        let result = try JSONDecoder().decode(CheckResult.self, from: Data(run.stdout.utf8))
        // The harness exits 0 with its sleeper started: nothing failed, the sleeper simply must not outlive the check.
        #expect(run.status == 0 && result.outcome == .passed, "\(run.stdout)\(run.stderr)")
        #expect(result.steps.first?.stdout.contains("the sleeper is running") == true, "the sleeper never started: \(result.steps)")
        #expect(poll(timeout: .seconds(10)) { Set(processes(containing: marker)).isSubset(of: before) })
        // And the check says so, in the notes that go with any outcome.
        #expect(
            result.notes.contains("step `leave a sleeper` left 1 process running; the sandbox ended it with the step"),
            "\(result.notes) \(result.steps.map(\.stderr))")
        try scene.expectUnchanged(since: beforeSnapshot, lesson: "hostile.leave-process")
    }

    /// A predict lesson's program is fenced in like a code lesson's check: its write into the home
    /// fails (and shows in the real output), and the answer is judged as usual.
    @Test func aPredictionsProgramIsFencedInToo() throws {
        let scene = try HostileScene()
        defer { scene.remove() }
        let run = try scene.run("hostile.predict-home", "done")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Read-only file system"), "\(run.stdout)")
        #expect(!run.stderr.contains("checks are not sandboxed"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scene.home.appendingPathComponent("crucible-was-here").path))
    }

    /// The same write with `--no-sandbox` does land in the (fake) home: the fence is what stopped it.
    @Test func unfencedTheWriteLandsInTheHome() throws {
        let scene = try HostileScene()
        defer { scene.remove() }
        let run = try scene.run("hostile.write-home", "--json", "--no-sandbox")
        let result = try JSONDecoder().decode(CheckResult.self, from: Data(run.stdout.utf8))
        #expect(run.status == 0 && result.outcome == .passed, "\(run.stdout)\(run.stderr)")
        let written = try String(contentsOf: scene.home.appendingPathComponent("crucible-was-here"), encoding: .utf8)
        #expect(written == "crucible was here\n")
    }
}

/// One test's temporary tree: the hostile course copied, a fake HOME with a secret in it, and the
/// workspace, progress file and XDG folders of the runs.
private struct HostileScene {
    let root: URL
    let secret = "crucible-secret-\(UUID().uuidString)"
    var course: URL { root.appendingPathComponent("course") }
    var home: URL { root.appendingPathComponent("home") }
    var workspace: URL { root.appendingPathComponent("workspace") }
    var state: URL { root.appendingPathComponent("state") }
    var xdg: URL { root.appendingPathComponent("xdg") }

    init() throws {
        root = try CrucibleRunner.temporaryFolder().resolvingSymlinksInPath()
        try FileManager.default.copyItem(at: CrucibleRunner.fixture("hostile-course"), to: course)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // As root a learner program's step runs as an unused uid: the home and the secret are open
        // to it, so that only the sandbox stands between the harness and them.
        chmod(home.path, 0o777)
        try CrucibleRunner.write("secret.txt", secret + "\n", in: home)
        chmod(home.appendingPathComponent("secret.txt").path, 0o644)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The fake HOME and XDG folders, trust granted, and the sandbox on whatever the test's own
    /// environment says (`0` is not one of the values that turn it off).
    var environment: [String: String] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": xdg.appendingPathComponent("config").path,
            "XDG_DATA_HOME": xdg.appendingPathComponent("data").path, "XDG_STATE_HOME": xdg.appendingPathComponent("state").path,
            "XDG_CACHE_HOME": xdg.appendingPathComponent("cache").path, "CRUCIBLE_TRUST": "1", Sandbox.disableKey: "0",
        ]
    }

    func run(_ lesson: String, _ options: String...) throws -> CrucibleRunner.Result {
        try CrucibleRunner.run(
            [
                "--lessons", course.path, "--workspace", workspace.path, "--progress", state.appendingPathComponent("progress.json").path,
                "check", lesson,
            ] + options, environment: environment)
    }

    /// Checks `lesson` and expects it to fail with the sandbox's sentence, `saying` in it, the
    /// secret nowhere in the output, and nothing outside the scratch folder changed.
    func checkBlocked(_ lesson: String, saying: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CheckResult {
        let before = try snapshot()
        let run = try run(lesson, "--json")
        let result = try JSONDecoder().decode(CheckResult.self, from: Data(run.stdout.utf8))
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("checks are not sandboxed"), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(result.outcome == .failed, "\(result.message)", sourceLocation: sourceLocation)
        #expect(result.message.contains("The sandbox blocked this: \(saying)"), "\(result.message)", sourceLocation: sourceLocation)
        #expect(result.notes.isEmpty, "nothing was left running: \(result.notes)", sourceLocation: sourceLocation)
        #expect(
            !run.stdout.contains(secret) && !run.stderr.contains(secret), "the secret was read", sourceLocation: sourceLocation)
        try expectUnchanged(since: before, lesson: lesson, sourceLocation: sourceLocation)
        return result
    }

    /// Every entry under the course copy and the fake HOME, and under the workspace, by path:
    /// its type, size and modification time to the nanosecond.
    func snapshot() throws -> Snapshot {
        Snapshot(
            course: try Self.entries(under: course), home: try Self.entries(under: home), workspace: try Self.entries(under: workspace))
    }

    /// What a check may change and what it may not.
    ///
    /// - The course copy and the fake HOME: nothing, not a name, size or time (a folder's time
    ///   catches a file made and removed again).
    /// - The workspace: a check of a lesson never opened copies its starter there first, as every
    ///   check does, with Crucible's own record of that copy (`.crucible-…`); so afterwards it must
    ///   hold the starter exactly and nothing else. That copy is made by Crucible, outside the sandbox.
    /// - Not compared: the progress file (the attempt is recorded, with its lock and backup) and
    ///   the XDG folders (Crucible's result cache and course index): Crucible writes them itself,
    ///   outside the sandbox, as for any check; the steps cannot reach them (they are neither the
    ///   scratch folder nor, for these lessons, which use no `{cache}`, the build cache).
    func expectUnchanged(since before: Snapshot, lesson: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let after = try snapshot()
        #expect(after.course == before.course, "the course copy changed", sourceLocation: sourceLocation)
        #expect(after.home == before.home, "the fake HOME changed", sourceLocation: sourceLocation)
        let folder = "hostile-fixture/\(lesson)"
        let starter = try FileManager.default.contentsOfDirectory(atPath: lessonFolder(lesson).appendingPathComponent("starter").path)
        let expected = Set([".", "hostile-fixture", folder] + starter.map { "\(folder)/\($0)" })
        let added = Set(after.workspace.keys).subtracting(before.workspace.keys)
        let unexpected = added.subtracting(expected).filter {
            !($0.hasPrefix(folder + "/.crucible-") && !$0.dropFirst(folder.count + 1).contains("/"))
        }
        #expect(unexpected.isEmpty, "the workspace gained \(unexpected.sorted())", sourceLocation: sourceLocation)
        #expect(
            before.workspace.allSatisfy { after.workspace[$0.key] == $0.value }, "the workspace's files changed",
            sourceLocation: sourceLocation)
        for name in starter {
            let copied = try Data(contentsOf: workspace.appendingPathComponent("\(folder)/\(name)"))
            let original = try Data(contentsOf: lessonFolder(lesson).appendingPathComponent("starter/\(name)"))
            #expect(copied == original, "\(name) in the workspace is not the starter", sourceLocation: sourceLocation)
        }
    }

    private func lessonFolder(_ lesson: String) throws -> URL {
        let track = course.appendingPathComponent("01-hostile")
        let slug = lesson.split(separator: ".").last.map(String.init) ?? lesson
        guard let name = try FileManager.default.contentsOfDirectory(atPath: track.path).first(where: { $0.hasSuffix("-" + slug) })
        else { throw CocoaError(.fileNoSuchFile) }
        return track.appendingPathComponent(name)
    }

    struct Snapshot: Equatable {
        var course: [String: String]
        var home: [String: String]
        var workspace: [String: String]
    }

    /// Path (relative to `folder`, "." for the folder itself) → "type size mtime"; empty when
    /// `folder` does not exist (the workspace before the first check).
    static func entries(under folder: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        func describe(_ path: String) -> String? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            return "\(info.st_mode & S_IFMT) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        guard let top = describe(folder.path) else { return [:] }
        entries["."] = top
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            entries[name] = describe(folder.appendingPathComponent(name).path) ?? "vanished"
        }
        return entries
    }
}
