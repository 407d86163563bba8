import CrucibleTestSupport
import Foundation
import Testing

/// A tool that is installed but does not run (rustup's `rustc` with no default toolchain) is
/// not the learner's fault: `doctor` names it, the map marks the lessons whose check runs it,
/// and a check reports "tool not working" with the fix, counts no attempt and offers no hint.
@Suite(.serialized) struct BrokenToolTests {
    static let rustupError =
        "error: rustup could not choose a version of rustc to run, because one wasn't specified explicitly, and no default is configured."

    /// A folder holding only a `rustc` that fails its version probe as rustup's proxy does.
    static func brokenRustc() throws -> URL {
        let folder = try CrucibleRunner.temporaryFolder()
        let script = """
            #!/bin/sh
            echo "\(rustupError)" >&2
            echo "help: run 'rustup default stable' to download the latest stable release of Rust and set it as your default toolchain." >&2
            exit 1

            """
        let rustc = folder.appendingPathComponent("rustc")
        try script.write(to: rustc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: rustc.path)
        return folder
    }

    /// PATH with the stand-in first and every other folder of this PATH that has no `rustc`.
    static func path(with stubs: URL) -> String {
        let others = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            .filter { !FileManager.default.isExecutableFile(atPath: $0 + "/rustc") }
        return ([stubs.path] + others).joined(separator: ":")
    }

    @Test func aRustcThatFailsItsVersionProbeIsNamedBrokenAndItsCheckIsNoAttempt() throws {
        let stubs = try Self.brokenRustc(), folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: stubs); try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("progress.json")
        let environment = [
            "PATH": Self.path(with: stubs), "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path, "CRUCIBLE_PROGRESS": progress.path,
        ]

        let doctor = try CrucibleRunner.run(["doctor"], environment: environment, timeout: 120)
        #expect(doctor.status == 1, "a tool the course needs does not work:\n\(doctor.stdout)")
        let lines = doctor.stdout.split(separator: "\n").map(String.init)
        let rustc = try #require(lines.firstIndex { $0.contains(" rustc: ") }, "\(doctor.stdout)")
        #expect(lines[rustc] == "✗ rustc: not working — " + Self.rustupError)
        #expect(lines[(rustc + 1)...].prefix(3).contains("    fix: rustup default stable"), "\(doctor.stdout)")

        // `list` marks the lesson as the map does, naming the tool that does not work.
        let list = try CrucibleRunner.run(["list"], environment: environment, timeout: 120)
        let listed = try #require(list.stdout.split(separator: "\n").first { $0.contains("memory.fix-use-after-move") }, "\(list.stdout)")
        #expect(listed.hasPrefix("  ✗ ") && listed.hasSuffix("rustc not working"), "\(listed)")

