import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

@Suite struct ScoreboardTests {
    /// A course with lessons `a.go-1`, `a.rust-1` (code lessons in their language) and `a.read`,
    /// and `scoreboardYAML` under `scoreboard:`.
    static func load(_ scoreboardYAML: String) throws -> CourseLoadResult {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scoreboard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("course.yml", "id: c\ntitle: C\nwelcome: W\nscoreboard:\n" + scoreboardYAML)
        try write("01-a/track.yml", "id: a\ntitle: A\nsummary: S\n")
        try write("01-a/01-read/lesson.md", "---\nid: a.read\ntitle: R\nkind: read\n---\nBody\n")
        for (language, file) in [("go", "main.go"), ("rust", "main.rs")] {
            try write(
                "01-a/0\(language == "go" ? 2 : 3)-\(language)/lesson.md",
                "---\nid: a.\(language)-1\ntitle: T\nkind: code\ncode:\n  language: \(language)\n  starter: [\(file)]\n"
                    + "  solution: [\(file)]\n  steps:\n    - run: [sh, -c, 'true']\n---\nBody\n")
            try write("01-a/0\(language == "go" ? 2 : 3)-\(language)/starter/\(file)", "x\n")
            try write("01-a/0\(language == "go" ? 2 : 3)-\(language)/solution/\(file)", "y\n")
        }
        return CourseLoader.load(from: root)
    }

