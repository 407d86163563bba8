import Foundation
import Testing

/// The command line, driven as a user drives it: the real binary, its output and exit status.
@Suite struct CommandLineTests {
    let bundledIDs = ["orientation.how-crucible-works", "orientation.warm-up-quiz", "orientation.first-fix",
                      "memory.value-and-reference"]

    @Test func listShowsEveryBundledLessonInOrder() throws {
        let result = try CrucibleRunner.run(["list"])
        #expect(result.status == 0, "\(result.stderr)")
        let positions = bundledIDs.map { result.stdout.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing ids in:\n\(result.stdout)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "ids out of order:\n\(result.stdout)")
        #expect(result.stdout.contains("quiz"))
    }

    @Test func withoutATerminalTheMapIsPrintedAndTheLineCommandsNamed() throws {
        let result = try CrucibleRunner.run([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("orientation.first-fix"))
        #expect(result.stderr.contains("not a terminal") && result.stderr.contains("crucible check ID"), "\(result.stderr)")
    }

    @Test func bundledCourseIsFoundFromAnyFolder() throws {
        let elsewhere = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let result = try CrucibleRunner.run(["list"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("orientation.first-fix"))
    }

    @Test func installedLayoutFindsTheCourseBesideTheBinary() throws {
        // The layout `make install PREFIX=…` creates: PREFIX/bin/crucible and PREFIX/share/crucible/Lessons.
        let prefix = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let files = FileManager.default
        try files.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try files.createDirectory(at: prefix.appendingPathComponent("share/crucible"), withIntermediateDirectories: true)
        let installed = prefix.appendingPathComponent("bin/crucible")
        try files.copyItem(at: CrucibleRunner.binary, to: installed)
        try files.copyItem(at: CrucibleRunner.bundledLessons, to: prefix.appendingPathComponent("share/crucible/Lessons"))
        try "id: installed\ntitle: Installed copy\nwelcome: hi\n".write(
            to: prefix.appendingPathComponent("share/crucible/Lessons/course.yml"), atomically: true, encoding: .utf8)

        let result = try CrucibleRunner.run(["list"], in: prefix, executable: installed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Installed copy"), "used the wrong course:\n\(result.stdout)")
    }

    @Test(arguments: [["--lessons", "Lessons", "list"], ["list", "--lessons", "Lessons"]])
    func lessonsOptionWorksBeforeOrAfterTheSubcommand(arguments: [String]) throws {
        let result = try CrucibleRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("memory.value-and-reference"))
    }

    @Test func showRendersMarkdownAndTheProgramToPredict() throws {
        let result = try CrucibleRunner.run(["show", "memory.value-and-reference", "--width", "60"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Values and references\npredict · 10 XP"), "\(result.stdout)")
        #expect(result.stdout.contains("What does program.swift print?"))
        #expect(result.stdout.contains("  final class PointObject { var x = 0 }"), "code block not indented:\n\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}["), "colour despite NO_COLOR")
        #expect(!result.stdout.contains("**") && !result.stdout.contains("`struct`"), "Markdown left unrendered")
        let longest = result.stdout.split(separator: "\n" as Character).map(\.count).max() ?? 0
        #expect(longest <= 60, "a line is \(longest) columns wide")
    }

    @Test func showListsQuizChoices() throws {
        let result = try CrucibleRunner.run(["show", "orientation.warm-up-quiz"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Question 2 of 2 (pick all that apply)"))
        #expect(result.stdout.contains("3. Go"))
    }

    @Test func unknownLessonSuggestsTheNearestIDAndExitsTwo() throws {
        let result = try CrucibleRunner.run(["show", "orientation.first-fx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no lesson has the id `orientation.first-fx`; did you mean `orientation.first-fix`?"),
                "\(result.stderr)")
    }

    @Test(arguments: [["--no-such-option"], ["show"], ["frobnicate"], ["show", "x", "--width", "5"]])
    func badArgumentsExitTwoWithAMessage(arguments: [String]) throws {
        let result = try CrucibleRunner.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("Error:") || result.stderr.contains("crucible:"), "\(result.stderr)")
    }

    @Test func missingCourseFolderIsExplained() throws {
        let result = try CrucibleRunner.run(["--lessons", "/no/such/course", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/no/such/course"), "\(result.stderr)")
    }

    @Test func versionAndHelp() throws {
        let version = try CrucibleRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CrucibleRunner.run(["--help"])
        #expect(help.status == 0)
        for word in ["Examples:", "list", "show", "lint", "--lessons"] {
            #expect(help.stdout.contains(word), "help lacks \(word)")
        }
    }
}
