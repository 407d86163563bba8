import Foundation
import Testing

@testable import CrucibleEngine

/// Tools are probed by running them: working, missing, or broken with the probe's first error
/// line; a broken tool stops a check before anything runs, and is never remembered as working.
@Suite struct ToolProbeTests {
    static let rustupError =
        "error: rustup could not choose a version of rustc to run, because one wasn't specified explicitly, and no default is configured."

    /// A folder that is the whole PATH, holding stand-in tools written as shell scripts.
    struct StubTools {
        let folder: URL
        var environment: [String: String] { ["PATH": folder.path] }

        init() throws { folder = try temporaryFolder() }

        /// Writes `name`, which runs `body` (sh) and first notes each run in `name.runs`.
        ///
        /// Written through a close-on-exec descriptor and renamed into place: a process that
        /// another test forks while a descriptor open for writing is inherited would make
        /// starting the script fail with "text file busy".
        func write(_ name: String, _ body: String) throws {
            let file = folder.appendingPathComponent(name), staging = folder.appendingPathComponent(".\(name).new")
            let text = Array("#!/bin/sh\necho run >> '\(runsFile(name).path)'\n\(body)\n".utf8)
            let fd = open(staging.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            let written = text.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == text.count, rename(staging.path, file.path) == 0 else { throw POSIXError(.EIO) }
        }

        func runsFile(_ name: String) -> URL { folder.appendingPathComponent(name + ".runs") }

        /// How many times `name` was started.
        func runs(_ name: String) -> Int {
            ((try? String(contentsOf: runsFile(name), encoding: .utf8)) ?? "").split(separator: "\n").count
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let brokenRustc = """
        echo "info: looking for a toolchain" >&2
        echo "\(rustupError)" >&2
        echo "help: run 'rustup default stable' to download the latest stable release of Rust and set it as your default toolchain." >&2
        exit 1
        """

    @Test func aToolThatFailsItsVersionProbeIsBrokenWithItsFirstErrorLineAndIsNotRemembered() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        try tools.write("rustc", Self.brokenRustc)
        let cacheFile = tools.folder.appendingPathComponent("versions.json")
        let status = await ToolProbe(cacheFile: cacheFile, environment: tools.environment).status("rustc")
        #expect(status.state == .broken(error: Self.rustupError))
        #expect(status.found && !status.isWorking && status.version == nil)
        let cached = (try? String(contentsOf: cacheFile, encoding: .utf8)) ?? ""
        #expect(!cached.contains("rustc"), "a failed probe was cached: \(cached)")
        // Not remembered: the next probe runs it again.
        _ = await ToolProbe(cacheFile: cacheFile, environment: tools.environment).status("rustc")
        #expect(tools.runs("rustc") == 2)
    }

    @Test func aProbeThatPrintsNothingOrHangsStillSaysWhatFailed() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        try tools.write("clang", "exit 3")
        let status = await ToolProbe(environment: tools.environment).status("clang")
        #expect(status.brokenError == "`clang --version` exited with status 3 and printed nothing")
    }

    @Test func aFixedToolWorksAtOnceAndAChangedExecutableIsProbedAgain() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        let cacheFile = tools.folder.appendingPathComponent("versions.json")
        func probe() async -> ToolStatus { await ToolProbe(cacheFile: cacheFile, environment: tools.environment).status("rustc") }
        try tools.write("rustc", Self.brokenRustc)
        #expect(await probe().brokenError != nil)

        try tools.write("rustc", "echo 'rustc 1.80.0 (051478957 2024-07-21)'")
        let fixed = await probe()
        #expect(fixed.state == .working(version: "rustc 1.80.0 (051478957 2024-07-21)"), "\(fixed)")
        #expect(tools.runs("rustc") == 2)
        // Remembered across processes: a new probe starts nothing.
        #expect(await probe().version == "rustc 1.80.0 (051478957 2024-07-21)")
        #expect(tools.runs("rustc") == 2)

        // A different executable at the same path is probed again.
        try tools.write("rustc", "echo 'rustc 1.81.0 (eeb90cda1 2024-09-04) new build'")
        #expect(await probe().version == "rustc 1.81.0 (eeb90cda1 2024-09-04) new build")
        #expect(tools.runs("rustc") == 3)
    }