        let check = try CrucibleRunner.run(["check", "memory.fix-use-after-move"], environment: environment, timeout: 120)
        #expect(check.status == 1)
        #expect(check.stdout.contains("✗ tool not working (rustc)  memory.fix-use-after-move"), "\(check.stdout)")
        #expect(check.stdout.contains(Self.rustupError))
        #expect(check.stdout.contains("    rustc\n      Fix: rustup default stable"), "\(check.stdout)")
        #expect(!check.stdout.contains("compile error") && !check.stdout.contains("crucible hint"), "\(check.stdout)")
        // No attempt: nothing was recorded for the lesson (the file is not even created).
        let saved = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
        #expect(!saved.contains("memory.fix-use-after-move"), "recorded as an attempt:\n\(saved)")
        let status = try CrucibleRunner.run(["progress"], environment: environment)
        #expect(!status.stdout.contains("attempt"), "\(status.stdout)")
    }

    /// A course with a Rust code lesson, a Rust predict lesson (which runs rustc only to show
    /// its output, and says no toolchain is needed) and a read lesson.
    static func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        try write("course.yml", "id: rusty\ntitle: Rusty Course\nwelcome: Welcome to the rusty course.\n")
        try write("01-r/track.yml", "id: r\ntitle: Rust Track\n")
        try write(
            "01-r/01-fix/lesson.md",
            """
            ---
            id: r.fix
            title: Fix a use after move
            kind: code
            requires: [rustc]
            hints: ["HINT-ONE"]
            code:
              language: rust
              starter: [main.rs]
              solution: [main.rs]
              steps:
                - name: build
                  run: [rustc, main.rs]
            ---
            FIX BODY

            """)
        try write("01-r/01-fix/starter/main.rs", "fn main() {}\n")
        try write("01-r/01-fix/solution/main.rs", "fn main() {}\n")
        try write(
            "01-r/02-predict/lesson.md",
            """
            ---
            id: r.predict
            title: Predict the moved line
            kind: predict
            predict:
              language: rust
              program: program.rs
              answer: "10"
              run:
                - name: compile
                  run: [rustc, program.rs]
            ---
            You need no Rust toolchain for this lesson.

            """)
        try write("01-r/02-predict/program.rs", "fn main() {}\n")
        try write("01-r/03-read/lesson.md", "---\nid: r.read\ntitle: Read about ownership\nkind: read\n---\nREAD BODY\n")
        return root
    }

    /// With `broken`, rustc is the failing stand-in; without, there is no rustc on PATH at all.
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"), arguments: [true, false])
    func theMapMarksOnlyTheLessonWhoseCheckRunsTheToolAndItsCheckSaysWhatToDo(broken: Bool) throws {
        let stubs = broken ? try Self.brokenRustc() : try CrucibleRunner.temporaryFolder(), course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: stubs); try? FileManager.default.removeItem(at: course) }
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        let cache = course.appendingPathComponent(".state/cache").path
        try session.run("PATH='\(Self.path(with: stubs))' XDG_CACHE_HOME='\(cache)' \(CrucibleRunner.shellCommand(course: course))")
        try session.dismissWelcome()
        let mark = broken ? "rustc not working" : "needs rustc"
        let map = try session.waitFor(mark, timeout: 60)
        let rows = map.split(separator: "\n").map(String.init)
        #expect(rows.first { $0.contains("Fix a use after move") }?.contains("✗") == true, "\(map)")
        #expect(rows.first { $0.contains("Fix a use after move") }?.contains(mark) == true, "\(map)")
        let predict = try #require(rows.first { $0.contains("Predict the moved line") }, "\(map)")
        #expect(!predict.contains("rustc") && !predict.contains("✗"), "a lesson that needs no toolchain is marked:\n\(map)")

        try session.send("Enter")
        try session.waitFor("FIX BODY")
        try session.send("c")
        let result = try session.waitFor(broken ? "tool not working (rustc)" : "tool missing (rustc)", timeout: 30)
        try session.waitFor("press x to skip")
        let screen = try session.capture()
        #expect(!screen.contains("Press h for hint") && !screen.contains("compile error"), "\(result)\n\(screen)")
        // The fix, or the whole install hint: wrapped, not cut at the panel's edge.
        #expect(screen.contains(broken ? "rustup default stable" : "sudo apt-get install rustc)"), "\(screen)")
        try session.send("q", "q", "q")
        try session.waitFor(TmuxSession.prompt)

        let progress = course.appendingPathComponent(".state/progress.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: progress)) as? [String: Any]
        let lesson = (json?["lessons"] as? [String: Any])?["r.fix"] as? [String: Any]
        #expect((lesson?["attempts"] as? Int ?? 0) == 0, "recorded as an attempt: \(String(describing: lesson))")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aToolThatHangsItsProbeDoesNotHoldUpKeysNorOutliveCrucible() throws {
        let stubs = try CrucibleRunner.temporaryFolder(), course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: stubs); try? FileManager.default.removeItem(at: course) }
        let rustc = stubs.appendingPathComponent("rustc")
        // Its path (in a fresh folder) names the stand-in's shell in the process table.
        let marker = rustc.path
        try "#!/bin/sh\nsleep 60\n".write(to: rustc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: rustc.path)
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        let cache = course.appendingPathComponent(".state/cache").path
        try session.run("PATH='\(Self.path(with: stubs))' XDG_CACHE_HOME='\(cache)' \(CrucibleRunner.shellCommand(course: course))")
        try session.dismissWelcome()
        try session.waitFor("lesson 1 of 3")
        let started = Date()
        #expect(poll { !processes(containing: marker).isEmpty }, "the probe never started rustc")
        // Keys answer while the probe waits for its 20 s deadline.
        try session.send("j")
        try session.waitFor("lesson 2 of 3", timeout: 5)
        try session.send("q")
        try session.waitFor(TmuxSession.prompt, timeout: 10)
        #expect(Date().timeIntervalSince(started) < 15, "quitting waited for the probe's deadline")
        #expect(poll(timeout: .seconds(5)) { processes(containing: marker).isEmpty }, "the hung probe outlived crucible")
    }
}
