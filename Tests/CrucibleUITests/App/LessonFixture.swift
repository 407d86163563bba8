import CrucibleEngine
import Foundation

@testable import CrucibleUI

/// A course with one lesson of each interactive kind, for the lesson screen's update and snapshot tests.
enum LessonFixture {
    static let root = URL(fileURLWithPath: "/fixture-lessons")

    static func folder(_ id: String) -> URL { root.appendingPathComponent(id) }

    static let quiz = Lesson(
        id: "memory.quiz", title: "Who frees the memory?", kind: .quiz, hints: ["Think about who calls free()."],
        explanation: "Go traces the heap; the others free at a point you can see.",
        folder: folder("memory.quiz"), file: folder("memory.quiz").appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1,
        quiz: Quiz(questions: [
            Quiz.Question(
                prompt: "Which language frees heap memory with a tracing garbage collector?",
                choices: [
                    Quiz.Choice(text: "C", explanation: "C never frees memory for you; you call free()."),
                    Quiz.Choice(text: "Rust", explanation: "Rust drops a value when its owner goes out of scope."),
                    Quiz.Choice(text: "Go", explanation: "Right: Go's collector traces reachable objects."),
                ],
                answers: [2]),
            Quiz.Question(
                prompt: "Where is memory freed at a point you can see in the source?",
                choices: [
                    Quiz.Choice(text: "C", explanation: "Right: the call to free()."),
                    Quiz.Choice(text: "Go", explanation: "The collector decides when, not the source."),
                    Quiz.Choice(text: "Rust", explanation: "Right: at the end of the owner's scope."),
                ],
                answers: [0, 2]),
        ]))

    static let predict = Lesson(
        id: "memory.predict", title: "What does it print?", kind: .predict, hints: ["Arrays are values in Swift."],
        folder: folder("memory.predict"), file: folder("memory.predict").appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1,
        predict: Predict(
            language: "swift", program: "main.swift", answer: "0 1",
            run: [CheckStep(name: "run", run: ["swift", "main.swift"])]))

    static let code = Lesson(
        id: "memory.fix", title: "Fix the sum", kind: .code,
        hints: ["Read the compiler's first error.", "`let` makes a constant; use `var`."],
        requires: ["swiftc"], explanation: "`let` declares a constant and `var` a variable.",
        folder: folder("memory.fix"), file: folder("memory.fix").appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1,
        code: CodeExercise(
            language: "swift", starter: ["sum.swift"], solution: ["sum.swift"],
            steps: [
                CheckStep(name: "build", run: ["swiftc", "sum.swift"]),
                CheckStep(name: "run", run: ["./sum"], expect: StepExpectation(exit: .any), showOutput: true),
            ]))

    static let read = Lesson(
        id: "memory.read", title: "The stack", kind: .read, folder: folder("memory.read"),
        file: folder("memory.read").appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1)

    static let course = Course(
        id: "lessons", title: "Lesson Fixture", welcome: "", final: nil, root: root,
        tracks: [
            Track(
                id: "memory", title: "Memory", summary: "One lesson of each kind.", folder: root,
                lessons: [read, quiz, predict, code])
        ])

    static let program = "var a = [0]\nvar b = a\nb.append(1)\nprint(a.count - 1, b.count - 1)\n"
    static let body = "Read the program and the question below.\n"

    /// The app with lesson `id` open and its body loaded, the map and welcome behind it.
    static func state(opening id: String, width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(course: course, size: TerminalSize(width: width, height: height), showWelcome: false)
        state.selection = course.lessons.firstIndex { $0.id == id } ?? 0
        _ = App.update(&state, .command(.open))
        let source = LessonSource(body: body, program: id == predict.id ? program : nil)
        _ = App.update(&state, .lessonLoaded(lessonID: id, .success(source)))
        if id == code.id {
            let files = WorkspaceFiles(
                folder: "/home/learner/.local/share/crucible/workspace/lessons/memory.fix",
                files: ["/home/learner/.local/share/crucible/workspace/lessons/memory.fix/sum.swift"])
            _ = App.update(&state, .workspacePrepared(lessonID: id, .success(files)))
        }
        return state
    }

    /// The open lesson screen.
    static func screen(_ state: AppState) -> LessonScreen? { state.openLesson }

    static func key(_ key: Key) -> Action { .input(.key(key)) }

    static func type(_ text: String) -> [Action] { text.map { key(.character($0)) } }

