import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// Tools a course declares in `course.yml`, minimum versions in `requires`, build tools versus
/// learner code, and the environment a step runs in: one catalog answers for every part.
@Suite struct CourseToolsTests {
    /// A course in a temporary folder: `course.yml` with `tools` (YAML lines under `tools:`), one
    /// code lesson whose front matter ends with `code` (lines under `code:` after language/starter/solution).
    struct TemporaryCourse {
        let root: URL
        let loaded: CourseLoadResult

        init(tools: String?, requires: String = "[]", steps: String) throws {
            root = try temporaryFolder()
            let lesson = root.appendingPathComponent("01-track/01-lesson")
            for sub in ["starter", "solution"] {
                try FileManager.default.createDirectory(at: lesson.appendingPathComponent(sub), withIntermediateDirectories: true)
                try "".write(to: lesson.appendingPathComponent("\(sub)/x.txt"), atomically: true, encoding: .utf8)
            }
            let course = "id: course\ntitle: Course\nwelcome: Hello.\n" + (tools.map { "tools:\n" + $0 } ?? "")
            try course.write(to: root.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
            try "id: track\ntitle: Track\nsummary: One lesson.\n".write(
                to: root.appendingPathComponent("01-track/track.yml"), atomically: true, encoding: .utf8)
            let frontMatter =
                "id: track.lesson\ntitle: Lesson\nkind: code\nrequires: \(requires)\ncode:\n  language: text\n"
                + "  starter: [x.txt]\n  solution: [x.txt]\n  steps:\n" + steps
            try ("---\n" + frontMatter + "---\nYou will learn one thing.\n").write(
                to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
            loaded = CourseLoader.load(from: root)
        }

        var course: Course? { loaded.course }
        var lesson: Lesson? { loaded.tracks.first?.lessons.first }
        /// Diagnostics as `FILE:LINE:COL: severity: message`, FILE relative to the course.
        var diagnostics: [String] {
            loaded.diagnostics.map {
                "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)"
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// A folder on PATH (before the system's) holding `fake-lint`, which prints `version` and notes each run.
    struct FakeTool {
        let folder: URL
        var path: String { folder.path + ":/usr/bin:/bin" }
        var environment: [String: String] { ["PATH": path, "HOME": folder.path] }

        init(version: String) throws {
            folder = try temporaryFolder()
            let script = folder.appendingPathComponent("fake-lint")
            try "#!/bin/sh\necho ran >> '\(folder.path)/runs'\necho 'fake-lint \(version) (fixture)'\n".write(
                to: script, atomically: true, encoding: .utf8)
            chmod(script.path, 0o755)
            chmod(folder.path, 0o755)
        }

        var ran: Bool { FileManager.default.fileExists(atPath: folder.path + "/runs") }
        func engine() -> CheckEngine { CheckEngine(cache: nil, tools: ToolProbe(environment: environment), environment: environment) }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let fakeLint = """
          fake-lint:
            purpose: "the course's linter"
            kind: build
            version: [--version]
            versionPattern: 'fake-lint ([0-9][0-9.]*)'
            install:
              debian: "pip install fake-lint"

        """

    // MARK: - Declaring tools

    @Test func aDeclaredToolIsInTheCatalogTheCourseTheLessonAndItsStepsCarry() throws {
        let course = try TemporaryCourse(tools: Self.fakeLint, steps: "    - run: [fake-lint, x.txt]\n")
        defer { course.remove() }
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        let catalog = try #require(course.course?.tools)
        let tool = catalog.info("fake-lint")
        #expect(tool.purpose == "the course's linter" && tool.kind == .build && tool.debian == "pip install fake-lint")
        #expect(tool.versionArguments == ["--version"] && tool.versionPattern == "fake-lint ([0-9][0-9.]*)")
        #expect(catalog.listed.contains { $0.name == "fake-lint" }, "doctor lists a declared tool")
        let lesson = try #require(course.lesson)
        #expect(lesson.tools == catalog && lesson.code?.steps.first?.toolCatalog == catalog)
        // Unknown names keep the generic hint; built-ins are still there.
        #expect(catalog.info("frobnicate").debian.contains("apt-cache search frobnicate"))
        #expect(catalog.info("go").debian.contains("golang-go"))
    }

    @Test func aDeclarationOverridesABuiltInToolKeyByKey() throws {
        let course = try TemporaryCourse(
            tools: "  go:\n    install: { debian: \"use the course's Go\" }\n    env: { GOFLAGS: \"-mod=vendor\" }\n",
            steps: "    - run: [go, version]\n")
        defer { course.remove() }
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        let go = try #require(course.course?.tools.info("go"))
        #expect(go.debian == "use the course's Go" && go.kind == .build && go.versionArguments == ["version"])
        #expect(go.environment["GOFLAGS"] == .some("-mod=vendor") && go.environment["GOTOOLCHAIN"] == .some("local"))
    }

    @Test func lintReportsEachMistakeInADeclarationWithLineAndColumn() throws {
        let course = try TemporaryCourse(
            tools: """
                  one:
                    purpse: "typo"
                  two:
                    kind: compiler
                  three:
                    version: []
                  four:
                    version: [--version]
                    versionPattern: 'v([0-9]'
                  five:
                    file: usr/share/cargo/registry
                  six:
                    install: "apt-get install six"
                  seven:
                    versionPattern: 'no group'
                  /usr/bin/eight: {}

                """,
            steps: "    - run: [sh, -c, \"true\"]\n")
        defer { course.remove() }
        let diagnostics = course.diagnostics.filter { $0.hasPrefix("course.yml") }
        let expected = [
            "course.yml:6:5: error: unknown key `purpse`; did you mean `purpose`?",
            "course.yml:8:11: error: unknown kind `compiler`; use one of `build`, `program` (`build`: it builds or lints the "
                + "learner's code, like a compiler; `program`: it runs the learner's code)",
            "course.yml:10:14: error: `version` is empty; give the arguments that make `three` print its version, such as "
                + "[--version], or leave `version` out to only look the tool up on PATH",
            "course.yml:13:21: error: `versionPattern` `v([0-9]` is not a valid regular expression; check its brackets and escapes",
            "course.yml:15:11: error: `file` `usr/share/cargo/registry` is not an absolute path; name the file or folder that "
                + "must exist from /, such as /usr/share/cargo/registry",
            "course.yml:17:14: error: `install` must be a map of `key: value` lines, found string `apt-get install six`",
            "course.yml:19:21: error: `versionPattern` `no group` has no capture group; put the version in parentheses, such "
                + "as 'clippy ([0-9][0-9.]*)'",
            "course.yml:20:3: error: `/usr/bin/eight` in `tools` is not a tool name; name the command looked up on PATH (such "
                + "as `clippy-driver`), or, for a `file` probe, the word lessons' `requires` use",
        ]
        #expect(diagnostics == expected, "\(diagnostics)")
    }

    @Test func lintReportsAMalformedMinimumVersionWithLineAndColumn() throws {
        let course = try TemporaryCourse(
            tools: nil, requires: "[\"go >= banana\", \">= 1.2\", \"go > 1.2\", \"go>=1.2\"]",
            steps: "    - run: [sh, -c, \"true\"]\n      requires: [\"sh >= 1..2\"]\n")
        defer { course.remove() }
        let example = "; write a tool name, optionally with a minimum version, such as `go` or `go >= 1.22`"
        #expect(
            course.diagnostics == [
                "lesson.md:5:12: error: `banana` in `go >= banana` is not a version (whole numbers separated by dots, such as 1.22)"
                    + example + " (in the lesson's `requires`)",
                "lesson.md:5:28: error: `>= 1.2` in `requires` names no tool" + example + " (in the lesson's `requires`)",
                "lesson.md:5:38: error: `go > 1.2` compares with `>`; only `>=` (a minimum version) is supported" + example
                    + " (in the lesson's `requires`)",
                "lesson.md:5:50: error: `go>=1.2` in `requires` needs spaces around `>=`" + example + " (in the lesson's `requires`)",
                "lesson.md:12:18: error: `1..2` in `sh >= 1..2` is not a version (whole numbers separated by dots, such as 1.22)"
                    + example + " (in a step's `requires`)",
            ], "\(course.diagnostics)")
        #expect(course.lesson == nil)
    }

    @Test func requirementsParseOnceAndKeepTheHighestMinimum() throws {
        #expect(try ToolRequirement.parse("go >= 1.22").get() == ToolRequirement(name: "go", minimum: ToolVersion("1.22")))
        #expect(try ToolRequirement.parse("swiftc").get() == ToolRequirement(name: "swiftc"))
        #expect(ToolRequirement.merged(["go", "go >= 1.21", "go >= 1.22", "go >= 1.9"]) == ["go >= 1.22"])
        #expect(try #require(ToolVersion("1.22")) > #require(ToolVersion("1.9")))
        #expect(ToolVersion("1.22") == ToolVersion("1.22.0"))
        #expect(ToolCatalog.builtIn.info("go").version(from: "go version go1.19.8 linux/amd64") == ToolVersion("1.19.8"))
    }

    /// The version in a probe's line is the first match of `[0-9]+(\.[0-9]+)+`, else of `[0-9]+`,
    /// scanned without a regular expression: the regular expressions themselves are the reference,
    /// on probe lines and on random text of digits, dots, letters, huge numbers and non-ASCII digits.
    @Test func aProbeLinesVersionIsTheFirstDottedNumberElseTheFirstNumber() {
        func reference(_ text: String) -> ToolVersion? {
            for pattern in [#"[0-9]+(\.[0-9]+)+"#, "[0-9]+"] {
                if let found = text.range(of: pattern, options: .regularExpression), let version = ToolVersion(String(text[found])) {
                    return version
                }
            }
            return nil
        }
        let lines = [
            "go version go1.19.8 linux/amd64", "rustc 1.75.0 (82e1608df 2023-12-21)", "Debian clang version 14",
            "build 42, version 3.1", "1..2.3", "1.2.3.", ".5", "no version", "", "v99999999999999999999.1 then 7",
            "7 then 99999999999999999999.1", "١٢.٣ 2.5", "é1\u{301}.2", "Swift version 6.3.1 (swift-6.3.1-RELEASE)",
        ]
        for line in lines {
            #expect(ToolVersion.first(in: line)?.parts == reference(line)?.parts, "\(line)")
        }
        #expect(ToolVersion.first(in: "go version go1.19.8 linux/amd64")?.parts == [1, 19, 8])
        #expect(ToolVersion.first(in: "7 then 99999999999999999999.1")?.parts == [7])
        var generator = SeededGenerator()
        let pieces = ["0", "1", "9", "12", ".", ".", "a", " ", "-", "١", "é", "\u{301}", "99999999999999999999"]
        for _ in 0..<3_000 {
            let line = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(ToolVersion.first(in: line)?.parts == reference(line)?.parts, "\(line.debugDescription) (\(generator.replay))")
        }
    }

    // MARK: - Found, missing, too old

    @Test func aDeclaredToolThatIsMissingStopsTheCheckWithItsOwnInstallHint() async throws {
        let course = try TemporaryCourse(tools: Self.fakeLint, steps: "    - run: [fake-lint, x.txt]\n")
        defer { course.remove() }
        let lesson = try #require(course.lesson)
        let environment = ["PATH": "/usr/bin:/bin"]
        let engine = CheckEngine(cache: nil, tools: ToolProbe(environment: environment), environment: environment)
        let result = await engine.check(lesson: lesson, files: ["x.txt": Data()])
        #expect(result.outcome == .toolMissing, "\(result.message)")
        #expect(result.missingTools == [MissingTool(name: "fake-lint", debian: "pip install fake-lint", macOS: "brew search fake-lint")])
    }

    @Test func aDeclaredToolThatIsFoundRunsAsABuildTool() async throws {
        let tool = try FakeTool(version: "2.4.1")
        defer { tool.remove() }
        let course = try TemporaryCourse(tools: Self.fakeLint, requires: "[\"fake-lint >= 2.4\"]", steps: "    - run: [fake-lint, x.txt]\n")
        defer { course.remove() }
        let lesson = try #require(course.lesson)
        let result = await tool.engine().check(lesson: lesson, files: ["x.txt": Data()])
        #expect(result.passed, "\(result.message)")
        #expect(tool.ran)
    }

    @Test func aToolOlderThanRequiredStopsTheCheckBeforeAnythingRuns() async throws {
        let tool = try FakeTool(version: "1.4.2")
        defer { tool.remove() }
        let course = try TemporaryCourse(tools: Self.fakeLint, requires: "[\"fake-lint >= 2.0\"]", steps: "    - run: [fake-lint, x.txt]\n")
        defer { course.remove() }
        let lesson = try #require(course.lesson)
        let result = await tool.engine().check(lesson: lesson, files: ["x.txt": Data()])
        #expect(result.outcome == .toolBroken, "\(result.message)")
        #expect(result.message == "this lesson needs fake-lint 2.0, have 1.4.2, so nothing was checked")
        #expect(result.brokenTools.map(\.tooOld) == ["needs fake-lint 2.0, have 1.4.2"])
        #expect(result.brokenTools.first?.fixes == ["install a newer version: pip install fake-lint"])
        #expect(result.steps.isEmpty)
        // Only the version probe ran, never a step.
        #expect((try? String(contentsOfFile: tool.folder.path + "/runs", encoding: .utf8))?.split(separator: "\n").count == 1)

        // verify skips it with the version named; the course's problems mark it for the map and doctor.
        let verification = await Verifier(engine: tool.engine()).verify(lesson)
        #expect(verification.status == .skipped && verification.skipReason == "needs fake-lint 2.0, have 1.4.2")
        let problems = await ToolProbe(environment: tool.environment).problems(in: try #require(course.course))
        #expect(problems.tooOld == ["track.lesson": ["fake-lint 2.0, have 1.4.2"]] && problems.missing.isEmpty)
    }

    @Test func aDeclaredUpgradeHintIsTheFixForATooOldTool() async throws {
        let tool = try FakeTool(version: "1.4.2")
        defer { tool.remove() }
        let declaration = Self.fakeLint.replacingOccurrences(
            of: "      debian: \"pip install fake-lint\"\n",
            with: "      debian: \"pip install fake-lint\"\n      upgrade: \"pip install --upgrade fake-lint\"\n")
        let course = try TemporaryCourse(tools: declaration, requires: "[\"fake-lint >= 2.0\"]", steps: "    - run: [fake-lint, x.txt]\n")
        defer { course.remove() }
        let lesson = try #require(course.lesson)
        let result = await tool.engine().check(lesson: lesson, files: ["x.txt": Data()])
        #expect(result.brokenTools.first?.fixes == ["pip install --upgrade fake-lint"], "\(result.brokenTools)")
    }

    @Test func anOptionalStepWhoseToolIsTooOldIsSkippedWithTheVersionNamed() async throws {
        let tool = try FakeTool(version: "1.4.2")
        defer { tool.remove() }
        let course = try TemporaryCourse(
            tools: Self.fakeLint,
            steps: """
                    - name: lint
                      run: [fake-lint, x.txt]
                      requires: ["fake-lint >= 2.0"]
                      optional: true
                    - run: [sh, -c, "true"]

                """)
        defer { course.remove() }
        let lesson = try #require(course.lesson)
        let result = await tool.engine().check(lesson: lesson, files: ["x.txt": Data()])
        #expect(result.passed, "\(result.message)")
        #expect(result.steps.first?.skipped == "it needs fake-lint 2.0, have 1.4.2", "\(result.steps)")
    }

    @Test func aFileProbeIsFoundByTheFileExistingAndRunsNothing() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = folder.appendingPathComponent("registry")
        let declaration =
            "  serde-json-crate:\n    file: \(registry.path)\n    install: { debian: \"sudo apt-get install librust-serde-json-dev\" }\n"
        let course = try TemporaryCourse(tools: declaration, requires: "[serde-json-crate]", steps: "    - run: [sh, -c, \"true\"]\n")
        defer { course.remove() }
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        let lesson = try #require(course.lesson)
        let engine = CheckEngine(cache: nil, tools: ToolProbe(), environment: ["PATH": "/usr/bin:/bin"])
        let missing = await engine.check(lesson: lesson, files: ["x.txt": Data()])
        #expect(missing.outcome == .toolMissing && missing.missingTools.first?.debian == "sudo apt-get install librust-serde-json-dev")
        try FileManager.default.createDirectory(at: registry, withIntermediateDirectories: true)
        let found = await engine.check(lesson: lesson, files: ["x.txt": Data()])
        #expect(found.passed, "\(found.message)")
        let status = await ToolProbe().status("serde-json-crate", in: try #require(course.course?.tools))
        #expect(status.path == registry.path && status.isWorking)
    }

    // MARK: - Build tool or learner code

    @Test func aBuildKindToolGetsToolchainLimitsAndAProgramKindToolLearnerProgramLimits() throws {
        let catalog = ToolCatalog(declared: [
            ToolInfo(name: "fake-lint", purpose: "", versionArguments: [], debian: "", macOS: "", kind: .build),
            ToolInfo(name: "fake-run", purpose: "", versionArguments: [], debian: "", macOS: "", kind: .program),
            // A built-in compiler the course says runs learner code.
            ToolInfo(name: "cc", purpose: "", versionArguments: [], debian: "", macOS: "", kind: .program),
        ])
        let scratch = URL(fileURLWithPath: "/tmp")
        func limits(_ run: [String]) -> ResourceLimits {
            let step = CheckStep(name: "s", run: run, toolCatalog: catalog)
            return StepPlan(steps: [step], scratch: scratch, lessonFolder: scratch, learnerFiles: [], hiddenFiles: [])
                .invocation(for: step).limits
        }
        #expect(limits(["fake-lint", "x.rs"]) == .toolchain)
        #expect(limits(["sh", "-c", "fake-lint x.rs 2>&1"]) == .toolchain)
        #expect(limits(["fake-run", "x.py"]) == .learnerProgram)
        #expect(limits(["cc", "x.c"]) == .learnerProgram)
        #expect(limits(["rustc", "x.rs"]) == .toolchain)
        // Without the declaration the linter is learner code, as before.
        let plain = CheckStep(name: "s", run: ["fake-lint", "x.rs"])
        #expect(
            StepPlan(steps: [plain], scratch: scratch, lessonFolder: scratch, learnerFiles: [], hiddenFiles: [])
                .invocation(for: plain).limits == .learnerProgram)
        #expect(catalog.isBuildTool("/usr/local/bin/fake-lint") && !catalog.isBuildTool("fake-run"))
    }

    /// Only root runs learner programs under another uid, so only there can a tool be out of their reach.
    @Test(.enabled(if: geteuid() == 0, "only as root do learner programs run under a fresh unprivileged uid"))
    func aProgramKindToolOtherUsersCannotStartIsToldApartFromMissing() async throws {
        #expect(ToolProbe.othersCannotRun("/bin/sh") == nil)
        let outer = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outer) }
        let hidden = outer.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        let tool = hidden.appendingPathComponent("fake-run")
        try "#!/bin/sh\necho ran\n".write(to: tool, atomically: true, encoding: .utf8)
        chmod(tool.path, 0o755)
        chmod(hidden.path, 0o700)
        let environment = ["PATH": hidden.path + ":/usr/bin:/bin"]
        let catalog = ToolCatalog(declared: [
            ToolInfo(name: "fake-run", purpose: "", versionArguments: [], debian: "sudo apt-get install fake-run", macOS: "")
        ])
        let status = await ToolProbe(environment: environment).status("fake-run", in: catalog)
        #expect(status.unreachableReason == "\(tool.path) is under \(hidden.path), which other users cannot enter", "\(status)")
        #expect(status.found && !status.isWorking)
        // A build tool runs with root's own rights, so the same place is fine for it.
        let build = ToolCatalog(declared: [
            ToolInfo(name: "fake-run", purpose: "", versionArguments: [], debian: "", macOS: "", kind: .build)
        ])
        #expect(await ToolProbe(environment: environment).status("fake-run", in: build).isWorking)

        let problems = catalog.problems(["fake-run"], [status])
        #expect(
            problems.broken.first?.fixes == [
                "install it where every user can run it, e.g. sudo apt-get install fake-run", "or put /usr/bin first on PATH",
            ])
    }

    // MARK: - The environment a step runs in

    @Test func nullInAStepsEnvUnsetsTheVariable() async throws {
        let course = try TemporaryCourse(
            tools: nil,
            steps: """
                    - run: [sh, -c, "echo ${GOFLAGS-unset} ${KEPT-unset}"]
                      env: { GOFLAGS: null, KEPT: "{lesson}" }
                      expect: { stdout: { equals: "unset LESSON\\n" } }

                """)
        defer { course.remove() }
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        let lesson = try #require(course.lesson)
        #expect(lesson.code?.steps.first?.env == ["GOFLAGS": nil, "KEPT": "{lesson}"])
        let environment = ["PATH": "/usr/bin:/bin", "GOFLAGS": "-mod=mod"]
        let engine = CheckEngine(cache: nil, tools: ToolProbe(environment: environment), environment: environment)
        let result = await engine.check(lesson: lesson, files: ["x.txt": Data()])
        #expect(result.steps.first?.stdout == "unset \(lesson.folder.path)\n", "\(result.steps)")
    }

    @Test func stepsRunningGoGetACleanGoEnvironmentThatTheirOwnEnvOverrides() {
        let environment = ["PATH": "/usr/bin:/bin", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "auto", "HOME": "/home/ada"]
        let scratch = URL(fileURLWithPath: "/tmp/scratch")
        func environmentOf(_ step: CheckStep) -> [String: String] {
            StepPlan(
                steps: [step], scratch: scratch, lessonFolder: scratch, cache: URL(fileURLWithPath: "/cache"), learnerFiles: [],
                hiddenFiles: [], environment: environment
            ).invocation(for: step).environment
        }
        let go = environmentOf(CheckStep(name: "test", run: ["go", "test", "./..."]))
        #expect(go["GOTOOLCHAIN"] == "local" && go["GOFLAGS"] == nil && go["GOENV"] == "off")
        // GOCACHE is left alone (Go keeps it under HOME) unless the step sets it.
        #expect(go["GOCACHE"] == nil && go["HOME"] == "/home/ada")
        let cached = environmentOf(CheckStep(name: "test", run: ["sh", "-c", "go vet && go test"], env: ["GOCACHE": "{cache}/go-build"]))
        #expect(cached["GOCACHE"] == "/cache/go-build" && cached["GOTOOLCHAIN"] == "local")
        let own = environmentOf(CheckStep(name: "test", run: ["go", "test"], env: ["GOFLAGS": "-race"]))
        #expect(own["GOFLAGS"] == "-race")
        // Other tools' steps keep the learner's variables.
        #expect(environmentOf(CheckStep(name: "run", run: ["sh", "-c", "true"]))["GOFLAGS"] == "-mod=mod")
    }
}
