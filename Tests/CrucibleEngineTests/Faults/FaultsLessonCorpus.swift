import Foundation
import Testing

/// One lesson folder of the fault corpus: its `lesson.md` bytes and any files beside it.
struct CorpusLesson: CustomTestStringConvertible, Sendable {
    /// The lesson folder's name, which says what is wrong.
    var name: String
    var bytes: [UInt8]
    /// Files inside the lesson folder, by relative path.
    var files: [String: [UInt8]] = [:]
    /// Symbolic links inside the lesson folder: relative path → target.
    var symlinks: [String: String] = [:]
    /// FIFOs (named pipes) and folders inside the lesson folder, where files are expected.
    var fifos: [String] = []
    var folders: [String] = []
    var testDescription: String { name }
}

/// The broken-lesson corpus: every kind of mistake the lesson format can contain, plus
/// hostile files (huge, deeply nested, binary, extremely long lines, thousands of entries).
/// Each case is built here, so it is named and small in the repository; a few real-world
/// files are committed under `Fixtures/fault-lessons` and added by the test.
enum FaultsLessonCorpus {
    static let body = "You will learn one thing.\n"

    /// `lesson.md` text: front-matter lines between fences, then the body.
    static func lesson(_ frontMatter: String, body: String = body) -> [UInt8] {
        Array("---\n\(frontMatter)\n---\n\(body)".utf8)
    }

    /// A read lesson with `extra` front-matter lines.
    static func read(_ name: String, _ extra: String = "") -> [UInt8] {
        lesson("id: faults.\(name)\ntitle: T\nkind: read" + (extra.isEmpty ? "" : "\n" + extra))
    }

    /// A code lesson with `main.c` as starter and solution, whose `code:` map ends with `codeExtra`
    /// (indented two spaces) and whose steps are `steps` (indented four spaces).
    static func code(
        _ name: String, codeExtra: String = "", steps: String = "- run: [clang, main.c]",
        starter: String = "main.c"
    ) -> [UInt8] {
        let indentedSteps = steps.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        var text = "id: faults.\(name)\ntitle: T\nkind: code\ncode:\n  language: c\n  starter: [\(starter)]\n  solution: [main.c]\n"
        if !codeExtra.isEmpty { text += codeExtra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n" }
        text += "  steps:\n" + indentedSteps
        return lesson(text)
    }

    static let cFiles: [String: [UInt8]] = [
        "starter/main.c": Array("int main(void) { return 0; }\n".utf8),
        "solution/main.c": Array("int main(void) { return 0; }\n".utf8),
    ]

    static func quiz(_ name: String, _ questions: String) -> [UInt8] {
        lesson("id: faults.\(name)\ntitle: T\nkind: quiz\nquestions:\n" + questions)
    }

    static let twoChoices = "    choices:\n      - text: A\n        explanation: a\n      - text: B\n        explanation: b\n"

    static func predict(_ name: String, _ payload: String) -> [UInt8] {
        lesson("id: faults.\(name)\ntitle: T\nkind: predict\npredict:\n" + payload)
    }

    /// Deterministic pseudo-random bytes (a linear congruential generator), so failures reproduce.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func repeated(_ line: String, _ count: Int) -> String {
        String(repeating: line, count: count)
    }