    /// A compile error as the engine reports it.
    static var compileError: CheckResult {
        var result = CheckResult(lessonID: code.id, outcome: .failed, reason: .compileError, message: "the build failed")
        result.compilerError = try? JSONDecoder().decode(
            CompilerErrorSummary.self,
            from: Data(
                """
                {"file":"sum.swift","line":2,"column":5,"message":"cannot assign to value: 'total' is a 'let' constant"}
                """.utf8))
        result.steps = [
            step(
                name: "build", command: ["swiftc", "-o", "app", "sum.swift"], exitCode: 1, signal: nil,
                termination: "exited with code 1", duration: 1.25, stdout: "",
                stderr: "sum.swift:2:5: error: cannot assign to value: 'total' is a 'let' constant\n    total += i\n    ^~~~~\n",
                passed: false)
        ]
        result.duration = 1.3
        return result
    }

    /// A result with `reason` and one detail decoded from `json` into the field `key`, as the
    /// engine writes it (the details' initialisers are internal to the engine).
    private static func failed(
        _ reason: FailureReason, message: String, detail key: String, json: String, step: StepReport
    ) -> CheckResult {
        var fields =
            try! JSONSerialization.jsonObject(
                with: JSONEncoder().encode(CheckResult(lessonID: code.id, outcome: .failed, reason: reason, message: message)))
            as! [String: Any]
        fields[key] = try! JSONSerialization.jsonObject(with: Data(json.utf8))
        var result = try! JSONDecoder().decode(CheckResult.self, from: JSONSerialization.data(withJSONObject: fields))
        result.steps = [step]
        result.duration = 0.8
        return result
    }

