import Foundation
import Testing

@testable import CrucibleEngine

/// The JSON Schemas under `Lessons/schema`: every bundled file obeys them, they name exactly the
/// keys the loader accepts, and the authoring guide documents every key.
@Suite struct SchemaTests {
    static let lessons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons", isDirectory: true)

    static func validator(_ name: String) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: lessons.appendingPathComponent("schema/\(name).schema.json"))
    }

    /// The YAML of a lesson's front matter.
    static func frontMatter(_ lessonFile: URL) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: lessonFile))
        let start = TextFile.bomLength(bytes)
        guard case .success(let split) = FrontMatter.split(bytes, from: start) else {
            throw SchemaError("\(lessonFile.path) has no front matter")
        }
        return String(decoding: bytes[split.yaml], as: UTF8.self)
    }

    /// Every schema'd file of a course: (schema name, file, YAML text).
    static func courseFiles(_ root: URL) throws -> [(schema: String, file: URL, yaml: String)] {
        let loaded = CourseLoader.load(from: root)
        var files: [(schema: String, file: URL, yaml: String)] = []
        func add(_ schema: String, _ file: URL) throws { files.append((schema, file, try String(contentsOf: file, encoding: .utf8))) }
        try add("course", root.appendingPathComponent("course.yml"))
        let achievements = root.appendingPathComponent(AchievementsFile.name)
        if FileManager.default.fileExists(atPath: achievements.path) { try add("achievements", achievements) }
        for track in loaded.tracks {
            try add("track", track.folder.appendingPathComponent("track.yml"))
            for lesson in track.lessons { files.append(("lesson", lesson.file, try frontMatter(lesson.file))) }
        }
        return files
    }

    /// Validates every schema'd file of the course at `root`; returns "file: problem" lines.
    static func schemaErrors(inCourse root: URL) throws -> [String] {
        var validators: [String: JSONSchemaValidator] = [:]
        var problems: [String] = []
        for (schema, file, yaml) in try courseFiles(root) {
            let validator = try validators[schema] ?? validator(schema)
            validators[schema] = validator
            problems += validator.errors(in: try JSONValue.yaml(yaml)).map { "\(file.path): \($0)" }
        }
        return problems
    }

    @Test func everyBundledFileMatchesItsSchema() throws {
        let files = try Self.courseFiles(Self.lessons)
        #expect(files.filter { $0.schema == "lesson" }.count >= 50)
        #expect(files.contains { $0.schema == "achievements" })
        let problems = try Self.schemaErrors(inCourse: Self.lessons)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The third-party fixture courses name the schemas for editors, so they must obey them too.
    @Test(arguments: ["python-course", "rust-course"])
    func everyThirdPartyFixtureFileMatchesItsSchema(_ name: String) throws {
        let course = Self.lessons.deletingLastPathComponent().appendingPathComponent("Tests/CrucibleCLITests/Fixtures/\(name)")
        #expect(try Self.courseFiles(course).count >= 5)
        let problems = try Self.schemaErrors(inCourse: course)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: ["course", "track", "lesson", "achievements"])
    func theValidatorSupportsEveryKeywordTheSchemaUses(_ name: String) throws {
        #expect(try Self.validator(name).unsupportedKeywords().isEmpty)
    }

    @Test func theSchemaFolderIsNotATrack() {
        let loaded = CourseLoader.load(from: Self.lessons)
        #expect(!loaded.tracks.contains { $0.folder.lastPathComponent == Scaffold.schemaFolderName })
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }

    /// A schema's object keys: at the root, or at `$defs/NAME`.
    static func properties(_ schema: String, _ definition: String? = nil) throws -> Set<String> {
        var object = try validator(schema).root
        if let definition { object = (object["$defs"] as? [String: Any])?[definition] as? [String: Any] ?? [:] }
        return Set((object["properties"] as? [String: Any] ?? [:]).keys)
    }

    @Test func schemasAndLoaderAgreeOnFieldNames() throws {
        #expect(try Self.properties("course") == Set(CourseFileParser.courseKeys))
        #expect(try Self.properties("track") == Set(CourseFileParser.trackKeys))
        #expect(try Self.properties("lesson") == Set(LessonParser.allKeys))
        #expect(try Self.properties("lesson", "question") == Set(QuizParser.questionKeys))
        #expect(try Self.properties("lesson", "choice") == Set(QuizParser.choiceKeys))
        #expect(try Self.properties("lesson", "predict") == Set(LessonParser.predictKeys))
        #expect(try Self.properties("lesson", "code") == Set(LessonParser.codeKeys))
        #expect(try Self.properties("lesson", "variant") == Set(LessonParser.variantKeys))
        #expect(try Self.properties("lesson", "step") == Set(StepParser.stepKeys))
        #expect(try Self.properties("lesson", "limits") == Set(StepParser.limitKeys))
        #expect(try Self.properties("lesson", "expect") == Set(StepParser.expectKeys))
        #expect(try Self.properties("lesson", "output") == Set(StepParser.outputKeys))
        #expect(try Self.properties("lesson", "ratio") == Set(StepParser.ratioKeys))
        #expect(try Self.properties("lesson", "bound") == Set(StepParser.boundKeys))
        #expect(try Self.properties("achievements", "achievement") == Set(AchievementsFile.achievementKeys))
        #expect(try Self.properties("achievements", "condition") == Set(AchievementCondition.keys))
    }

    @Test func schemasAndLoaderAgreeOnEnumeratedValues() throws {
        let lesson = try Self.validator("lesson").root
        let kinds = (lesson["properties"] as? [String: Any])?["kind"] as? [String: Any]
        #expect(kinds?["enum"] as? [String] == LessonKind.allCases.map(\.rawValue))
        let expect = (lesson["$defs"] as? [String: Any])?["expect"] as? [String: Any]
        let signal = (expect?["properties"] as? [String: Any])?["signal"] as? [String: Any]
        #expect(signal?["enum"] as? [String] == StepParser.signals)
        let platforms = (lesson["properties"] as? [String: Any])?["platforms"] as? [String: Any]
        let platform = platforms?["items"] as? [String: Any]
        #expect(platform?["enum"] as? [String] == Platform.allCases.map(\.rawValue))
    }

    @Test func theAuthoringGuideNamesEveryKey() throws {
        let guide = try String(contentsOf: Self.lessons.appendingPathComponent("README.md"), encoding: .utf8)
        let keys =
            CourseFileParser.courseKeys + CourseFileParser.trackKeys + LessonParser.allKeys
            + QuizParser.questionKeys + QuizParser.choiceKeys + LessonParser.predictKeys + LessonParser.codeKeys
            + LessonParser.variantKeys + StepParser.stepKeys + StepParser.limitKeys + StepParser.expectKeys
            + StepParser.outputKeys + StepParser.ratioKeys + StepParser.boundKeys + AchievementsFile.achievementKeys
            + AchievementCondition.keys
        let missing = Set(keys).filter { !guide.contains("`\($0)`") }
        #expect(missing.isEmpty, "keys the guide never names: \(missing.sorted())")
    }

    @Test func theAuthoringGuideAndTheSchemaNameEveryPlaceholder() throws {
        let guide = try String(contentsOf: Self.lessons.appendingPathComponent("README.md"), encoding: .utf8)
        let schema = try String(contentsOf: Self.lessons.appendingPathComponent("schema/lesson.schema.json"), encoding: .utf8)
        #expect(StepParser.placeholders.filter { !guide.contains("| `{\($0)}` |") }.isEmpty, "placeholders the guide's table lacks")
        #expect(StepParser.placeholders.filter { !schema.contains("{\($0)}") }.isEmpty, "placeholders the schema never names")
    }

    /// Declared tools, minimum versions and `null` in `env` are valid to the schemas as to the loader.
    @Test func theSchemasAcceptDeclaredToolsMinimumVersionsAndUnsetVariables() throws {
        let pythonCourse = Self.lessons.deletingLastPathComponent().appendingPathComponent("Tests/CrucibleCLITests/Fixtures/python-course")
        #expect(try Self.schemaErrors(inCourse: pythonCourse).isEmpty)
        let course = """
            id: c
            title: T
            welcome: W
            tools:
              clippy-driver:
                purpose: "Rust's linter"
                kind: build
                version: [--version]
                versionPattern: 'clippy ([0-9][0-9.]*)'
                install: { debian: "rustup component add clippy" }
                env: { RUSTFLAGS: null }
              crate-registry:
                file: /usr/share/cargo/registry
              python3:

            """
        #expect(try Self.validator("course").errors(in: try JSONValue.yaml(course)).isEmpty)
        let lesson =
            "id: a\ntitle: T\nkind: code\nrequires: [\"go >= 1.22\", swiftc]\ncode:\n  language: go\n  starter: [a.go]\n"
            + "  solution: [a.go]\n  steps:\n    - run: [go, test]\n      env: { GOFLAGS: null, GOCACHE: \"{cache}/go\" }\n"
            + "      requires: [\"go >= 1.22\"]\n"
        #expect(try Self.validator("lesson").errors(in: try JSONValue.yaml(lesson)).isEmpty)
    }

    /// Mistakes the loader rejects are rejected by the schema too, so the bundled files' passing means something.
    @Test(arguments: [
        ("lesson", "id: a.b\ntitle: T\nkind: read\nhnits: [x]\n", "unknown key `hnits`"),
        ("lesson", "id: A B\ntitle: T\nkind: read\n", "does not match"),
        ("lesson", "id: a\ntitle: T\nkind: quiz\n", "missing required `questions`"),
        ("lesson", "id: a\ntitle: T\nkind: lecture\n", "is not one of"),
        ("lesson", "id: a\ntitle: T\nkind: read\nxp: -1\n", "below 0"),
        ("lesson", "id: a\ntitle: T\nkind: read\nxp: 1001\n", "above 1000"),
        ("lesson", "id: a\ntitle: T\nkind: read\nplatforms: [windows]\n", "is not one of"),
        ("lesson", "id: a\ntitle: T\nkind: read\nplatforms: []\n", "fewer than 1 item"),
        (
            "lesson", "id: a\ntitle: T\nkind: quiz\nquestions:\n  - prompt: P\n    choices: [{text: A}]\n    answer: 1\n",
            "fewer than 2 items"
        ),
        (
            "lesson",
            "id: a\ntitle: T\nkind: code\ncode:\n  language: c\n  starter: [a.c]\n  solution: [a.c]\n"
                + "  steps:\n    - run: [cc]\n      expect: { exit: maybe }\n", "not exactly one"
        ),
        (
            "lesson",
            "id: a\ntitle: T\nkind: code\ncode:\n  language: c\n  starter: [a.c]\n  solution: [a.c]\n"
                + "  steps:\n    - run: [cc]\n      timeout: 0\n", "must be greater than 0"
        ),
        ("course", "id: c\ntitle: T\n", "missing required `welcome`"),
        ("course", "id: c\ntitle: T\nwelcome: W\ntools:\n  lint: { kind: compiler }\n", "not exactly one"),
        ("course", "id: c\ntitle: T\nwelcome: W\ntools:\n  lint: { versoin: [--version] }\n", "not exactly one"),
        ("lesson", "id: a\ntitle: T\nkind: read\nrequires: [\"go >= banana\"]\n", "does not match"),
        ("lesson", "id: a\ntitle: T\nkind: read\nrequires: [\"go>=1.22\"]\n", "does not match"),
        ("track", "id: t\ntitle: T\nsummary: S\ncolor: red\n", "unknown key `color`"),
        (
            "achievements", "- id: a\n  title: T\n  description: D\n  condition: { completeLessons: 1, reachLevel: 2 }\n",
            "more than 1 keys"
        ),
        ("achievements", "- id: a\n  title: T\n  description: D\n  condition: { winGame: 1 }\n", "unknown key `winGame`"),
    ])
    func theSchemasRejectMistakes(schema: String, yaml: String, expected: String) throws {
        let errors = try Self.validator(schema).errors(in: try JSONValue.yaml(yaml))
        #expect(errors.contains { $0.contains(expected) }, "\(errors)")
    }
}
