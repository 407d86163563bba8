import CrucibleTestSupport
import Foundation
import Testing

/// The third-party Rust fixture course (Fixtures/rust-course), a rustlings-style set converted to
/// Crucible's format: a starter that passes by design, `rustc --test` tests, an optional clippy
/// step, and a cargo build with serde_json from Debian's crate registry through `{cache}`.
///
/// The tests share one `XDG_CACHE_HOME` (``SharedBuildCache``), so cargo compiles serde_json once
/// for the whole suite rather than once per test.
@Suite(.serialized, SharedBuildCache()) struct RustCourseTests {
    static let testsLesson = "rustlings.tests"
    static let clippyLesson = "rustlings.clippy"
    static let cargoLesson = "rustlings.cargo-json"

    func learner() throws -> FixtureLearner {
        try FixtureLearner(fixture: "rust-course", courseID: "rust-course", cacheHome: SharedBuildCache.current)
    }

    @Test func verifyPassesEveryLesson() throws {
        let learner = try learner()
        defer { learner.remove() }
        let result = try CrucibleRunner.run(
            ["verify", "--lessons", learner.course.path, "--jobs", "2"], in: learner.root,
            environment: ["XDG_CACHE_HOME": learner.cacheHome.path], timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("4 lesson(s): 4 ok, 0 with problems, 0 skipped"), "\(result.stdout)")
        #expect(result.stdout.contains("starter: passed (passes by design: `starterPasses: true`)"), "\(result.stdout)")
    }

    @Test func lintIsClean() throws {
        let result = try CrucibleRunner.run(["lint", FixtureLearner.fixture("rust-course").path])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("4 lessons loaded; 0 errors, 0 warnings"), "\(result.stdout)\n\(result.stderr)")
    }

    /// The starter passes by design, and the pass shows what the program printed (`showOutput`).
    @Test func theIntroductionPassesAndShowsWhatItPrinted() throws {
        let learner = try learner()
        defer { learner.remove() }
        let result = try learner.run(["check", "rustlings.intro"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("✓ passed"), "\(out)")
        #expect(out.contains("run printed:"), "\(out)")
        #expect(out.contains("This course has 4 exercises.") && out.contains("Each check builds your file with rustc"), "\(out)")
    }

    @Test func theTrackHasAnIntroduction() throws {
        let result = try CrucibleRunner.run([
            "show", "rustlings", "--lessons", FixtureLearner.fixture("rust-course").path, "--width", "100",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // Words as printed, joined across the lines the width wrapped.
        let out = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(out.contains("These exercises come from a rustlings-style set"), "\(out)")
        #expect(out.contains("rustup component add clippy") && out.contains("sudo apt-get install librust-serde-json-dev"), "\(out)")
        #expect(["rustlings.intro", "rustlings.tests", "rustlings.clippy", "rustlings.cargo-json"].allSatisfy(out.contains), "\(out)")
    }

    @Test func aFailingTestIsNamedWithItsMessageWithoutVerbose() throws {
        let learner = try learner()
        defer { learner.remove() }
        let result = try learner.run(["check", Self.testsLesson])
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("failed (failing test)"), "\(out)")
        // The summary leads with the failing test and its assertion's message, before the output's tail.
        let summary = out.range(of: "1 test failed: tests::body_temperature_in_celsius")
        let message = out.range(of: "98.6 °F should be 37 °C, got 80.8")
        let tail = out.range(of: "tests printed:")
        #expect(summary != nil && message != nil, "\(out)")
        if let summary, let message, let tail {
            #expect(summary.lowerBound < message.lowerBound && message.lowerBound < tail.lowerBound, "\(out)")
        }
        #expect(!out.contains("expected exit status 0"), "\(out)")
    }

    @Test func clippyStepIsSkippedWithANoteWhereClippyIsMissing() throws {
        let learner = try learner()
        defer { learner.remove() }
        let path = try FixtureLearner.path(
            without: "clippy-driver", keeping: ["rustc"], in: learner.root.appendingPathComponent("bin"))
        let environment = ["PATH": path]
        let starter = try learner.run(["check", Self.clippyLesson], environment: environment)
        #expect(starter.status == 1, "\(starter.stdout)\n\(starter.stderr)")
        #expect(starter.stdout.contains("FAIL: largest of [-5, -2, -8] should be -2, got 0"), "\(starter.stdout)")
        #expect(starter.stdout.contains("optional step `clippy` skipped: `clippy-driver` is not installed"), "\(starter.stdout)")
        // Doctor lists the missing linter with the steps it would run, not as unused.
        let doctor = try learner.run(["doctor"], environment: environment)
        #expect(
            doctor.stdout.contains("✗ clippy-driver: not found; used by optional steps of 1 lesson, skipped without it"), "\(doctor.stdout)"
        )

        try learner.place("largest.rs", of: Self.clippyLesson, from: "01-rustlings/03-clippy/solution/largest.rs")
        let solution = try learner.run(["check", Self.clippyLesson], environment: environment)
        #expect(solution.status == 0, "\(solution.stdout)\n\(solution.stderr)")
        #expect(solution.stdout.contains("optional step `clippy` skipped: `clippy-driver` is not installed"), "\(solution.stdout)")
        #expect(solution.stdout.contains("steps: ✓ build") && solution.stdout.contains("– clippy skipped, ✓ run"), "\(solution.stdout)")
    }

    /// Where clippy is installed it runs as a build tool, with the learner's privileges: as root a
    /// program run as learner code gets an unprivileged uid and cannot start a rustup proxy under
    /// /root. Its findings fail the starter, named with file and line.
    @Test(.enabled(if: FixtureLearner.onPath("clippy-driver"), "clippy-driver is not installed here"))
    func clippyRunsAsABuildToolWhereInstalled() throws {
        let learner = try learner()
        defer { learner.remove() }
        try learner.place("largest.rs", of: Self.clippyLesson, from: "01-rustlings/03-clippy/solution/largest.rs")
        let solution = try learner.run(["check", Self.clippyLesson])
        #expect(solution.status == 0, "\(solution.stdout)\n\(solution.stderr)")
        #expect(solution.stdout.contains("✓ clippy"), "\(solution.stdout)")

        try learner.place("largest.rs", of: Self.clippyLesson, from: "01-rustlings/03-clippy/starter/largest.rs")
        let starter = try learner.run(["check", Self.clippyLesson])
        #expect(starter.status == 1, "\(starter.stdout)\n\(starter.stderr)")
        #expect(!starter.stdout.contains("Permission denied"), "\(starter.stdout)")
        #expect(starter.stdout.contains("failed (lint)"), "\(starter.stdout)")
        #expect(starter.stdout.contains("`&Vec` instead of `&[_]`"), "\(starter.stdout)")
        #expect(starter.stdout.contains("largest.rs:6"), "\(starter.stdout)")
    }

    /// serde_json comes from Debian's crate registry, offline; dependencies are compiled into the
    /// lesson's build cache, neither the learner's HOME nor their CARGO_HOME is written, and their
    /// RUSTFLAGS do not apply.
    @Test func cargoLessonBuildsWithTheRegistryCrate() throws {
        let learner = try learner()
        defer { learner.remove() }
        let home = learner.root.appendingPathComponent("home")
        let cargoHome = learner.root.appendingPathComponent("learner-cargo-home")
        let environment = [
            "HOME": home.path, "CARGO_HOME": cargoHome.path,
            // rustup's proxies find their toolchains here, by default under the real HOME.
            "RUSTUP_HOME": ProcessInfo.processInfo.environment["RUSTUP_HOME"] ?? NSHomeDirectory() + "/.rustup",
            // The lesson unsets the learner's RUSTFLAGS: this one would fail every build.
            "RUSTFLAGS": "--no-such-rustc-flag",
        ]
        let starter = try learner.run(["check", Self.cargoLesson], environment: environment)
        #expect(starter.status == 1, "\(starter.stdout)\n\(starter.stderr)")
        #expect(starter.stdout.contains("failed (wrong output)"), "\(starter.stdout)")
        #expect(starter.stdout.contains("total in stock: 4"), "\(starter.stdout)")

        try learner.place("main.rs", of: Self.cargoLesson, from: "01-rustlings/04-cargo-json/solution/main.rs")
        let solution = try learner.run(["check", Self.cargoLesson], environment: environment)
        #expect(solution.status == 0, "\(solution.stdout)\n\(solution.stderr)")
        #expect(solution.stdout.contains("steps: ✓ build") && solution.stdout.contains("✓ run"), "\(solution.stdout)")

        let buildCache = learner.cacheHome.appendingPathComponent("crucible/build-cache/rust-course/\(Self.cargoLesson)")
        let built = (try? FileManager.default.contentsOfDirectory(atPath: buildCache.appendingPathComponent("build/debug/deps").path)) ?? []
        #expect(built.contains { $0.hasPrefix("libserde_json-") }, "serde_json is not in the build cache: \(built)")
        #expect(!FileManager.default.fileExists(atPath: home.path), "the check wrote to HOME")
        #expect(!FileManager.default.fileExists(atPath: cargoHome.path), "the check wrote to the learner's CARGO_HOME")
    }

    /// A learner without Debian's serde_json package is told how to install it (the course's
    /// declared hint), and nothing runs.
    @Test func aMissingRegistryCrateGetsTheCoursesInstallHint() throws {
        let copy = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        let course = copy.appendingPathComponent("rust-course")
        try FileManager.default.copyItem(at: FixtureLearner.fixture("rust-course"), to: course)
        let courseFile = course.appendingPathComponent("course.yml")
        let text = try String(contentsOf: courseFile, encoding: .utf8)
        let probe = "file: /usr/share/doc/librust-serde-json-dev/copyright"
        #expect(text.contains(probe))
        try text.replacingOccurrences(of: probe, with: "file: \(copy.path)/no-such-package/copyright")
            .write(to: courseFile, atomically: true, encoding: .utf8)
        let result = try CrucibleRunner.run(
            [
                "check", Self.cargoLesson, "--lessons", course.path, "--workspace", copy.appendingPathComponent("ws").path,
                "--progress", copy.appendingPathComponent("progress.json").path,
            ], environment: ["XDG_CACHE_HOME": copy.appendingPathComponent("cache").path])
        #expect(result.status != 0, "\(result.stdout)\n\(result.stderr)")
        let out = result.stdout + result.stderr
        #expect(out.contains("librust-serde-json-dev"), "\(out)")
        #expect(out.contains("sudo apt-get install librust-serde-json-dev"), "\(out)")
        #expect(!out.contains("steps: "), "a step ran:\n\(out)")
    }
}

/// One `XDG_CACHE_HOME` for every test of a suite, removed when the suite ends, so a slow first
/// build (cargo compiling serde_json) happens once per suite.
struct SharedBuildCache: SuiteTrait, TestScoping {
    /// The suite's folder; nil outside a suite with this trait (a learner then gets a cache of its own).
    @TaskLocal static var current: URL?

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.$current.withValue(folder) { try await function() }
    }
}
