import CrucibleTestSupport
import Foundation
import Testing

/// `crucible lint` on good and broken courses, and how the rest of the CLI copes with a broken one.
@Suite struct LintCommandTests {
    let broken = CrucibleRunner.fixture("broken-course")

    @Test func bundledCourseIsClean() throws {
        let result = try CrucibleRunner.run(["lint", "Lessons"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty, "diagnostics on the bundled course:\n\(result.stdout)")
    }

    @Test func everyBrokenLessonIsReportedInEditorForm() throws {
        let result = try CrucibleRunner.run(["lint", broken.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let editorForm = /^(.+):(\d+):(\d+): (error|warning): (.+)$/
        for line in lines {
            #expect(line.wholeMatch(of: editorForm) != nil, "not file:line:col: severity: message: \(line)")
        }
        // Every folder under 02-broken is one mistake; each must be named by at least one diagnostic.
        let brokenTrack = broken.appendingPathComponent("02-broken")
        let cases = try FileManager.default.contentsOfDirectory(atPath: brokenTrack.path).filter {
            FileManager.default.fileExists(atPath: brokenTrack.appendingPathComponent("\($0)/lesson.md").path)
        }
        #expect(cases.count >= 20)
        for name in cases {
            #expect(lines.contains { $0.contains("/02-broken/\(name)/lesson.md:") }, "no diagnostic for \(name)")
        }
        #expect(!lines.contains { $0.hasPrefix(broken.path + "/01-good/") }, "good lessons reported:\n\(result.stdout)")
    }

    @Test func jsonFormatCarriesTheSameDiagnostics() throws {
        let text = try CrucibleRunner.run(["lint", broken.path])
        let json = try CrucibleRunner.run(["lint", "--format", "json", broken.path])
        #expect(json.status == 1)
        struct Report: Decodable {
            struct Item: Decodable { var file: String; var line: Int; var column: Int; var severity: String; var message: String }
            var diagnostics: [Item]
            var errors: Int
            var warnings: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        let rendered = report.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.severity): \($0.message)" }
        #expect(rendered == text.stdout.split(separator: "\n").map(String.init))
        #expect(report.errors == report.diagnostics.filter { $0.severity == "error" }.count)
        #expect(report.errors > 0 && report.warnings > 0)
    }

    @Test func listStillShowsTheGoodLessonsOfABrokenCourse() throws {
        let lint = try CrucibleRunner.run(["lint", broken.path])
        let list = try CrucibleRunner.run(["list", "--lessons", broken.path])
        #expect(list.status == 0, "\(list.stderr)")
        let goodIDs = try FileManager.default.contentsOfDirectory(atPath: broken.appendingPathComponent("01-good").path)
        #expect(!goodIDs.isEmpty)
        #expect(list.stdout.contains("good.read"))
        #expect(list.stderr.contains("crucible lint"), "no pointer to lint:\n\(list.stderr)")
        // No lesson with an error is listed.
        for line in lint.stdout.split(separator: "\n") where line.contains(": error: ") && line.contains("/02-broken/") {
            let folder = line.components(separatedBy: "/02-broken/")[1].components(separatedBy: "/")[0]
            #expect(!list.stdout.contains(" \(folder) "), "\(folder) is listed despite its error")
        }
    }

    @Test func achievementsThatNameUnknownTracksOrLessonsAreReported() throws {
        let course = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        let files = FileManager.default
        try files.createDirectory(at: course.appendingPathComponent("01-t/01-l"), withIntermediateDirectories: true)
        try "id: c\ntitle: C\nwelcome: hi\n".write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: t\ntitle: T\nsummary: s\n".write(to: course.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
        try "---\nid: t.l\ntitle: L\nkind: read\n---\nYou will read.\n".write(
            to: course.appendingPathComponent("01-t/01-l/lesson.md"), atomically: true, encoding: .utf8)
        try """
        - id: ok
          title: Fine
          description: Pass the lesson.
          condition: { passLesson: t.l }
        - id: ghost
          title: Ghost
          description: Finish a track that is not there.
          condition: { completeTrack: nowhere }
        """.write(to: course.appendingPathComponent("achievements.yml"), atomically: true, encoding: .utf8)

        let result = try CrucibleRunner.run(["lint", course.path])
        #expect(result.status == 0, "warnings alone must not fail lint:\n\(result.stdout)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(result.stdout)")
        // At the condition's value, not 1:1.
        #expect(
            lines.first?.contains("achievements.yml:8:31: warning: achievement `ghost` names track `nowhere`") == true,
            "\(result.stdout)")
    }
}
