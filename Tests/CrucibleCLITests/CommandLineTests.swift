import CrucibleTestSupport
import Foundation
import Testing

/// The command line, driven as a user drives it: the real binary, its output and exit status.
@Suite struct CommandLineTests {
    let bundledIDs = [
        "orientation.how-crucible-works", "orientation.warm-up-quiz", "orientation.first-fix",
        "memory.value-and-reference",
    ]

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
        #expect(
            result.stderr.contains(
                "no lesson or track has the id `orientation.first-fx`; did you mean `orientation.first-fix`?"),
            "\(result.stderr)")
    }

    /// Every command that takes a lesson id suggests the ids a partial or mistyped one most likely meant.
    @Test(arguments: [["show"], ["check"], ["hint"], ["watch"], ["reset", "--yes"], ["verify"], ["preview"]])
    func everyCommandTakingAnIDSuggestsTheNearestIDs(command: [String]) throws {
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = [
            "CRUCIBLE_PROGRESS": state.appendingPathComponent("progress.json").path,
            "CRUCIBLE_WORKSPACE": state.appendingPathComponent("workspace").path,
        ]
        for (typed, meant) in [
            ("memory.retain", "memory.retain-cycles"), ("retain-cycles", "memory.retain-cycles"),
            ("memroy.retain-cycles", "memory.retain-cycles"),
        ] {
            let result = try CrucibleRunner.run(command + [typed], environment: environment)
            #expect(result.status == 2, "\(command) \(typed): \(result.stderr)")
            // `show` takes a track id too, so it says neither matched.
            let noun = command == ["show"] ? "lesson or track" : "lesson"
            #expect(
                result.stderr.contains("no \(noun) has the id `\(typed)`; did you mean `\(meant)`?"),
                "\(command) \(typed): \(result.stderr)")
        }
        let several = try CrucibleRunner.run(command + ["concurrency.atomics"], environment: environment)
        #expect(
            several.stderr.contains("did you mean `concurrency.atomics-quiz` or `concurrency.atomics-publish`?"),
            "\(command): \(several.stderr)")
    }

    @Test func resetOfAnUnknownTrackSuggestsTheNearestAndNamesThemAll() throws {
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let result = try CrucibleRunner.run(
            ["reset", "--track", "memroy", "--yes"],
            environment: ["CRUCIBLE_PROGRESS": state.appendingPathComponent("progress.json").path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("no track has the id `memroy`; did you mean `memory`? (the tracks are `orientation`, `memory`,"),
            "\(result.stderr)")
    }

    /// `crucible | tee log`: the note (stderr) comes before the map (stdout) and never splits one of its lines.
    @Test func pipedMapHasTheNoteOnALineOfItsOwnBeforeIt() throws {
        let alone = try CrucibleRunner.run([])
        let merged = try CrucibleRunner.run(
            ["-c", "\"$0\" 2>&1 | cat", CrucibleRunner.binary.path],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(merged.status == 0, "\(merged.stdout)")
        #expect(alone.stdout.utf8.count > 4096, "the map should be longer than a pipe's buffer for this test to mean anything")
        let note = alone.stderr.trimmingCharacters(in: .newlines)
        #expect(note.hasPrefix("crucible: not a terminal"), "\(alone.stderr)")
        #expect(merged.stdout == note + "\n" + alone.stdout, "the note is not on its own line before the map:\n\(merged.stdout)")
    }

    /// At 80 columns no example in any command's help breaks in the middle of its description:
    /// each line of an Examples block is an example, indented, and fits.
    @Test func helpExamplesReadAt80Columns() throws {
        let root = try CrucibleRunner.run(["--help"], environment: ["COLUMNS": "80"])
        let progress = try CrucibleRunner.run(["progress", "--help"], environment: ["COLUMNS": "80"])
        // Subcommands are the first word of each indented line of the SUBCOMMANDS section.
        func subcommands(_ help: String) -> [String] {
            let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
            return section.split(separator: "\n").prefix { $0.hasPrefix("  ") }.compactMap { line in
                line.hasPrefix("   ") ? nil : line.split(separator: " ").first.map(String.init)
            }
        }
        let commands = [[]] + subcommands(root.stdout).map { [$0] } + subcommands(progress.stdout).map { ["progress", $0] }
        #expect(commands.count > 10, "\(root.stdout)")
        var blocks = 0
        for command in commands {
            let help = try CrucibleRunner.run(command + ["--help"], environment: ["COLUMNS": "80"])
            var inExamples = false
            for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("Examples:") { inExamples = true; blocks += 1; continue }
                if line.isEmpty { inExamples = false }
                guard inExamples else { continue }
                #expect(
                    line.hasPrefix("  crucible") && line.count < 80,
                    "`crucible \(command.joined(separator: " ")) --help` breaks an example at 80 columns: `\(line)`")
            }
        }
        #expect(blocks >= 8, "examples were not found in the help texts")
    }

    /// `crucible list` shows each lesson's mark as the map does, a tally per track and what the marks mean;
    /// outside a UTF-8 locale, in the UI's ASCII stand-ins.
    @Test func listShowsMarksAndATallyPerTrack() throws {
        let state = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = [
            "CRUCIBLE_PROGRESS": state.appendingPathComponent("progress.json").path,
            "CRUCIBLE_WORKSPACE": state.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": state.appendingPathComponent("cache").path,
        ]
        let fresh = try CrucibleRunner.run(["list"], environment: environment)
        #expect(fresh.stdout.contains("  ○ orientation.warm-up-quiz "), "\(fresh.stdout)")
        #expect(fresh.stdout.contains("Orientation  (orientation)\n  0 of 3 passed\n"), "\(fresh.stdout)")
        #expect(fresh.stdout.hasSuffix("\nMarks: ○ not started\n"), "\(fresh.stdout)")

        let quiz = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "3", "1,2,4"], environment: environment)
        #expect(quiz.status == 0, "\(quiz.stdout)\(quiz.stderr)")
        _ = try CrucibleRunner.run(["hint", "orientation.first-fix"], environment: environment)
        let list = try CrucibleRunner.run(["list"], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("  ✓ orientation.warm-up-quiz "), "\(list.stdout)")
        #expect(list.stdout.contains("  ◐ orientation.first-fix "), "\(list.stdout)")
        #expect(list.stdout.contains("  ○ orientation.how-crucible-works "), "\(list.stdout)")
        #expect(list.stdout.contains("Orientation  (orientation)\n  1 of 3 passed · 1 in progress\n"), "\(list.stdout)")
        #expect(list.stdout.contains("Memory  (memory)\n  0 of "), "\(list.stdout)")
        #expect(list.stdout.hasSuffix("\nMarks: ○ not started  ◐ in progress  ✓ passed\n"), "\(list.stdout)")

        var ascii = environment
        ascii["LC_ALL"] = "C"
        ascii["LANG"] = "C"
        let plain = try CrucibleRunner.run(["list"], environment: ascii)
        #expect(plain.stdout.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII output under LC_ALL=C:\n\(plain.stdout)")
        #expect(plain.stdout.contains("  v orientation.warm-up-quiz "), "\(plain.stdout)")
        #expect(plain.stdout.contains("  ~ orientation.first-fix "), "\(plain.stdout)")
        #expect(plain.stdout.contains("  1 of 3 passed . 1 in progress\n"), "\(plain.stdout)")
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
