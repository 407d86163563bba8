/// The files of a new lesson: `lesson.md` with every front-matter key shown and explained in a
/// comment, and for predict and code lessons the program, starter, solution, harness and a
/// known-wrong variant.
enum LessonTemplate {
    /// Paths relative to the lesson folder, with their text.
    static func files(id: String, title: String, kind: LessonKind, language: TemplateLanguage) -> [(path: String, text: String)] {
        let code = LanguageTemplate.of(language)
        switch kind {
        case .read:
            return [("lesson.md", frontMatter(id: id, title: title, kind: kind, requires: [], payload: "") + readBody)]
        case .quiz:
            return [("lesson.md", frontMatter(id: id, title: title, kind: kind, requires: [], payload: quizPayload) + quizBody)]
        case .predict:
            let lesson =
                frontMatter(
                    id: id, title: title, kind: kind, requires: [code.tool],
                    payload: predictPayload(language, code)) + predictBody(code)
            return [("lesson.md", lesson), (code.programFile, code.predictProgram)]
        case .code:
            let lesson =
                frontMatter(
                    id: id, title: title, kind: kind, requires: [code.tool],
                    payload: codePayload(language, code)) + codeBody(code)
            return [
                ("lesson.md", lesson),
                ("starter/" + code.sourceFile, code.starter),
                ("solution/" + code.sourceFile, code.solution),
                ("wrong/off-by-one/" + code.sourceFile, code.offByOne),
                ("check/" + code.harnessFile, code.harness),
            ]
        }
    }

    /// The keys every kind has, each under a comment, then the kind's own keys.
    private static func frontMatter(id: String, title: String, kind: LessonKind, requires: [String], payload: String) -> String {
        """
        ---
        # yaml-language-server: $schema=../../schema/lesson.schema.json
        # Every key is described in Crucible's authoring guide (Lessons/README.md);
        # `crucible lint DIR` checks them and `crucible verify --lessons DIR \(id)` runs the checks.

        # Stable id, unique across the course: progress is keyed by it, so keep it once published.
        id: \(id)
        # Shown on the course map and above the lesson.
        title: \(title)
        # read, quiz, predict or code.
        kind: \(kind.rawValue)
        # Points for passing (default: read 5, quiz 10, predict 10, code 20).
        xp: \(kind.defaultXP)
        # Revealed one at a time, on request (optional).
        hints:
          - \(hint(kind))
        # Tools the lesson needs, such as swiftc, clang, rustc, go; a missing one is reported
        # with how to install it, before anything runs (optional).
        requires: [\(requires.joined(separator: ", "))]
        # Code lessons whose check runs only on some platforms: platforms: [linux] (or macos),
        # with platformNote: "why" (optional; default: every platform).
        # Shown after a pass: why it works (optional).
        explanation: |
          \(explanation(kind))
        \(payload)---

        """
    }

    private static func hint(_ kind: LessonKind) -> String {
        switch kind {
        case .read: "Hints are optional in a read lesson; delete this list if you have none."
        case .quiz: "Which of these languages can read past the end of an array without stopping?"
        case .predict: "Add up the squares one at a time, 1 then 4 then 9."
        case .code: "Keep a running total and add i * i for every i from 1 to n, n included."
        }
    }

    private static func explanation(_ kind: LessonKind) -> String {
        switch kind {
        case .read: "Say in a sentence or two why the idea matters."
        case .quiz: "C trusts the index; Rust and Go check it at run time and stop the program."
        case .predict: "The loop adds 1 + 4 + 9, so the program prints 14."
        case .code: "A loop from 1 through n adds every square; stopping before n misses the last one."
        }
    }

    private static let quizPayload = """
        # quiz: one or more questions; each needs at least two choices and an answer.
        questions:
          - prompt: Which language frees heap memory with a tracing garbage collector?
            choices:
              # Every choice should say why it is right or wrong (a warning if missing).
              - text: C
                explanation: C never frees memory for you; you call free() yourself.
              - text: Go
                explanation: Right. Go's collector traces which objects are still reachable.
              - text: Rust
                explanation: Rust frees a value when its owner goes out of scope; there is no collector.
            # The correct choice, counting from 1.
            answer: 2
          - prompt: Which languages stop a program that indexes past the end of an array?
            choices:
              - text: C
                explanation: C reads whatever memory follows the array; nothing stops it.
              - text: Rust
                explanation: Right. Indexing checks the bounds and panics.
              - text: Go
                explanation: Right. Indexing checks the bounds and panics.
            # Several correct choices: a list.
            answer: [2, 3]

        """

