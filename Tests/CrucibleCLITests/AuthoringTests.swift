import CrucibleTestSupport
import Foundation
import Testing

/// Authoring end to end: a new author scaffolds, fills in, lints, verifies and plays a course, and a
/// third-party course checked by python3 runs from its own folder with its own progress.
@Suite struct AuthoringTests {
    /// PATH without entries under /root when running as root: steps that are not compilers run as a
    /// fresh unprivileged uid, which cannot execute tools installed there (pyenv's python3, say).
    static let reachablePath: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard getuid() == 0 else { return path }
        return path.split(separator: ":").filter { !$0.hasPrefix("/root") }.joined(separator: ":")
    }()

    static let pythonCourse = CrucibleRunner.packageRoot.appendingPathComponent("Tests/CrucibleCLITests/Fixtures/python-course")

    /// Runs crucible in `folder` and expects exit status `status`.
    @discardableResult
    static func crucible(
        _ arguments: [String], in folder: URL, status: Int32 = 0,
        environment: [String: String] = [:], timeout: TimeInterval = 120
    ) throws -> CrucibleRunner.Result {
        let result = try CrucibleRunner.run(
            arguments, in: folder, environment: ["PATH": reachablePath].merging(environment) { $1 },
            timeout: timeout)
        #expect(result.status == status, "crucible \(arguments.joined(separator: " ")):\n\(result.stdout)\n\(result.stderr)")
        return result
    }

    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.path) has no `\(old)`")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Whether python3 is on the PATH the checks get (the third-party course's checks run it).
    static let hasPython3 = reachablePath.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

    // Playing the course needs tmux (a test dependency scripts/deps installs).
    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aNewAuthorScaffoldsFillsInLintsVerifiesAndPlaysACourse() throws {
        let work = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try Self.crucible(["new", "course", "physics"], in: work)
        try Self.crucible(["new", "track", "physics/forces"], in: work)
        let lessons = [("newton", "read"), ("units", "quiz"), ("loop", "predict"), ("gravity", "code")]
        for (slug, kind) in lessons {
            let created = try Self.crucible(
                ["new", "lesson", "physics/forces/\(slug)", "--kind", kind]
                    + (kind == "code" ? ["--language", "c"] : []), in: work)
            #expect(created.stdout.contains("id: forces.\(slug)"), "\(created.stdout)")
        }
        let track = work.appendingPathComponent("physics/01-forces")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: track.path).sorted()
                == ["01-newton", "02-units", "03-loop", "04-gravity", "track.yml"])

        // Fill them in, as the tutorial says.
        try Self.edit(
            track.appendingPathComponent("track.yml"), replacing: "What this track teaches, in a sentence or two.",
            with: "Newton's laws in code.")
        try Self.edit(
            track.appendingPathComponent("01-newton/lesson.md"), replacing: "## The idea", with: "## Force is mass times acceleration")
        try Self.edit(
            track.appendingPathComponent("02-units/lesson.md"),
            replacing: "Which language frees heap memory with a tracing garbage collector?",
            with: "Which of these languages uses a tracing garbage collector?")
        try Self.edit(track.appendingPathComponent("03-loop/program.swift"), replacing: "1...3", with: "1...4")
        try Self.edit(track.appendingPathComponent("03-loop/lesson.md"), replacing: "answer: \"14\"", with: "answer: \"30\"")

        let lint = try Self.crucible(["lint", "physics"], in: work)
        #expect(lint.stdout.isEmpty, "\(lint.stdout)")
        #expect(lint.stderr.contains("4 lessons loaded; 0 errors, 0 warnings"))
        let verify = try Self.crucible(["verify", "--lessons", "physics", "--jobs", "2"], in: work, timeout: 300)
        #expect(verify.stdout.contains("4 lesson(s): 4 ok"), "\(verify.stdout)")

        // A broken edit is caught by verify, not just lint: the wrong answer no longer matches the program.
        try Self.edit(track.appendingPathComponent("03-loop/lesson.md"), replacing: "answer: \"30\"", with: "answer: \"31\"")
        try Self.crucible(["verify", "--lessons", "physics", "forces.loop"], in: work, status: 1)
        try Self.edit(track.appendingPathComponent("03-loop/lesson.md"), replacing: "answer: \"31\"", with: "answer: \"30\"")

        let home = work.appendingPathComponent("home")
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        let binary = "'\(CrucibleRunner.binary.path)'"
        // Preview: the one lesson, then its text; the author's own progress and workspace stay untouched.
        try session.run(
            "cd '\(work.path)'; export HOME='\(home.path)' XDG_STATE_HOME= XDG_DATA_HOME= CRUCIBLE_PROGRESS= CRUCIBLE_WORKSPACE=")
        try session.run("\(binary) preview --lessons physics forces.gravity")
        try session.waitFor("sum_of_squares")  // the lesson opens at once
        try session.send("q")
        let map = try session.waitUntil("the preview's map") { $0.contains("Gravity") && $0.contains("(preview)") }
        #expect(!map.contains("Units"), "\(map)")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
        #expect(!FileManager.default.fileExists(atPath: home.path), "preview wrote under HOME")

        // The whole course, as a learner opens it.
        try session.run("clear; \(binary) --lessons physics")
        try session.dismissWelcome()
        let course = try session.waitFor("Gravity")
        for title in ["Newton", "Units", "Loop", "Newton's laws in code."] { #expect(course.contains(title), "\(course)") }
        try session.send("Enter")
        try session.waitFor("Force is mass times acceleration")
        try session.send("q")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
    }

    // The course's checks run python3; playing it needs tmux.
    @Test(.enabled(if: hasPython3, "python3 is not on PATH"), .enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func aThirdPartyPythonCourseLintsVerifiesAndIsPlayedWithItsOwnProgress() throws {
        let course = Self.pythonCourse.path
        let lint = try Self.crucible(["lint", course], in: CrucibleRunner.packageRoot)
        #expect(lint.stdout.isEmpty, "\(lint.stdout)")
        let verify = try Self.crucible(["verify", "--lessons", course], in: CrucibleRunner.packageRoot)
        #expect(verify.stdout.contains("wrong/no-lowercase: failed"), "\(verify.stdout)")
        // An exercise that is already correct verifies clean, and says why its starter passes.
        #expect(verify.stdout.contains("starter: passed (passes by design: `starterPasses: true`)"), "\(verify.stdout)")
        #expect(verify.stdout.contains("5 lesson(s): 5 ok"), "\(verify.stdout)")
        // The optional linter step is not needed to verify, but the author sees it did not run here.
        #expect(
            verify.stdout.contains("solution: passed; optional step `lint` skipped: `crucible-no-such-tool` is not installed"),
            "\(verify.stdout)")

        // Played by a learner: the starter fails, the fixed file passes, progress goes to this course's id.
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let options = [
            "--lessons", course, "--workspace", state.appendingPathComponent("ws").path,
            "--progress", state.appendingPathComponent("progress.json").path,
        ]
        let failing = try Self.crucible(["check", "python.word-count", "--no-cache"] + options, in: state, status: 1)
        #expect(failing.stdout.contains("FAIL: count_words"), "\(failing.stdout)")
        let copy = state.appendingPathComponent("ws/python-course/python.word-count/wordcount.py")
        try FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(
            at: Self.pythonCourse.appendingPathComponent("01-python/03-word-count/solution/wordcount.py"),
            to: copy)
        try Self.crucible(["check", "python.word-count", "--no-cache"] + options, in: state)
        // The optional linter step is skipped where its tool is missing, and the result says so.
        let linted = try Self.crucible(["check", "python.optional-lint", "--no-cache"] + options, in: state, status: 1)
        #expect(linted.stdout.contains("FAIL: double"), "\(linted.stdout)")
        #expect(
            linted.stdout.contains("optional step `lint` skipped: `crucible-no-such-tool` is not installed"), "\(linted.stdout)")
        #expect(linted.stdout.contains("steps: – lint skipped, ✗ tests"), "\(linted.stdout)")
        try Self.crucible(["check", "python.quiz", "1"] + options, in: state)
        let progress = try String(contentsOf: state.appendingPathComponent("progress.json"), encoding: .utf8)
        #expect(progress.contains("python-course") && progress.contains("python.word-count"), "\(progress)")
        let summary = try Self.crucible(["progress"] + options, in: state)
        #expect(summary.stdout.contains("2/5") || summary.stdout.contains("2 of 5"), "\(summary.stdout)")

        let session = try TmuxSession(width: 100, height: 30)
        defer { session.close() }
        try session.run("'\(CrucibleRunner.binary.path)' " + options.map { "'\($0)'" }.joined(separator: " "))
        let map = try session.waitFor("Count words")
        #expect(map.contains("Python Fixture Course") && map.contains("Python memory quiz"), "\(map)")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
    }
}