    /// Broken lessons: each must be reported with at least one error naming its folder, and left out.
    static let broken: [CorpusLesson] = {
        var cases: [CorpusLesson] = []
        func add(_ name: String, _ bytes: [UInt8], files: [String: [UInt8]] = [:], symlinks: [String: String] = [:]) {
            cases.append(CorpusLesson(name: name, bytes: bytes, files: files, symlinks: symlinks))
        }
        // The file's frame: fences and body.
        add("no-front-matter", Array("Just a body, no front matter.\n".utf8))
        add("no-closing-fence", Array("---\nid: faults.no-closing-fence\ntitle: T\nkind: read\nYou will learn.\n".utf8))
        add("empty-file", [])
        add("only-fences", Array("---\n---\n".utf8))
        add("empty-front-matter", Array("---\n---\nBody.\n".utf8))
        add("fence-with-text", Array("--- yaml\nid: faults.fence-with-text\ntitle: T\nkind: read\n---\nBody.\n".utf8))
        add("indented-fence", Array("  ---\nid: faults.indented-fence\ntitle: T\nkind: read\n---\nBody.\n".utf8))
        add("front-matter-list", lesson("- id\n- title"))
        add("front-matter-scalar", lesson("just some words"))
        add("empty-body", lesson("id: faults.empty-body\ntitle: T\nkind: read", body: ""))
        add("whitespace-body", lesson("id: faults.whitespace-body\ntitle: T\nkind: read", body: "  \n\t\n\r\n"))

        // YAML syntax.
        add("yaml-bad-indent", lesson("id: faults.yaml-bad-indent\n  title: T\n kind: read"))
        add("yaml-tab-indent", lesson("id: faults.yaml-tab-indent\ntitle: T\nkind: read\nhints:\n\t- a"))
        add("yaml-unclosed-quote", lesson("id: faults.yaml-unclosed-quote\ntitle: \"T\nkind: read"))
        add("yaml-unclosed-flow", lesson("id: faults.yaml-unclosed-flow\ntitle: T\nkind: read\nhints: [a, b"))
        add("yaml-colon-in-value", lesson("id: faults.yaml-colon-in-value\ntitle: a: b\nkind: read"))
        add("yaml-duplicate-key", lesson("id: faults.yaml-duplicate-key\ntitle: T\ntitle: U\nkind: read"))
        add("yaml-undefined-alias", lesson("id: faults.yaml-undefined-alias\ntitle: *nowhere\nkind: read"))
        add("yaml-control-character", lesson("id: faults.yaml-control-character\ntitle: T\u{01}\nkind: read"))
        add("yaml-nul-byte", lesson("id: faults.yaml-nul-byte\ntitle: T\u{0}U\nkind: read"))
        add("yaml-document-end-marker", lesson("id: faults.yaml-document-end-marker\n...\ntitle: T\nkind: read"))
        add(
            "yaml-merge-conflict",
            lesson("id: faults.yaml-merge-conflict\n<<<<<<< HEAD\ntitle: T\n=======\ntitle: U\n>>>>>>> branch\nkind: read"))

        // Encoding.
        add(
            "invalid-utf8-front-matter",
            Array("---\nid: faults.invalid-utf8-front-matter\ntitle: caf".utf8) + [0xE9] + Array("\nkind: read\n---\nBody.\n".utf8))
        add("invalid-utf8-body", read("invalid-utf8-body").dropLast() + [0xFF, 0xFE, 0x0A])
        add(
            "overlong-encoding",
            Array("---\nid: faults.overlong-encoding\ntitle: ".utf8) + [0xC0, 0xAF] + Array("\nkind: read\n---\nBody.\n".utf8))
        add(
            "encoded-surrogate",
            Array("---\nid: faults.encoded-surrogate\ntitle: ".utf8) + [0xED, 0xA0, 0x80] + Array("\nkind: read\n---\nBody.\n".utf8))
        add("truncated-multibyte", read("truncated-multibyte") + [0xE2, 0x82])
        add("utf16-with-bom", [0xFF, 0xFE] + Array("---\nid: x\n---\n".utf8).flatMap { [$0, 0] })
        add("binary-noise", noise(64 * 1024, seed: 1))
        add("binary-between-fences", Array("---\n".utf8) + noise(4096, seed: 2) + Array("\n---\nBody.\n".utf8))

        // Keys every kind has.
        add("missing-id", lesson("title: T\nkind: read"))
        add("missing-title", lesson("id: faults.missing-title\nkind: read"))
        add("missing-kind", lesson("id: faults.missing-kind\ntitle: T"))
        add("unknown-kind", lesson("id: faults.unknown-kind\ntitle: T\nkind: reed"))
        add("kind-is-a-list", lesson("id: faults.kind-is-a-list\ntitle: T\nkind: [read]"))
        add("id-with-capitals", lesson("id: Faults.Capitals\ntitle: T\nkind: read"))
        add("id-with-spaces", lesson("id: faults with spaces\ntitle: T\nkind: read"))
        add("id-is-a-map", lesson("id: {a: b}\ntitle: T\nkind: read"))
        add("title-is-a-map", lesson("id: faults.title-is-a-map\ntitle: {a: b}\nkind: read"))
        add("xp-negative", read("xp-negative", "xp: -5"))
        add("xp-is-text", read("xp-is-text", "xp: lots"))
        add("xp-is-fractional", read("xp-is-fractional", "xp: 1.5"))
        // Numbers that once passed lint and overflowed the XP sum, or made a level name of megabytes.
        add("xp-above-the-maximum", read("xp-above-the-maximum", "xp: 6148914691236517206"))
        add("xp-beyond-int", read("xp-beyond-int", "xp: 99999999999999999999"))
        add("xp-in-exponent-form", read("xp-in-exponent-form", "xp: 1e18"))
        add("hints-is-a-map", read("hints-is-a-map", "hints: {a: b}"))
        add("hint-is-a-map", read("hint-is-a-map", "hints:\n  - fine\n  - {a: b}"))
        add("requires-is-a-map", read("requires-is-a-map", "requires: {clang: yes}"))
        add("explanation-is-a-list", read("explanation-is-a-list", "explanation: [a, b]"))
        add("misspelt-key", read("misspelt-key", "hintz: [a]"))
        add("key-is-a-list", read("key-is-a-list", "[a, b]: c"))
        add("duplicate-id", lesson("id: good.read\ntitle: T\nkind: read"))

        // Quizzes.
        add("quiz-without-questions", lesson("id: faults.quiz-without-questions\ntitle: T\nkind: quiz"))
        add("quiz-questions-is-text", quiz("quiz-questions-is-text", "  text"))
        add(
            "quiz-one-choice",
            quiz("quiz-one-choice", "  - prompt: P\n    choices:\n      - text: A\n        explanation: a\n    answer: 1\n"))
        add("quiz-answer-zero", quiz("quiz-answer-zero", "  - prompt: P\n" + twoChoices + "    answer: 0\n"))
        add("quiz-answer-out-of-range", quiz("quiz-answer-out-of-range", "  - prompt: P\n" + twoChoices + "    answer: 3\n"))
        add("quiz-answer-is-text", quiz("quiz-answer-is-text", "  - prompt: P\n" + twoChoices + "    answer: B\n"))
        add("quiz-no-answer", quiz("quiz-no-answer", "  - prompt: P\n" + twoChoices))
        add(
            "quiz-choice-without-text",
            quiz("quiz-choice-without-text", "  - prompt: P\n    choices:\n      - explanation: a\n      - text: B\n    answer: 1\n"))
        add(
            "quiz-question-without-prompt",
            quiz(
                "quiz-question-without-prompt", twoChoices.replacingOccurrences(of: "    choices", with: "  - choices") + "    answer: 1\n")
        )

        // Predict.
        add("predict-without-payload", lesson("id: faults.predict-without-payload\ntitle: T\nkind: predict"))
        add("predict-missing-program", predict("predict-missing-program", "  language: c\n  program: nowhere.c\n  answer: x"))
        add(
            "predict-without-answer", predict("predict-without-answer", "  language: c\n  program: program.c"),
            files: ["program.c": Array("int main(void) { return 0; }\n".utf8)])
        add("predict-program-outside", predict("predict-program-outside", "  language: c\n  program: ../program.c\n  answer: x"))

        // Code exercises and their steps.
        add("code-without-payload", lesson("id: faults.code-without-payload\ntitle: T\nkind: code"))
        add(
            "code-without-steps",
            lesson("id: faults.code-without-steps\ntitle: T\nkind: code\ncode:\n  language: c\n  starter: [main.c]\n  solution: [main.c]"),
            files: cFiles)
        add("code-missing-starter-file", code("code-missing-starter-file", starter: "other.c"), files: cFiles)
        add("code-absolute-path", code("code-absolute-path", starter: "/etc/passwd"), files: cFiles)
        add("code-dotdot-path", code("code-dotdot-path", starter: "../../main.c"), files: cFiles)
        add(
            "code-symlink-escape", code("code-symlink-escape"), files: ["solution/main.c": cFiles["solution/main.c"]!],
            symlinks: ["starter/main.c": "/etc/hostname"])
        add("code-run-is-text", code("code-run-is-text", steps: "- run: clang main.c"), files: cFiles)
        add("code-step-without-run", code("code-step-without-run", steps: "- name: build"), files: cFiles)
        add("code-bad-regex", code("code-bad-regex", steps: "- run: [a]\n  expect:\n    stdout: { matches: \"([0-9]+\" }"), files: cFiles)
        add(
            "code-unknown-placeholder", code("code-unknown-placeholder", steps: "- run: [clang, \"-o\", \"{scrach}/app\", main.c]"),
            files: cFiles)
        add("code-negative-timeout", code("code-negative-timeout", steps: "- run: [a]\n  timeout: -1"), files: cFiles)
        add("code-memory-limit-is-text", code("code-memory-limit-is-text", steps: "- run: [a]\n  limits: { memory: lots }"), files: cFiles)
        add("code-unknown-signal", code("code-unknown-signal", steps: "- run: [a]\n  expect: { signal: SIGFOO }"), files: cFiles)
        add("code-exit-is-text", code("code-exit-is-text", steps: "- run: [a]\n  expect: { exit: maybe }"), files: cFiles)
        add(
            "code-unknown-expect-key", code("code-unknown-expect-key", steps: "- run: [a]\n  expect: { stdot: { contains: [x] } }"),
            files: cFiles)
        add(
            "code-wrong-name-with-slash", code("code-wrong-name-with-slash", codeExtra: "wrong:\n  - name: a/b\n    files: [main.c]"),
            files: cFiles)
        add(
            "code-wrong-file-missing", code("code-wrong-file-missing", codeExtra: "wrong:\n  - name: off\n    files: [main.c]"),
            files: cFiles)

        // Hostile sizes and shapes.
        add("huge-never-closed", Array(("---\nid: faults.huge-never-closed\n" + repeated("key: value\n", 800_000)).utf8))
        add(
            "huge-error-at-the-end",
            lesson(
                "id: faults.huge-error-at-the-end\ntitle: T\nkind: read\nhints:\n"
                    + repeated("  - a hint that is fine\n", 200_000) + "titel: misspelt"))
        add(
            "deeply-nested-flow-lists",
            read(
                "deeply-nested-flow-lists",
                "hints: " + String(repeating: "[", count: 100_000)
                    + String(repeating: "]", count: 100_000)))
        add(
            "deeply-nested-flow-maps",
            read(
                "deeply-nested-flow-maps",
                "hints: " + String(repeating: "{a: ", count: 50_000)
                    + "b" + String(repeating: "}", count: 50_000)))
        add(
            "deeply-nested-block-maps",
            read(
                "deeply-nested-block-maps",
                "explanation:\n"
                    + (1...1500).map { String(repeating: " ", count: $0) + "k:\n" }.joined() + String(repeating: " ", count: 1501) + "leaf")
        )
        add(
            "alias-bomb",
            read(
                "alias-bomb",
                "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                    + (1...9).map { "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]\n" }
                    .joined()
                    + "hints: *a9\nexplanation: *a9"))
        add(
            "long-line-title",
            lesson("id: faults.long-line-title\ntitle: " + String(repeating: "x", count: 4 << 20) + "\nkind: read\ntitel: misspelt"))
        add("long-line-without-newline", Array(String(repeating: "-", count: 4 << 20).utf8))
        add(
            "thousands-of-hints-one-bad",
            read(
                "thousands-of-hints-one-bad",
                "hints:\n"
                    + (0..<10_000).map { $0 == 7_777 ? "  - {not: a string}\n" : "  - hint \($0)\n" }.joined()))
        add(
            "thousands-of-questions-one-bad",
            quiz(
                "thousands-of-questions-one-bad",
                (0..<3_000).map { "  - prompt: Q\($0)\n" + twoChoices + "    answer: \($0 == 2_999 ? 9 : 1)\n" }.joined()))
        add(
            "thousands-of-steps-one-bad",
            code(
                "thousands-of-steps-one-bad",
                steps: (0..<3_000).map { $0 == 1_234 ? "- run: []\n  timeout: never" : "- run: [\"true\"]" }.joined(separator: "\n")),
            files: cFiles)
        return cases + lintCases.map(\.lesson)
    }()

    /// A broken lesson with the one error lint must give: where in its `lesson.md`, and part of the message.
    struct LintCase: CustomTestStringConvertible, Sendable {
        var lesson: CorpusLesson
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { lesson.name }
    }

    /// Mistakes once missed or reported at the wrong place or in unclear words (issue 12), each with its exact position.
    static let lintCases: [LintCase] = {
        var cases: [LintCase] = []
        func add(
            _ name: String, _ bytes: [UInt8], files: [String: [UInt8]] = [:], symlinks: [String: String] = [:],
            fifos: [String] = [], folders: [String] = [], at line: Int, _ column: Int, _ message: String
        ) {
            cases.append(
                LintCase(
                    lesson: CorpusLesson(
                        name: name, bytes: bytes, files: files, symlinks: symlinks,
                        fifos: fifos, folders: folders),
                    line: line, column: column, message: message))
        }
        let program = ["program.c": Array("int main(void) { return 0; }\n".utf8)]
        let solutionOnly = ["solution/main.c": cFiles["solution/main.c"]!]
        // Empty text that used to pass.
        add(
            "lint-empty-title", lesson("id: faults.lint-empty-title\ntitle: \"\"\nkind: read"), at: 3, 8, "`title` is empty; write its text"
        )
        add("lint-blank-title", lesson("id: faults.lint-blank-title\ntitle: \"   \"\nkind: read"), at: 3, 8, "`title` is empty")
        add(
            "lint-empty-hint", read("lint-empty-hint", "hints:\n  - fine\n  - \"\""), at: 7, 5,
            "an entry of `hints` is empty; write it or remove that entry")
        add(
            "lint-empty-predict-answer", predict("lint-empty-predict-answer", "  language: c\n  program: program.c\n  answer: \"\""),
            files: program, at: 8, 11, "`answer` is empty")
        add(
            "lint-run-empty-program", code("lint-run-empty-program", steps: "- run: [\"\"]"), files: cFiles, at: 10, 13,
            "the program in `run` (its first entry) is empty")
        // Placeholders that only work as a whole argument.
        add(
            "lint-placeholder-inside-argument", code("lint-placeholder-inside-argument", steps: "- run: [clang, \"--in={files}\"]"),
            files: cFiles, at: 10, 20,
            "`{files}` becomes several arguments, so inside `--in={files}` in `run` it would be passed as written")
        add(
            "lint-placeholder-in-env", code("lint-placeholder-in-env", steps: "- run: [a]\n  env: { X: \"{hidden}\" }"),
            files: cFiles, at: 11, 17, "it works only as a whole entry of `run`")
        // Named files that are not regular files.
        add(
            "lint-starter-is-fifo", code("lint-starter-is-fifo"), files: solutionOnly, fifos: ["starter/main.c"], at: 7, 13,
            "`starter/main.c` named in `starter` is a FIFO (named pipe), not a file")
        add(
            "lint-starter-is-folder", code("lint-starter-is-folder"), files: solutionOnly, folders: ["starter/main.c"], at: 7, 13,
            "`starter/main.c` named in `starter` is a folder, not a file")
        add(
            "lint-starter-dangling-symlink", code("lint-starter-dangling-symlink"), files: solutionOnly,
            symlinks: ["starter/main.c": "missing.c"], at: 7, 13, "is a symbolic link to `missing.c`, which does not exist")
        add(
            "lint-starter-is-device", code("lint-starter-is-device"), files: solutionOnly, symlinks: ["starter/main.c": "/dev/null"],
            at: 7, 13, "is a device, not a file")
        add(
            "lint-program-is-folder", predict("lint-program-is-folder", "  language: c\n  program: program.c\n  answer: x"),
            folders: ["program.c"], at: 7, 12, "`program.c` named in `program` is a folder, not a file")
        add("lint-lesson-md-is-folder", [], folders: ["lesson.md"], at: 1, 1, "lesson.md is a folder, not a file")
        add(
            "lint-lesson-md-dangling-symlink", [], symlinks: ["lesson.md": "gone.md"], at: 1, 1,
            "lesson.md is a symbolic link to `gone.md`, which does not exist")
        // YAML errors at the author's line.
        add(
            "lint-unclosed-quote", lesson("id: faults.lint-unclosed-quote\ntitle: \"T\nkind: read"), at: 3, 8,
            "the quote that opens here is never closed")
        add(
            "lint-missing-colon", lesson("id: faults.lint-missing-colon\ntitle: T\nkind read\nxp: 1"), at: 4, 1,
            "this line is not a `key: value` line")
        add("lint-unclosed-flow-list", read("lint-unclosed-flow-list", "hints: [a, b"), at: 5, 8, "the list that opens with `[` here")
        add(
            "lint-duplicate-key", lesson("id: faults.lint-duplicate-key\ntitle: T\nkind: read\ntitle: U"), at: 5, 1,
            "key `title` appears more than once in the same map (first at line 3)")
        add(
            "lint-duplicate-key-in-step", code("lint-duplicate-key-in-step", steps: "- run: [a]\n  run: [b]"), files: cFiles,
            at: 11, 7, "key `run` appears more than once in the same map (first at line 10)")
        add(
            "lint-merge-conflict",
            lesson("id: faults.lint-merge-conflict\n<<<<<<< HEAD\ntitle: T\n=======\ntitle: U\n>>>>>>> b\nkind: read"),
            at: 3, 1, "such as a merge-conflict marker")
        add("lint-tab-indent", read("lint-tab-indent", "hints:\n\t- a"), at: 6, 1, "a tab indents this line; indent with spaces only")
        add(
            "lint-backquote-value", lesson("id: faults.lint-backquote-value\ntitle: `T`\nkind: read"), at: 3, 8,
            "a value cannot start with a backquote; put the value in quotes")
        add(
            "lint-undefined-alias", lesson("id: faults.lint-undefined-alias\ntitle: *nowhere\nkind: read"), at: 3, 8,
            "`*` starts a reference to an `&anchor` that does not exist")
        add(
            "lint-nesting-too-deep", read("lint-nesting-too-deep", "hints: " + String(repeating: "[", count: 2_000)), at: 5, 9,
            "lists and maps are nested more than 1,000 levels deep")
        // Clear words.
        add(
            "lint-wrong-name-dotdot", code("lint-wrong-name-dotdot", codeExtra: "wrong:\n  - name: ..\n    files: [main.c]"),
            files: cFiles, at: 10, 13, "so `..` would not name a folder of its own; use a plain name such as `off-by-one`")
        add(
            "lint-absolute-program", predict("lint-absolute-program", "  language: c\n  program: /etc/hostname\n  answer: x"),
            at: 7, 12, "is an absolute path; write it relative to the lesson folder")
        add(
            "lint-quiz-answer-is-text", quiz("lint-quiz-answer-is-text", "  - prompt: P\n" + twoChoices + "    answer: B\n"),
            at: 12, 13, "`answer` must be a choice number (1 is the first choice), found string `B`")
        add(
            "lint-xp-nan", read("lint-xp-nan", "xp: .nan"), at: 5, 5,
            "`xp` must be a whole number from 0 to 1000, found `.nan` (not a number)")
        add(
            "lint-utf16-without-bom", Array("---\nid: x\n---\nBody.\n".utf8).flatMap { [$0, 0] }, at: 1, 1,
            "saved as UTF-16; save it as UTF-8")
        add(
            "lint-cr-only-line-endings", Array("---\rid: faults.lint-cr-only-line-endings\rtitle: T\rkind: read\r---\rBody.\r".utf8),
            at: 1, 1, "lines end with a carriage return alone (old Mac line endings)")
        return cases
    }()

    /// Hostile but valid lessons: each must load, and quickly.
    static let extremeButValid: [CorpusLesson] = [
        CorpusLesson(
            name: "valid-ten-thousand-hints",
            bytes: read("valid-ten-thousand-hints", "hints:\n" + (0..<10_000).map { "  - hint \($0)\n" }.joined())),
        CorpusLesson(
            name: "valid-megabyte-line-in-body",
            bytes: lesson(
                "id: faults.valid-megabyte-line-in-body\ntitle: T\nkind: read",
                body: "Goal.\n\n" + String(repeating: "word ", count: 200_000) + "\n")),
        CorpusLesson(
            name: "valid-ten-megabyte-body",
            bytes: lesson(
                "id: faults.valid-ten-megabyte-body\ntitle: T\nkind: read",
                body: "Goal.\n\n" + repeated("A paragraph of text that goes on and on.\n\n", 250_000))),
        CorpusLesson(
            name: "valid-nul-bytes-in-body",
            bytes: lesson("id: faults.valid-nul-bytes-in-body\ntitle: T\nkind: read", body: "Goal \u{0} with a NUL.\n")),
    ]
}
