import CrucibleTestSupport
import Foundation
import Testing

/// Every input in `Fixtures/fuzz-regressions` (crashes and slow inputs the fuzzers found, and
/// hostile seeds) through the real binary: `lesson/` files are linted as a lesson.md, `markdown/`
/// files are shown as a lesson body at several widths, `progress/` files are loaded by `progress`
/// and `check`. None may crash or hang. (`rules/` inputs run in FaultsNumberFuzzRegressionTests.)
@Suite struct FaultsFuzzRegressionTests {
    static let folder = CrucibleRunner.fixture("fuzz-regressions")

    static func inputs(_ kind: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/" + kind)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A course with one track holding one lesson folder whose lesson.md is `bytes`.
    static func course(lesson bytes: Data) throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        let lesson = root.appendingPathComponent("01-t/01-fuzz")
        try FileManager.default.createDirectory(at: lesson, withIntermediateDirectories: true)
        try Data("id: fuzz\ntitle: Fuzz\nwelcome: Hi.\n".utf8).write(to: root.appendingPathComponent("course.yml"))
        try Data("id: t\ntitle: T\nsummary: S\n".utf8).write(to: root.appendingPathComponent("01-t/track.yml"))
        try bytes.write(to: lesson.appendingPathComponent("lesson.md"))
        return root
    }

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs("lesson").isEmpty && !Self.inputs("markdown").isEmpty && !Self.inputs("progress").isEmpty)
    }

    /// Loaded by `progress`, `progress --json` and a check: each goes on (numbers clamped with a
    /// notice, or the file set aside) or refuses (status 2), never crashes, never prints a control
    /// character from the file, and the file survives byte for byte (as it is, set aside, or as the
    /// backup a save keeps).
    @Test(arguments: inputs("progress"))
    func progressInputIsShownOrRefusedWithoutCrashingOrLosingIt(name: String) throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("progress/" + name))
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        try input.write(to: file)
        let environment = [
            "CRUCIBLE_PROGRESS": file.path, "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("ws").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
        ]
        for arguments in [["progress"], ["progress", "--json"], ["check", "orientation.how-crucible-works"]] {
            let result = try CrucibleRunner.run(arguments, environment: environment, timeout: 60)
            #expect(result.status == 0 || result.status == 2, "\(arguments): status \(result.status): \(result.stderr.suffix(2000))")
            #expect(
                !result.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" },
                "\(arguments): \(result.stderr.debugDescription)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter {
                $0 == "progress.json" || $0 == "progress.json.bak" || $0.hasPrefix("progress.json.corrupt-")
                    || $0.hasPrefix("progress.json.schema-")
            }
            .map { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
        #expect(kept.contains(input), "the file is kept byte for byte somewhere")
    }

    @Test(arguments: inputs("lesson"))
    func lessonInputLintsWithoutCrashing(name: String) throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("lesson/" + name))
        let root = try Self.course(lesson: input)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CrucibleRunner.run(["lint", root.path], timeout: 60)
        #expect(result.status == 0 || result.status == 1, "status \(result.status): \(result.stderr.suffix(2000))")
    }

    @Test(arguments: inputs("markdown"))
    func markdownInputShowsWithoutCrashing(name: String) throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("markdown/" + name))
        // The loader rejects invalid UTF-8 before any Markdown is parsed, so the body is decoded lossily.
        let body = String(decoding: input, as: UTF8.self)
        let root = try Self.course(lesson: Data("---\nid: t.fuzz\ntitle: Fuzz\nkind: read\n---\nGoal.\n\n\(body)\n".utf8))
        defer { try? FileManager.default.removeItem(at: root) }
        // 20 columns is the narrowest `show` accepts; narrower layouts are fuzzed directly.
        for width in ["20", "47", "100"] {
            let result = try CrucibleRunner.run(["--lessons", root.path, "show", "t.fuzz", "--width", width], timeout: 60)
            #expect(result.status == 0, "width \(width), status \(result.status): \(result.stderr.suffix(2000))")
        }
    }
}