    static func courseDiagnostics(_ loaded: CourseLoadResult) -> [String] {
        loaded.diagnostics.filter { $0.file.hasSuffix("course.yml") }.map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test func parsesTasksWithTheirLessonsInFileOrder() throws {
        let loaded = try Self.load(
            """
              title: "Arena: Rust vs Go"
              tasks:
                - { task: "Hello", lessons: { rust: a.rust-1, go: a.go-1 } }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(
            loaded.course?.scoreboard
                == Scoreboard(
                    title: "Arena: Rust vs Go",
                    tasks: [
                        ScoreboardTask(
                            name: "Hello",
                            lessons: [.init(language: "rust", lessonID: "a.rust-1"), .init(language: "go", lessonID: "a.go-1")])
                    ]))
        #expect(loaded.course?.scoreboard?.languages == ["rust", "go"])
    }

    @Test(arguments: [
        // An unknown key, with a suggestion.
        (
            "  title: T\n  taks: []\n",
            ["5:3 `scoreboard` is missing the required key `tasks`; add `tasks: …`", "6:3 unknown key `taks`; did you mean `tasks`?"]
        ),
        // A lesson the course lacks, with a suggestion.
        (
            "  title: T\n  tasks:\n    - { task: H, lessons: { go: a.go-2, rust: a.rust-1 } }\n",
            ["7:33 the scoreboard names the lesson `a.go-2`, which the course does not have; did you mean `a.go-1`?"]
        ),
        // One language only.
        (
            "  title: T\n  tasks:\n    - { task: H, lessons: { go: a.go-1 } }\n",
            [
                "7:27 the task `H` has one language; a scoreboard compares languages, so give it a lesson in at least two, such as `{ go: …, rust: … }`"
            ]
        ),
        // A language that is not one of the course's.
        (
            "  title: T\n  tasks:\n    - { task: H, lessons: { go: a.go-1, rsut: a.rust-1 } }\n",
            ["7:41 unknown language `rsut`; did you mean `rust`? (a task's `lessons` maps a language to a lesson id)"]
        ),
        // The same task twice.
        (
            "  title: T\n  tasks:\n    - { task: H, lessons: { go: a.go-1, rust: a.rust-1 } }\n    - { task: H, lessons: { go: a.go-1, rust: a.rust-1 } }\n",
            ["8:15 the task `H` is already on the scoreboard at line 7; give each task its own name"]
        ),
        // A lesson under the wrong language.
        (
            "  title: T\n  tasks:\n    - { task: H, lessons: { go: a.rust-1, rust: a.go-1 } }\n",
            [
                "7:33 the lesson `a.rust-1` is written in rust, not go; put it under `rust:` or name the go lesson",
                "7:49 the lesson `a.go-1` is written in go, not rust; put it under `go:` or name the rust lesson",
            ]
        ),
    ])
    func lintsMistakesAtTheirPlace(yaml: String, expected: [String]) throws {
        let loaded = try Self.load(yaml)
        #expect(Self.courseDiagnostics(loaded) == expected)
    }

    @Test func aScoreboardWithAnErrorIsLeftOutButTheCourseLoads() throws {
        let loaded = try Self.load("  title: T\n  tasks:\n    - { task: H, lessons: { go: a.go-1 } }\n")
        #expect(loaded.course != nil)
        #expect(loaded.course?.scoreboard == nil)
    }

    // MARK: The standings

    @Test func eachLanguagesLatestPassingCheckAnswersEveryClaim() throws {
        let loaded = ScoreboardFixture.load()
        let scoreboard = try #require(loaded.course?.scoreboard)
        let standings = ScoreboardStandings(scoreboard, progress: try ScoreboardFixture.progress())
        #expect(!standings.isEmpty)
        #expect(standings.languages == ["go", "rust"])
        let endpoint = standings.tasks[0]
        #expect(endpoint.claims.map(\.claim) == ["faster", "leaner", "steadier latency", "simpler to write"])
        let rows = Dictionary(uniqueKeysWithValues: endpoint.claims.flatMap(\.rows).map { ($0.measure, $0) })
        // The later failing check (99,000 req/s) is not the one shown.
        #expect(rows["throughput"]?.values.map(\.text) == ["41,000 req/s", "52,000 req/s"])
        #expect(rows["throughput"]?.answer == "Rust, 1.3×")
        #expect(rows["p50 latency"]?.values.map(\.text) == ["310 µs", "250 µs"])
        #expect(rows["peak memory"]?.values.map(\.text) == ["9.5 MiB", "3.1 MiB"])
        #expect(rows["peak memory"]?.answer == "Rust, 3.1×")
        #expect(rows["CPU time"]?.answer == "a tie (within 10%)")
        #expect(rows["p99 / p50"]?.values.map(\.text) == ["6.1×", "3.6×"])
        #expect(rows["lines of code"]?.answer == "Go, 1.6×")
        #expect(rows["attempts"]?.values.map(\.text) == ["3", "5"])
        #expect(rows["build time"]?.answer == "Go, 12×")
        let boss = standings.tasks[1]
        #expect(boss.measuredLanguages == ["go"])
        #expect(boss.claims.flatMap(\.rows).allSatisfy { $0.verdict == .notMeasured })
        #expect(boss.claims[0].rows[0].values.map(\.text) == ["18,000 req/s", "–"])
    }

    @Test func withoutProgressNothingIsMeasuredAndTheNoteNamesTheLessons() throws {
        let scoreboard = try #require(ScoreboardFixture.load().course?.scoreboard)
        let standings = ScoreboardStandings(scoreboard, progress: nil)
        #expect(standings.isEmpty)
        #expect(standings.emptyNote.contains("`a.endpoint-go`, `a.endpoint-rust`, `a.boss-go`, `a.boss-rust`"))
    }

    @Test(arguments: [
        (41000.0, 52000.0, true, "Rust, 1.3×"),
        (100.0, 109.0, true, "a tie (within 10%)"),
        (100.0, 110.0, true, "Rust, 1.1×"),
        (2.0, 1.0, false, "Rust, 2.0×"),
        (1.0, 2.0, false, "Go, 2.0×"),
        (5.0, 5.0, false, "a tie (within 10%)"),
        (0.0, 3.0, false, "Go, by far"),
    ])
    func verdicts(go: Double, rust: Double, higherIsBetter: Bool, answer: String) {
        let verdict = ScoreboardVerdict(languages: ["go", "rust"], values: [go, rust], higherIsBetter: higherIsBetter)
        #expect(verdict.text == answer)
    }

    @Test func aMissingSideIsNotMeasuredYet() {
        #expect(ScoreboardVerdict(languages: ["go", "rust"], values: [1, nil], higherIsBetter: true).text == "not measured yet")
    }
}
