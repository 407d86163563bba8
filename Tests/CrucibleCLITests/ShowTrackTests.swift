import CrucibleTestSupport
import Foundation
import Testing

/// `crucible show TRACK`: a track's title, summary and `track.md` introduction, then its lessons,
/// on the third-party Python fixture course; and `lint` on a broken `track.md`.
@Suite struct ShowTrackTests {
    static let pythonCourse = CrucibleRunner.packageRoot.appendingPathComponent("Tests/CrucibleCLITests/Fixtures/python-course")

    @Test func showPrintsTheTrackItsIntroductionAndItsLessons() throws {
        let course = Self.pythonCourse.path
        let result = try CrucibleRunner.run(["show", "python", "--lessons", course, "--width", "80"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let order = [
            "Python Basics", "track · 5 lessons", "A read lesson, a quiz and code lessons",
            "it: every check here runs python3", "Lessons", "python.why-python", "python.word-count",
        ]
        let positions = order.map { out.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing one of \(order) in:\n\(out)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "out of order:\n\(out)")
        // Markdown is rendered, not printed as source.
        #expect(!out.contains("**reading**") && out.contains("reading"), "\(out)")
        // The suggested command names the course given with --lessons, so it works as printed.
        let suggested = "crucible show python.why-python --lessons \(course)"
        #expect(out.replacingOccurrences(of: "\n", with: " ").contains(suggested), "\(out)")
        let rerun = try CrucibleRunner.run(suggested.split(separator: " ").dropFirst().map(String.init))
        #expect(rerun.status == 0 && rerun.stdout.contains("Why Python here"), "\(rerun.stdout)\n\(rerun.stderr)")
    }

    @Test func unknownIDNamesLessonsAndTracks() throws {
        let result = try CrucibleRunner.run(["show", "pythn", "--lessons", Self.pythonCourse.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no lesson or track has the id `pythn`"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean `python`"), "\(result.stderr)")
    }

    @Test func lintReportsABrokenTrackIntroductionWithItsPlace() throws {
        let copy = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        let course = copy.appendingPathComponent("python-course")
        try FileManager.default.copyItem(at: Self.pythonCourse, to: course)
        try Data(Array("Fine.\nBad ".utf8) + [0xC3] + Array("\n".utf8))
            .write(to: course.appendingPathComponent("01-python/track.md"))
        let result = try CrucibleRunner.run(["lint", course.path])
        #expect(result.status != 0)
        let output = result.stdout + result.stderr
        #expect(output.contains("01-python/track.md:2:5: error: the file is not valid UTF-8 here"), "\(output)")
    }
}
