import CrucibleTestSupport
import Foundation
import Testing

/// The Go fixture course (a golings-style set converted to Crucible's format) played from the
/// command line: multi-file modules, a file of test data in a subfolder, a vendored module.
@Suite struct GoCourseTests {
    static let course = CrucibleRunner.packageRoot.appendingPathComponent("Tests/CrucibleCLITests/Fixtures/go-course")

    static let hasGo = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/go") }

    /// The installed Go's version (`1.19.8`), nil without Go.
    static let goVersion: String? = {
        guard hasGo else { return nil }
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["go", "env", "GOVERSION"]
        process.standardOutput = pipe
        process.environment = ProcessInfo.processInfo.environment.merging(["GOTOOLCHAIN": "local"]) { $1 }
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let version = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return version.hasPrefix("go") ? String(version.dropFirst(2)) : nil
    }()

    /// Whether the installed Go is older than 1.22, so `modules.range-over-int` must be skipped.
    static let goOlderThan122: Bool = {
        guard let parts = goVersion?.split(separator: ".").compactMap({ Int($0) }), parts.count >= 2 else { return false }
        return parts[0] == 1 && parts[1] < 22
    }()

    /// Go's build cache (`{cache}`) is kept between test runs, so only the first run builds the
    /// standard library (with `-race`, about a minute); check results are never cached (`--no-cache`).
    static let xdgCache = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-go-course-tests-cache").path

    /// A learner's own workspace and progress file in a fresh folder.
    struct Learner {
        let state: URL
        var workspace: URL { state.appendingPathComponent("ws/go-course") }
        var options: [String] {
            [
                "--lessons", GoCourseTests.course.path, "--workspace", state.appendingPathComponent("ws").path,
                "--progress", state.appendingPathComponent("progress.json").path,
            ]
        }

        /// Where `{cache}` lives: the suite's shared folder, or, for a test that empties it (`reset`),
        /// one of its own, so a test building the same lesson alongside never loses its Go cache mid-build.
        let xdgCache: String

        init(ownCache: Bool = false) throws {
            state = try CrucibleRunner.temporaryFolder()
            xdgCache = ownCache ? state.appendingPathComponent("cache").path : GoCourseTests.xdgCache
        }
        func remove() { try? FileManager.default.removeItem(at: state) }

        /// Runs crucible with the learner's options and expects exit status `status`.
        @discardableResult
        func crucible(_ arguments: [String], status: Int32) throws -> CrucibleRunner.Result {
            let result = try CrucibleRunner.run(
                arguments + options, in: state, environment: ["XDG_CACHE_HOME": xdgCache], timeout: 600)
            #expect(result.status == status, "crucible \(arguments.joined(separator: " ")):\n\(result.stdout)\n\(result.stderr)")
            return result
        }
    }

    @Test func theGoCourseLintsClean() throws {
        let lint = try CrucibleRunner.run(["lint", Self.course.path])
        #expect(lint.status == 0, "\(lint.stdout)\n\(lint.stderr)")
        #expect(lint.stderr.contains("0 errors, 0 warnings"), "\(lint.stderr)")
    }

    // A data file in a subfolder of the starter (`testdata/words.txt`) and a hidden one beside it
    // (`check/testdata/more-words.txt`) go everywhere the lesson's other files go.
    @Test(.enabled(if: hasGo, "go is not on PATH"))
    func aTestDataFileInASubfolderIsCopiedCheckedAndReset() throws {
        let learner = try Learner(ownCache: true)
        defer { learner.remove() }
        let id = "basics.longest-word"
        let lesson = Self.course.appendingPathComponent("01-basics/02-longest-word")
        let folder = learner.workspace.appendingPathComponent(id)
        let data = folder.appendingPathComponent("testdata/words.txt")

        let starter = try learner.crucible(["check", id, "--no-cache"], status: 1)
        #expect(starter.stdout.contains("longest:  (0 letters)"), "\(starter.stdout)")
        let original = try String(contentsOf: lesson.appendingPathComponent("starter/testdata/words.txt"), encoding: .utf8)
        #expect(try String(contentsOf: data, encoding: .utf8) == original)
        // The hidden data never reaches the workspace.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("testdata/more-words.txt").path))

        // The solution passes both runs: on the learner's data file and on the course's hidden one.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("longest.go"))
        try FileManager.default.copyItem(
            at: lesson.appendingPathComponent("solution/longest.go"), to: folder.appendingPathComponent("longest.go"))
        let solved = try learner.crucible(["check", id, "--no-cache"], status: 0)
        #expect(solved.stdout.contains("✓ your words") && solved.stdout.contains("✓ the course's words"), "\(solved.stdout)")

        // The check reads the learner's copy of the data file, not the course's.
        try "a hippopotamus\n".write(to: data, atomically: true, encoding: .utf8)
        let edited = try learner.crucible(["check", id, "--no-cache"], status: 1)
        #expect(edited.stdout.contains("longest: hippopotamus (12 letters)"), "\(edited.stdout)")

        // Reset restores the file in the subfolder and keeps the learner's copy beside it.
        let reset = try learner.crucible(["reset", id, "--files", "--yes"], status: 0)
        #expect(reset.stdout.contains("Restored the starter files"), "\(reset.stdout)")
        #expect(try String(contentsOf: data, encoding: .utf8) == original)
        let kept = try FileManager.default.contentsOfDirectory(atPath: learner.workspace.path)
            .first { $0.hasPrefix(id + ".before-reset-") }
        let keptData = kept.map { learner.workspace.appendingPathComponent($0).appendingPathComponent("testdata/words.txt") }
        #expect(keptData.flatMap { try? String(contentsOf: $0, encoding: .utf8) } == "a hippopotamus\n", "\(kept ?? "no copy kept")")
    }