    @Test func aRustupProxyIsProbedAgainWhenRustupsSettingsChange() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        // rustup's proxies are links to `rustup`, which runs the toolchain its settings choose.
        try tools.write("rustup", "echo 'rustc 1.80.0'")
        try FileManager.default.createSymbolicLink(atPath: tools.folder.appendingPathComponent("rustc").path, withDestinationPath: "rustup")
        let home = tools.folder.appendingPathComponent("rustup-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let settings = home.appendingPathComponent("settings.toml")
        try "default_toolchain = \"stable\"\n".write(to: settings, atomically: true, encoding: .utf8)
        let environment = tools.environment.merging(["RUSTUP_HOME": home.path]) { _, new in new }
        let cacheFile = tools.folder.appendingPathComponent("versions.json")
        func probe() async -> ToolStatus { await ToolProbe(cacheFile: cacheFile, environment: environment).status("rustc") }
        #expect(await probe().version == "rustc 1.80.0")
        #expect(await probe().version == "rustc 1.80.0")
        #expect(tools.runs("rustup") == 1)
        // `rustup default nightly` rewrites the settings, not the proxy.
        try "default_toolchain = \"nightly-2024-09-01\"\n".write(to: settings, atomically: true, encoding: .utf8)
        _ = await probe()
        #expect(tools.runs("rustup") == 2)
    }

    @Test func toolsTheCatalogDoesNotKnowAreOnlyLookedUp() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        // `sh --version` fails on a working dash: a tool without a known version command is not run.
        try tools.write("frobnicate", "exit 2")
        let status = await ToolProbe(environment: tools.environment).status("frobnicate")
        #expect(status.state == .working(version: nil))
        #expect(tools.runs("frobnicate") == 0)
        #expect(await ToolProbe(environment: tools.environment).status("go").state == .missing)
    }

    @Test func aCheckWhoseToolIsBrokenRunsNothingIsNoAttemptAndSaysHowToFixIt() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        try tools.write("rustc", Self.brokenRustc)
        let lesson = try TemporaryLesson(
            starter: ["main.rs": "fn main() {}"],
            steps: [
                CheckStep(name: "build", run: ["rustc", "main.rs"])
            ])
        defer { lesson.remove() }
        let engine = CheckEngine(cache: nil, tools: ToolProbe(environment: tools.environment), environment: tools.environment)
        let result = await lesson.check(["main.rs": "fn main() {}"], engine: engine)
        #expect(result.outcome == .toolBroken)
        #expect(result.outcomeLabel == "tool not working (rustc)")
        #expect(result.steps.isEmpty)
        #expect(tools.runs("rustc") == 1, "only the probe may run it")
        #expect(result.message.contains(Self.rustupError))
        #expect(result.brokenTools.map(\.name) == ["rustc"])
        #expect(result.brokenTools.first?.fixes == ["rustup default stable"])
        #expect(!result.judgedTheWork)
        #expect(!CheckCache.isReproducible(result))
    }

    @Test func aToolThatBreaksAfterItWasRememberedIsReportedAsBrokenNotAsACompileError() async throws {
        let tools = try StubTools()
        defer { tools.remove() }
        let flag = tools.folder.appendingPathComponent("toolchain-removed")
        // rustup's proxy file stays the same when its toolchain goes away.
        try tools.write(
            "rustc",
            """
            if [ -e '\(flag.path)' ]; then echo "error: toolchain 'stable-x86_64-unknown-linux-gnu' is not installed" >&2; exit 1; fi
            echo 'rustc 1.80.0'
            """)
        let probe = ToolProbe(cacheFile: tools.folder.appendingPathComponent("versions.json"), environment: tools.environment)
        #expect(await probe.status("rustc").version == "rustc 1.80.0")
        try Data().write(to: flag)
        let lesson = try TemporaryLesson(starter: ["main.rs": ""], steps: [CheckStep(name: "build", run: ["rustc", "main.rs"])])
        defer { lesson.remove() }
        let result = await lesson.check(["main.rs": ""], engine: CheckEngine(cache: nil, tools: probe, environment: tools.environment))
        #expect(result.outcome == .toolBroken, "\(result.outcomeLabel): \(result.message)")
        #expect(result.brokenTools.first?.error == "error: toolchain 'stable-x86_64-unknown-linux-gnu' is not installed")
        // And the failure is no longer remembered as working.
        #expect(await probe.status("rustc").brokenError != nil)
    }

    @Test func onlyLessonsWhoseCheckRunsAToolNeedIt() throws {
        let code = try TemporaryLesson(
            starter: ["main.rs": ""], requires: ["rustc"], steps: [CheckStep(name: "build", run: ["rustc", "main.rs"])])
        defer { code.remove() }
        #expect(CheckEngine.checkTools(of: code.lesson) == ["rustc"])
        // A predict lesson is graded without running anything; its program runs only to show its output.
        let predict = Lesson(
            id: "p", title: "Predict", kind: .predict, requires: ["rustc"], folder: code.folder,
            file: code.folder.appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1,
            predict: Predict(
                language: "rust", program: "main.rs", answer: "10",
                run: [CheckStep(name: "compile", run: ["rustc", "main.rs"])]))
        #expect(CheckEngine.checkTools(of: predict).isEmpty)
    }
}