    /// `go test` with two failing tests, as the engine reports it.
    static var failingTests: CheckResult {
        failed(
            .failingTest,
            message: #"2 tests failed: TestParse, TestSplit/two; TestParse at words_test.go:7: Parse("a b") = 3, want 2"#,
            detail: "failingTests",
            json: #"""
                {"runner":"go test","count":2,"tests":[
                 {"name":"TestParse","message":"Parse(\"a b\") = 3, want 2","file":"words_test.go","line":7},
                 {"name":"TestSplit/two","message":"Split(\"a,b\") has 1 parts, want 2","file":"words_test.go","line":14}]}
                """#,
            step: step(
                name: "test", command: ["go", "test", "./..."], exitCode: 1, signal: nil, termination: "exited with code 1",
                duration: 0.75,
                stdout: """
                    --- FAIL: TestParse (0.00s)
                        words_test.go:7: Parse("a b") = 3, want 2
                    --- FAIL: TestSplit (0.00s)
                        --- FAIL: TestSplit/two (0.00s)
                            words_test.go:14: Split("a,b") has 1 parts, want 2
                    FAIL
                    FAIL\texample.com/words\t0.005s
                    FAIL

                    """, stderr: "", passed: false))
    }

    /// A Rust panic in `main`.
    static var panic: CheckResult {
        failed(
            .panic, message: "panic at src/main.rs:4:26: index out of bounds: the len is 3 but the index is 5", detail: "panic",
            json: #"""
                {"language":"Rust","word":"panic","thread":"main","message":"index out of bounds: the len is 3 but the index is 5","file":"src/main.rs","line":4,"column":26}
                """#,
            step: step(
                name: "run", command: ["cargo", "run", "--offline"], exitCode: 101, signal: nil, termination: "exited with code 101",
                duration: 0.75, stdout: "",
                stderr: """
                       Compiling app v0.1.0 (/home/learner/app)
                        Finished `dev` profile [unoptimized + debuginfo] target(s) in 1.98s
                         Running `target/debug/app`

                    thread 'main' (32144) panicked at src/main.rs:4:26:
                    index out of bounds: the len is 3 but the index is 5
                    note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

                    """, passed: false))
    }

    /// clippy with `-D warnings`, two findings.
    static var lint: CheckResult {
        failed(
            .lint,
            message: "clippy::needless_range_loop at main.rs:4:14: the loop variable `i` is only used to index `values`",
            detail: "lint",
            json: #"""
                {"tool":"clippy","lint":"clippy::needless_range_loop","message":"the loop variable `i` is only used to index `values`","file":"main.rs","line":4,"column":14,"count":2}
                """#,
            step: step(
                name: "lint", command: ["clippy-driver", "-D", "warnings", "main.rs"], exitCode: 1, signal: nil,
                termination: "exited with code 1", duration: 0.75, stdout: "",
                stderr: """
                    error: the loop variable `i` is only used to index `values`
                     --> main.rs:4:14
                      |
                    4 |     for i in 0..values.len() {
                      |              ^^^^^^^^^^^^^^^

                    """, passed: false))
    }

    /// Output that differs from what the lesson expects.
    static var wrongOutput: CheckResult {
        var result = CheckResult(
            lessonID: code.id, outcome: .failed, reason: .wrongOutput, message: "stdout differs from the expected output")
        let mismatch: [String: Any] = [
            "stream": "stdout", "check": "differs from the expected output",
            "expected": "sumTo(10) = 55\nsumTo(0) = 0\n", "actual": "sumTo(10) = 45\nsumTo(0) = 0\n",
        ]
        result.outputMismatch = try? JSONDecoder().decode(OutputMismatch.self, from: JSONSerialization.data(withJSONObject: mismatch))
        result.steps = [
            step(
                name: "run", command: ["./app"], exitCode: 0, signal: nil, termination: "exited with code 0",
                duration: 0.01, stdout: "sumTo(10) = 45\nsumTo(0) = 0\n", stderr: "", passed: false)
        ]
        return result
    }

    /// Escape sequences a hostile program prints: a window title, a screen clear, an 8-bit CSI, BEL, backspace, CR.
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{08}\r"

    /// Output with escape sequences in it, on stdout, on stderr and in the diff.
    static var hostileOutput: CheckResult {
        var result = CheckResult(
            lessonID: code.id, outcome: .failed, reason: .wrongOutput, message: "stdout differs from the expected output")
        let mismatch: [String: Any] = [
            "stream": "stdout", "check": "differs from the expected output",
            "expected": "sum\n", "actual": hostile + "sum\n",
        ]
        result.outputMismatch = try? JSONDecoder().decode(OutputMismatch.self, from: JSONSerialization.data(withJSONObject: mismatch))
        result.steps = [
            step(
                name: "run " + hostile, command: ["./app"], exitCode: 0, signal: nil, termination: "exited with code 0",
                duration: 0.01, stdout: hostile + "sum\n", stderr: "err " + hostile + "\n", passed: false)
        ]
        return result
    }

    static var pass: CheckResult {
        var result = CheckResult(lessonID: code.id, outcome: .passed, message: "every step passed")
        result.steps = [
            step(
                name: "build", command: ["swiftc", "sum.swift"], exitCode: 0, signal: nil,
                termination: "exited with code 0", duration: 1.5, stdout: "", stderr: "", passed: true)
        ]
        return result
    }

    /// A pass whose `showOutput` step printed `lines` lines.
    static func passShowingOutput(lines: Int) -> CheckResult {
        var result = pass
        result.steps.append(
            step(
                name: "run", command: ["./sum"], exitCode: 0, signal: nil, termination: "exited with code 0", duration: 0.01,
                stdout: (1...lines).map { "sumTo(\($0)) = \($0 * ($0 + 1) / 2)" }.joined(separator: "\n") + "\n", stderr: "",
                passed: true))
        return result
    }

    /// A step report as the engine writes one (its memberwise initialiser is internal to the engine).
    static func step(
        name: String, command: [String], exitCode: Int?, signal: String?, termination: String,
        duration: Double, stdout: String, stderr: String, passed: Bool
    ) -> StepReport {
        var fields: [String: Any] = [
            "name": name, "command": command, "termination": termination, "duration": duration,
            "stdout": stdout, "stderr": stderr, "passed": passed,
        ]
        fields["exitCode"] = exitCode
        fields["signal"] = signal
        let data = try! JSONSerialization.data(withJSONObject: fields)
        return try! JSONDecoder().decode(StepReport.self, from: data)
    }

    static let passEvents: [GameEvent] = [
        .lessonPassed(lesson: code.id),
        .xpAwarded(lesson: code.id, base: 20, bonuses: [XPBonusAward(.firstTry, 10), XPBonusAward(.noHints, 5)]),
        .levelUp(Levels.Level(number: 2, name: "Apprentice")),
        .streakExtended(days: 3),
        .achievementUnlocked(
            Achievement(
                id: "first-fix", title: "First fix", description: "Pass your first code lesson.",
                condition: .completeLessons(1))),
    ]
}