    // The module the lesson uses is vendored in the course: the check builds with -mod=vendor and
    // GOPROXY=off, so it needs no network and no module cache.
    @Test(.enabled(if: hasGo, "go is not on PATH"))
    func aLessonBuildsWithAModuleVendoredInTheCourse() throws {
        let learner = try Learner()
        defer { learner.remove() }
        let id = "modules.slug"
        let starter = try learner.crucible(["check", id, "--no-cache"], status: 1)
        #expect(starter.stdout.contains("✓ build"), "\(starter.stdout)")
        #expect(starter.stdout.contains("Hello World"), "\(starter.stdout)")
        let folder = learner.workspace.appendingPathComponent(id)
        // Only the learner's file is copied: go.mod and vendor/ stay hidden.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") } == ["slug.go"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("slug.go"))
        try FileManager.default.copyItem(
            at: Self.course.appendingPathComponent("02-modules/01-slug/solution/slug.go"), to: folder.appendingPathComponent("slug.go"))
        try learner.crucible(["check", id, "--no-cache"], status: 0)
    }

    // `requires: ["go >= 1.22"]` with an older Go: the check runs nothing and names both versions,
    // and verify counts the lesson as skipped, which only --allow-skips accepts.
    @Test(.enabled(if: goOlderThan122, "needs a Go older than 1.22"))
    func aLessonNeedingANewerGoIsSkippedWithBothVersionsNamed() throws {
        let learner = try Learner()
        defer { learner.remove() }
        let installed = try #require(Self.goVersion)
        let check = try learner.crucible(["check", "modules.range-over-int", "--no-cache"], status: 1)
        #expect(check.stdout.contains("tool too old (go)"), "\(check.stdout)")
        #expect(check.stdout.contains("needs go 1.22, have \(installed)"), "\(check.stdout)")
        #expect(check.stdout.contains("nothing was checked") && check.stdout.contains("not counted as an attempt"), "\(check.stdout)")
        // Reinstalling Debian's golang-go would not help: the fix points at a newer Go.
        #expect(check.stdout.contains("Fix: install a newer Go from https://go.dev/dl/"), "\(check.stdout)")

        let verify = try learner.crucible(["verify"], status: 1)
        #expect(verify.stdout.contains("skipped (needs go 1.22, have \(installed): 1)"), "\(verify.stdout)")
        #expect(verify.stdout.contains(" 0 with problems"), "\(verify.stdout)")
        #expect(verify.stderr.contains("pass --allow-skips"), "\(verify.stderr)")
        let allowed = try learner.crucible(["verify", "--allow-skips"], status: 0)
        let row = allowed.stdout.split(separator: "\n").first { $0.hasPrefix("modules.range-over-int ") }
        #expect(row?.contains("skipped") == true, "\(allowed.stdout)")
    }

    // Each starter fails for its true reason, said without --verbose: a failing test names itself and
    // its message, a race names the learner's file and line, a panic its message; none is a compile
    // error, and no path names the removed scratch folder.
    @Test(.enabled(if: hasGo, "go is not on PATH"))
    func startersReportAFailingTestARaceAndAPanicForWhatTheyAre() throws {
        let learner = try Learner()
        defer { learner.remove() }
        let stack = try learner.crucible(["check", "basics.stack", "--no-cache"], status: 1)
        #expect(stack.stdout.contains("failed (failing test)"), "\(stack.stdout)")
        #expect(stack.stdout.contains("TestPopEmpty at stack_test.go:20"), "\(stack.stdout)")
        #expect(stack.stdout.contains("Pop() on an empty stack = 0, true; want ok == false"), "\(stack.stdout)")
        #expect(!stack.stdout.contains("TestPushPop"), "only the failing test is named:\n\(stack.stdout)")

        let counter = try learner.crucible(["check", "basics.counter", "--no-cache"], status: 1)
        // The starter's `c.n++`, line 10 of the learner's counter.go.
        #expect(counter.stdout.contains("data race at counter.go:10"), "\(counter.stdout)")
        // The report's start, with both accesses, comes along without --verbose.
        #expect(counter.stdout.contains("The report begins:") && counter.stdout.contains("Previous write at"), "\(counter.stdout)")

        let panics = try learner.crucible(["check", "basics.last-element", "--no-cache"], status: 1)
        #expect(panics.stdout.contains("failed (panic)"), "\(panics.stdout)")
        #expect(panics.stdout.contains("Panic at stats.go:5"), "\(panics.stdout)")
        #expect(panics.stdout.contains("runtime error: index out of range [3] with length 3"), "\(panics.stdout)")

        // The other panic of the lesson: a write to a nil map.
        let stats = learner.workspace.appendingPathComponent("basics.last-element/stats.go")
        try FileManager.default.removeItem(at: stats)
        try FileManager.default.copyItem(
            at: Self.course.appendingPathComponent("01-basics/05-last-element/wrong/nil-map/stats.go"), to: stats)
        let nilMap = try learner.crucible(["check", "basics.last-element", "--no-cache"], status: 1)
        #expect(nilMap.stdout.contains("failed (panic)"), "\(nilMap.stdout)")
        #expect(nilMap.stdout.contains("assignment to entry in nil map"), "\(nilMap.stdout)")

        for result in [stack, counter, panics, nilMap] {
            #expect(!result.stdout.contains("compile error"), "\(result.stdout)")
            #expect(!result.stdout.contains("crucible-check-"), "\(result.stdout)")
        }
    }
}
