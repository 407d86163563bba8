import CrucibleTestSupport
import Foundation
import Testing

/// Issue 12: escape sequences in lesson text, file names and programs' output never reach the
/// terminal raw, from any command; they are shown as visible stand-ins instead.
@Suite(.serialized) struct HostileTextTests {
    /// The escapes planted everywhere, as YAML double-quoted escapes: an OSC window title, a
    /// screen clear, an 8-bit CSI, BEL, backspace and CR.
    static let yamlEscapes = #"\e]0;pwned\a\e[2J\x9b31m\b\r"#
    /// The same for the shell's printf, the 8-bit CSI in UTF-8 (a raw 0x9B byte, invalid UTF-8, too).
    static let printfEscapes = #"\033]0;pwned\007\033[2J\302\23331m\010\r\233"#

    /// A course whose every piece of text, one folder name and one program's output hold escapes.
    static func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        let e = yamlEscapes
        try write("course.yml", "id: hostile\ntitle: \"Hostile \(e) course\"\nwelcome: \"Welcome \(e) aboard.\"\n")
        try write(
            "achievements.yml",
            """
            - id: first
              title: "First \(e) blood"
              description: "Pass \(e) one lesson."
              condition: { completeLessons: 1 }
            """ + "\n")
        // A folder name with an escape in it, which lint prints in its file:line locations.
        let track = "01-t\u{1B}]0;dir\u{07}"
        try write("\(track)/track.yml", "id: t\ntitle: \"Track \(e) title\"\nsummary: \"Summary \(e)\"\n")
        try write(
            "\(track)/01-quiz/lesson.md",
            """
            ---
            id: t.quiz
            title: "Quiz \(e) title"
            kind: quiz
            hints: ["Hint \(e) one", "Hint \(e) two"]
            questions:
              - prompt: "Prompt \(e) here"
                choices:
                  - text: "Choice \(e) A"
                    explanation: "Explain \(e) A"
                  - text: "Choice \(e) B"
                    explanation: "Explain \(e) B"
                answer: 1
            ---
            Body \u{1B}]0;pwned\u{07} raw \u{1B}[2J text \u{9B}31m here.
            """ + "\n")
        try write(
            "\(track)/02-code/lesson.md",
            """
            ---
            id: t.code
            title: "Code \(e) title"
            kind: code
            hints: ["Code hint \(e)"]
            code:
              language: c
              starter: [fix.txt, emit.sh]
              solution: [fix.txt, emit.sh]
              steps:
                - name: "look \(e) step"
                  run: [sh, emit.sh]
                  expect:
                    stdout: { equals: "nothing like it" }
            ---
            Code body.
            """ + "\n")
        try write("\(track)/02-code/starter/fix.txt", "wrong\n")
        try write("\(track)/02-code/solution/fix.txt", "right\n")
        let emit = "printf '\(printfEscapes) out\\n'\nprintf '\(printfEscapes) err\\n' >&2\n"
        try write("\(track)/02-code/starter/emit.sh", emit)
        try write("\(track)/02-code/solution/emit.sh", emit)
        // A key and an id that are not valid, which lint quotes.
        try write("\(track)/04-key/lesson.md", "---\nid: t.key\ntitle: Bad key\nkind: read\n\"bad\\e[2Jkey\": 1\n---\nBody.\n")
        try write("\(track)/03-bad/lesson.md", "---\nid: \"t.bad\(e)id\"\ntitle: Bad id\nkind: read\n---\nBody.\n")
        return root
    }

    /// The bytes that must never reach stdout or stderr raw: ESC, BEL, BS, CR and the 8-bit CSI.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.compactMap { scalar in
            [0x1B, 0x07, 0x08, 0x0D, 0x9B].contains(scalar.value) ? String(format: "U+%04X", scalar.value) : nil
        }
    }

    /// Every command that prints text, with what each must show (so the test fails if a command
    /// silently printed nothing instead of the hostile text).
    static let commands: [(arguments: [String], shows: String)] = [
        (["list"], "Quiz ␛]0;pwned␇␛[2J␛[31m␈␍ title"),
        (["show", "t.quiz"], "Choice ␛]0;pwned␇"),
        (["hint", "t.quiz"], "Hint ␛]0;pwned␇␛[2J␛[31m␈␍ one"),
        (["hint", "t.quiz", "--all"], "Hint ␛]0;pwned"),
        (["check", "t.quiz", "2"], "Explain ␛]0;pwned"),
        (["check", "t.code"], "look ␛]0;pwned"),
        (["check", "t.code", "--no-cache"], "␛]0;pwned␇␛[2J␛[31m␈␍\u{FFFD} out"),
        (["check", "t.code", "--verbose", "--no-cache"], "␛]0;pwned␇␛[2J␛[31m␈␍\u{FFFD} err"),
        (["check", "t.quiz", "1"], "First ␛]0;pwned"),
        (["verify", "t.code"], "t.code"),
        (["lint"], "`bad\\u{1B}[2Jkey`"),
        (["progress"], "Hostile ␛]0;pwned"),
        (["doctor"], "workspace:"),
        (["watch", "t.code", "--manual"], "␛]0;pwned␇␛[2J␛[31m␈␍\u{FFFD} out"),
        (["check", "t.\u{1B}[2Jnope"], "t.\\u{1B}[2Jnope"),
        (["--bogus\u{1B}]0;x\u{07}"], "--bogus␛]0;x␇"),
        (["reset", "t.code"], "t.code"),
    ]

    @Test func noCommandPrintsARawControlCharacter() throws {
        let course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: course) }
        let state = course.appendingPathComponent(".state")
        let common = [
            "--lessons", course.path, "--progress", state.appendingPathComponent("progress.json").path,
            "--workspace", state.appendingPathComponent("workspace").path,
        ]
        let environment = ["XDG_CACHE_HOME": state.appendingPathComponent("cache").path]
        for (arguments, shows) in Self.commands {
            let result = try CrucibleRunner.run(common + arguments, environment: environment, timeout: 120)
            let shown = "crucible \(arguments.joined(separator: " ")):\n\(result.stdout)\n--- stderr:\n\(result.stderr)"
            #expect(Self.rawControls(result.stdout).isEmpty, "raw controls on stdout: \(Self.rawControls(result.stdout)) \(shown)")
            #expect(Self.rawControls(result.stderr).isEmpty, "raw controls on stderr: \(Self.rawControls(result.stderr)) \(shown)")
            #expect((result.stdout + result.stderr).contains(shows), "missing \(shows.debugDescription): \(shown)")
        }
    }

    /// JSON output carries the hostile text exactly, escaped the JSON way, with no raw control byte.
    @Test func jsonOutputKeepsHostileTextExactlyButEscaped() throws {
        let course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: course) }
        let state = course.appendingPathComponent(".state")
        let common = [
            "--lessons", course.path, "--progress", state.appendingPathComponent("progress.json").path,
            "--workspace", state.appendingPathComponent("workspace").path,
        ]
        let check = try CrucibleRunner.run(
            common + ["check", "t.code", "--json"],
            environment: ["XDG_CACHE_HOME": state.appendingPathComponent("cache").path])
        #expect(Self.rawControls(check.stdout).isEmpty, "\(check.stdout.debugDescription)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stdout)")
        let steps = try #require(result["steps"] as? [[String: Any]])
        #expect(steps.first?["stdout"] as? String == "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{08}\r\u{FFFD} out\n", "\(check.stdout)")
        #expect(steps.first?["name"] as? String == "look \u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{08}\r step", "\(check.stdout)")
        let lint = try CrucibleRunner.run(["lint", "--format", "json", course.path])
        #expect(Self.rawControls(lint.stdout).isEmpty, "\(lint.stdout.debugDescription)")
        #expect(
            lint.stdout.contains("/01-t\\u001b]0;dir\\u0007/04-key/lesson.md")
                || lint.stdout.contains("/01-t\\u001B]0;dir\\u0007/04-key/lesson.md"),
            "\(lint.stdout)")
    }

    /// A tool whose version probe prints escapes (doctor quotes what a broken tool said).
    @Test func doctorShowsABrokenToolsEscapesVisibly() throws {
        let stubs = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: stubs) }
        let rustc = stubs.appendingPathComponent("rustc")
        try "#!/bin/sh\nprintf '\(Self.printfEscapes) broken\\n' >&2\nexit 1\n".write(to: rustc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: rustc.path)
        let result = try CrucibleRunner.run(["doctor"], environment: ["PATH": BrokenToolTests.path(with: stubs)], timeout: 120)
        #expect(
            Self.rawControls(result.stdout + result.stderr).isEmpty, "\(result.stdout.debugDescription) \(result.stderr.debugDescription)")
        #expect(result.stdout.contains("rustc: not working — ␛]0;pwned␇␛[2J␛[31m␈␍"), "\(result.stdout)")
    }

    /// Lint names each hostile value escaped, at its file and line.
    @Test func lintQuotesHostileValuesEscaped() throws {
        let course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: course) }
        let result = try CrucibleRunner.run(["lint", course.path])
        let folder = course.path + "/01-t␛]0;dir␇"
        #expect(result.stdout.contains("\(folder)/04-key/lesson.md:5:1: error: unknown key `bad\\u{1B}[2Jkey`"), "\(result.stdout)")
        #expect(result.stdout.contains("\(folder)/03-bad/lesson.md:2:5: error: "), "\(result.stdout)")
        #expect(result.stdout.contains("`t.bad\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{9B}31m\\u{8}\\rid` is not a valid id"), "\(result.stdout)")
    }

    /// With colour on (a terminal, via script(1)), the only escape sequences are Crucible's own SGR codes.
    @Test func colourOutputHasOnlyCruciblesOwnSGR() throws {
        let course = try Self.writeCourse()
        defer { try? FileManager.default.removeItem(at: course) }
        let state = course.appendingPathComponent(".state")
        let typescript = state.appendingPathComponent("typescript")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let crucible =
            "'\(CrucibleRunner.binary.path)' --lessons '\(course.path)' --progress '\(state.path)/progress.json'"
            + " --workspace '\(state.path)/workspace'"
        for (arguments, planted) in [
            ("list", true), ("check t.code", true), ("check t.quiz 2", true), ("verify t.code", false),
            ("show t.quiz", true), ("check t.quiz 1", true),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            // stderr goes to a file so only stdout, the coloured stream, is on the terminal.
            process.arguments = ["-qefc", "\(crucible) \(arguments) 2>/dev/null", typescript.path]
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "NO_COLOR")
            environment["XDG_CACHE_HOME"] = state.appendingPathComponent("cache").path
            environment["CRUCIBLE_TRUST"] = "1"
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            // The terminal turns each "\n" into "\r\n"; those CRs are the terminal's, not ours.
            let text = try String(contentsOf: typescript, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            let sgr = try Regex(#"\x1B\[[0-9;]*m"#)
            #expect(text.contains(sgr), "no colour at all from crucible \(arguments): \(text.debugDescription)")
            let rest = text.replacing(sgr, with: "")
            #expect(Self.rawControls(rest).isEmpty, "crucible \(arguments): \(Self.rawControls(rest)) in \(text.debugDescription)")
            #expect(!planted || rest.contains("␛"), "crucible \(arguments) did not show the planted escapes: \(text.debugDescription)")
        }
    }
}
