import Foundation
import Testing

@testable import CrucibleEngine

/// `Scaffold`: order prefixes, names, and templates that load, match the schemas and verify as created.
@Suite struct ScaffoldTests {
    /// A fresh folder holding a scaffolded course with one track, removed by the caller.
    static func course() throws -> (root: URL, track: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-scaffold-\(UUID().uuidString)")
        _ = try Scaffold.course(at: root, schemaSource: SchemaTests.lessons.appendingPathComponent("schema"))
        let track = try Scaffold.track(in: root, slug: "basics")
        return (root, track.folder)
    }

    static func makeFolders(_ names: [String]) throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-prefix-\(UUID().uuidString)")
        for name in names {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        return parent
    }

    @Test(arguments: [
        ([], "01-"),
        (["notes"], "01-"),
        (["01-intro", "02-memory", "notes"], "03-"),
        (["00-orientation", "03-performance", "01-memory"], "04-"),
        (["009-a"], "010-"),
        (["99-last"], "100-"),
    ])
    func nextPrefixFollowsTheHighest(folders: [String], expected: String) throws {
        let parent = try Self.makeFolders(folders)
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(Scaffold.nextPrefix(in: parent) == expected)
    }

    @Test func everyKindAndLanguageLoadsWithoutAnyDiagnostic() throws {
        let (root, track) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        var ids: [String] = []
        for kind in LessonKind.allCases {
            ids.append(try Scaffold.lesson(in: track, slug: "first-\(kind.rawValue)", kind: kind).id)
        }
        for language in TemplateLanguage.allCases {
            ids.append(try Scaffold.lesson(in: track, slug: "predict-\(language.rawValue)", kind: .predict, language: language).id)
            ids.append(try Scaffold.lesson(in: track, slug: "code-\(language.rawValue)", kind: .code, language: language).id)
        }
        let loaded = CourseLoader.load(from: root)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(loaded.course?.id == root.lastPathComponent.lowercased().split(separator: "-").joined(separator: "-"))
        #expect(loaded.lessons.map(\.id) == ids)
        #expect(ids.first == "basics.first-read")
        let folders = try FileManager.default.contentsOfDirectory(atPath: track.path).filter { $0 != "track.yml" }.sorted()
        #expect(folders.first == "01-first-read" && folders.last == "12-code-go")
        let achievements = AchievementsFile.load(courseRoot: root)
        #expect(achievements.diagnostics.isEmpty && achievements.achievements.count == 1)
    }

    @Test func scaffoldedFilesMatchTheSchemasAndNameThem() throws {
        let (root, track) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        for kind in LessonKind.allCases { _ = try Scaffold.lesson(in: track, slug: kind.rawValue, kind: kind, language: .c) }
        let problems = try SchemaTests.schemaErrors(inCourse: root)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // Each file's yaml-language-server comment names a schema that exists, relative to the file.
        for (_, file, yaml) in try SchemaTests.courseFiles(root) {
            let line = yaml.split(separator: "\n").first { $0.contains("yaml-language-server: $schema=") }
            let relative = try #require(line.map { String($0.split(separator: "=", maxSplits: 1)[1]) }, "\(file.path)")
            let schema = file.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: schema.path), "\(file.path) names \(relative)")
        }
    }

    /// Whether `language`'s compiler is on PATH: without it its templates cannot be verified, and
    /// the test for that language shows as skipped (one test per language, so the others still run).
    static func hasTool(_ language: TemplateLanguage) -> Bool { ToolProbe.shared.locate(LanguageTemplate.of(language).tool) != nil }

    @Test(.enabled(if: hasTool(.swift), "swiftc is not on PATH")) func swiftTemplatesVerifyAsCreated() async throws {
        try await Self.expectTemplatesVerifyAsCreated(.swift)
    }

    @Test(.enabled(if: hasTool(.c), "clang is not on PATH")) func cTemplatesVerifyAsCreated() async throws {
        try await Self.expectTemplatesVerifyAsCreated(.c)
    }

    @Test(.enabled(if: hasTool(.rust), "rustc is not on PATH")) func rustTemplatesVerifyAsCreated() async throws {
        try await Self.expectTemplatesVerifyAsCreated(.rust)
    }

    @Test(.enabled(if: hasTool(.go), "go is not on PATH")) func goTemplatesVerifyAsCreated() async throws {
        try await Self.expectTemplatesVerifyAsCreated(.go)
    }

    @Test func everyTemplateLanguageHasAVerifyTestAbove() {
        #expect(Set(TemplateLanguage.allCases) == [.swift, .c, .rust, .go], "add a …TemplatesVerifyAsCreated test for the new language")
    }

    static func expectTemplatesVerifyAsCreated(_ language: TemplateLanguage) async throws {
        let (root, track) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Scaffold.lesson(in: track, slug: "code", kind: .code, language: language)
        _ = try Scaffold.lesson(in: track, slug: "predict", kind: .predict, language: language)
        let lessons = CourseLoader.load(from: root).lessons
        let results = await Verifier().verify(lessons, jobs: 2)
        for result in results {
            #expect(result.status == .ok, "\(result.lessonID): \(result.problems)")
        }
        let code = try #require(results.first { $0.kind == "code" })
        #expect(code.checks.contains { $0.hasPrefix("starter: failed") }, "\(code.checks)")
        #expect(code.checks.contains { $0.hasPrefix("solution: passed") }, "\(code.checks)")
        #expect(code.checks.contains { $0.hasPrefix("wrong/off-by-one: failed") }, "\(code.checks)")
    }

    @Test func badNamesAndDuplicatesAreRefused() throws {
        let (root, track) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ScaffoldError.self) { try Scaffold.track(in: root, slug: "Basics Two") }
        #expect(throws: ScaffoldError.self) { try Scaffold.track(in: root, slug: "basics") }
        #expect(throws: ScaffoldError.self) { try Scaffold.lesson(in: track, slug: "a.b", kind: .read) }
        _ = try Scaffold.lesson(in: track, slug: "intro", kind: .read)
        #expect(throws: ScaffoldError.self) { try Scaffold.lesson(in: track, slug: "intro", kind: .quiz) }
        #expect(throws: ScaffoldError.self) { try Scaffold.lesson(in: root, slug: "intro", kind: .read) }
        #expect(throws: ScaffoldError.self) { try Scaffold.track(in: track, slug: "nested") }
        #expect(throws: ScaffoldError.self) { try Scaffold.course(at: root, schemaSource: nil) }
    }

    @Test func aGivenOrderPrefixIsKept() throws {
        let (root, track) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let lesson = try Scaffold.lesson(in: track, slug: "07-late", kind: .read)
        #expect(lesson.folder.lastPathComponent == "07-late")
        #expect(lesson.id == "basics.late")
        #expect(try Scaffold.lesson(in: track, slug: "next", kind: .read).folder.lastPathComponent == "08-next")
    }

    @Test func resolveTrackFindsATrackByItsNameWithoutPrefix() throws {
        let (root, track) = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Scaffold.resolveTrack(root.appendingPathComponent("basics")).lastPathComponent == track.lastPathComponent)
        #expect(Scaffold.resolveTrack(track) == track)
        #expect(Scaffold.resolveTrack(root.appendingPathComponent("missing")).lastPathComponent == "missing")
    }
}