    private static func predictPayload(_ language: TemplateLanguage, _ code: LanguageTemplate) -> String {
        """
        # predict: a program the learner reads, and what it prints.
        predict:
          # For highlighting: swift, c, rust, go or another word.
          language: \(language.rawValue)
          # A file beside lesson.md, shown to the learner.
          program: \(code.programFile)
          # What the program prints (or the line of its first compile error); whitespace is normalised.
          answer: "14"
          # Whether the answer's case matters (default true).
          caseSensitive: true
          # Steps that run the program to show its real output (optional); `crucible verify`
          # checks that the last step prints the answer.
          run:
            - name: build
              run: \(code.buildCommand(sources: ["{files}"], crateRoot: code.programFile, output: "program"))
        \(environmentLines(code, indent: "      "))      timeout: 120
            - name: run
              run: ["{scratch}/program"]

        """
    }

    private static func codePayload(_ language: TemplateLanguage, _ code: LanguageTemplate) -> String {
        let build = code.buildCommand(
            sources: ["{files}", "{hidden}"], crateRoot: code.harnessFile, output: "app",
            flags: code.codeBuildFlags)
        let sanitizer =
            code.sanitized ? "\n        # No AddressSanitizer or UndefinedBehaviorSanitizer report.\n        sanitizer: clean" : ""
        return """
            # code: files the learner fixes in their own editor, and the steps that check them.
            code:
              # For highlighting: swift, c, rust, go or another word.
              language: \(language.rawValue)
              # Files under starter/, copied to the learner's workspace.
              starter: [\(code.sourceFile)]
              # Files under solution/: the reference solution, with the starter's names.
              solution: [\(code.sourceFile)]
              # When the starter already passes, by design (optional): starterPasses: true
              # Files under check/: the harness, copied beside the learner's files, never shown (optional).
              hidden: [\(code.harnessFile)]
              # Plausible mistakes under wrong/NAME/, laid over the solution; `crucible verify`
              # checks that each one fails (optional).
              wrong:
                - name: off-by-one
                  files: [\(code.sourceFile)]
              # Other correct fixes under right/NAME/, laid over the solution; `crucible verify`
              # checks that each one passes (optional): right: [{ name: NAME, files: [FILE] }]
              # Run in order in a fresh scratch folder; the first step that does not pass decides.
              steps:
                - name: build
                  # The argument vector, no shell. {files}: the learner's files; {hidden}: the
                  # harness; {scratch}: the scratch folder; also {lesson} and {sanitizer_link}.
                  run: \(build)
            \(environmentLines(code, indent: "      "))      # Seconds (default 10); compilers need more.
                  timeout: 120
                - name: run
                  run: ["{scratch}/app"]
                  # Added to the environment (optional): env: { NAME: "value" }
                  # Override the default limits (optional): cpu seconds, memory (512M), fileSize, processes.
                  limits: { cpu: 5 }
                  # Tools this step needs besides its program (optional): requires: [python3]
                  # Skip the step, with a note, where one of its tools is missing: optional: true
                  # What must hold (default: exit 0): exit (0-255, nonzero, compile-error, any), signal,
                  # stdout and stderr (equals, contains, matches, notContains), sanitizer, ratio, bounds.
                  expect:
                    exit: 0
                    stdout:
                      contains: ["squares: ok"]
                      notContains: ["FAIL"]\(sanitizer)

            """
    }

    /// The build step's `env` map, or nothing when the language needs none.
    private static func environmentLines(_ code: LanguageTemplate, indent: String) -> String {
        guard !code.buildEnvironment.isEmpty else { return "" }
        return indent + "env:\n" + code.buildEnvironment.map { indent + "  " + $0 + "\n" }.joined()
    }

    private static let readBody = """
        You will learn one idea. Replace this first paragraph: it states the lesson's one
        learning goal, and the course map shows it.

        ## The idea

        Explain one idea in a screen or two. The body is Markdown: **bold**, `code`, lists,
        tables, and fenced code blocks with a language for highlighting.

        ```swift
        let squares = (1...3).map { $0 * $0 }
        ```

        """

    private static let quizBody = """
        You will check what you know about who frees memory and who checks array bounds.

        Replace this text and the questions in the front matter with your own. Every choice
        explains itself, so a wrong answer still teaches something.

        """

    private static func predictBody(_ code: LanguageTemplate) -> String {
        """
        You will predict what a short loop prints.

        Read `\(code.programFile)` and type exactly what it prints. Replace the program and the
        `answer` with your own; `crucible verify` runs the program and checks that it prints the
        answer.

        """
    }

    private static func codeBody(_ code: LanguageTemplate) -> String {
        """
        You will write `\(code.function)`, which adds up the squares of 1 to n.

        Open `\(code.sourceFile)` in your workspace and replace the TODO. The check builds your file
        with a hidden harness that calls `\(code.function)` for several values of n and prints any
        wrong result.

        Replace the starter, the solution, the harness and the known-wrong variant with your own
        exercise; `crucible verify` checks that the starter fails, the solution passes and each
        variant fails.

        """
    }
}
