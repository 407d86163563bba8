import CrucibleTestSupport
import Foundation
import Testing

/// `scripts/play`, run against a stand-in `swift` that prints what SwiftPM prints, so the script's
/// own behaviour is tested in a second: progress shown, chatter kept in the log, the PATH hint once.
@Suite struct PlayScriptTests {
    /// A copy of scripts/play in a folder of its own, with scripts/deps that installs nothing and a
    /// `swift` on PATH that "builds" a crucible which prints its arguments.
    struct Sandbox {
        let root: URL
        var stubs: URL { root.appendingPathComponent("stubs") }

        init(buildSucceeds: Bool) throws {
            root = try CrucibleRunner.temporaryFolder()
            let play = try String(contentsOf: CrucibleRunner.packageRoot.appendingPathComponent("scripts/play"), encoding: .utf8)
            try CrucibleRunner.write("scripts/play", play, in: root)
            try CrucibleRunner.write("scripts/deps", "#!/bin/sh\nexit 0\n", in: root)
            try CrucibleRunner.write(
                "stubs/swift",
                """
                #!/bin/sh
                echo "Fetching https://github.com/apple/swift-argument-parser"
                echo "Fetched https://github.com/apple/swift-argument-parser from cache (0.52s)"
                echo "Building for production..."
                echo "[1/5] Compiling ArgumentParser BashCompletionsGenerator.swift"
                echo "[2/5] Compiling ArgumentParser ZshCompletionsGenerator.swift"
                echo "warning: Foundation is linked statically; some chatter"
                echo "[3/5] Compiling CrucibleEngine CourseLookup.swift"
                \(buildSucceeds ? "" : "echo 'error: no such module'; exit 1")
                echo "[4/5] Compiling crucible ListCommand.swift"
                echo "[5/5] Linking crucible"
                echo "Build complete! (1.00s)"
                mkdir -p .build/release
                printf '#!/bin/sh\\necho "crucible ran: $*"\\n' > .build/release/crucible
                chmod +x .build/release/crucible

                """, in: root)
            for script in ["scripts/play", "scripts/deps", "stubs/swift"] {
                chmod(root.appendingPathComponent(script).path, 0o755)
            }
        }

        func play(_ arguments: [String]) throws -> CrucibleRunner.Result {
            // PATH without any installed crucible, so the hint's condition is the marker alone.
            try CrucibleRunner.run(
                [root.appendingPathComponent("scripts/play").path] + arguments, in: root,
                executable: URL(fileURLWithPath: "/bin/bash"),
                environment: ["PATH": "\(stubs.path):/usr/bin:/bin"])
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func showsProgressPerModuleKeepsChatterInTheLogAndGivesThePathHintOnce() throws {
        let sandbox = try Sandbox(buildSucceeds: true)
        defer { sandbox.remove() }
        let first = try sandbox.play(["list"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "crucible ran: list\n", "\(first.stdout)")
        for line in [
            "  Fetching https://github.com/apple/swift-argument-parser", "  Building for production...",
            "  [1/5] Compiling ArgumentParser BashCompletionsGenerator.swift",
            "  [3/5] Compiling CrucibleEngine CourseLookup.swift", "  [4/5] Compiling crucible ListCommand.swift",
            "  [5/5] Linking crucible", "  Build complete! (1.00s)",
        ] {
            #expect(first.stderr.contains(line + "\n"), "progress lacks `\(line)`:\n\(first.stderr)")
        }
        #expect(!first.stderr.contains("[2/5]"), "a second line for the same module:\n\(first.stderr)")
        #expect(!first.stderr.contains("chatter"), "the build's chatter was shown:\n\(first.stderr)")
        let log = try String(contentsOf: sandbox.root.appendingPathComponent(".build/play-build.log"), encoding: .utf8)
        #expect(log.contains("chatter"), "the log lacks the build's output:\n\(log)")
        #expect(first.stderr.contains("make install PREFIX=~/.local"), "no PATH hint:\n\(first.stderr)")
        #expect(first.stderr.contains("alias crucible='\(sandbox.root.path)/.build/release/crucible'"), "\(first.stderr)")

        let second = try sandbox.play([])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("make install"), "the PATH hint was shown twice:\n\(second.stderr)")
    }

    @Test func aFailedBuildShowsTheEndOfItsLogAndGivesNoHint() throws {
        let sandbox = try Sandbox(buildSucceeds: false)
        defer { sandbox.remove() }
        let result = try sandbox.play([])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no such module") && result.stderr.contains("the build failed"), "\(result.stderr)")
        #expect(!result.stderr.contains("make install"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent(".build/play-path-hint-shown").path))
    }
}
