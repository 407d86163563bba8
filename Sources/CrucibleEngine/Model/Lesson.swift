import Foundation

/// What the learner does in a lesson, which decides how it is passed.
public enum LessonKind: String, Sendable, Equatable, CaseIterable, Codable {
    case read, quiz, predict, code

    /// Points for passing when the lesson does not set `xp`.
    public var defaultXP: Int {
        switch self {
        case .read: 5
        case .quiz, .predict: 10
        case .code: 20
        }
    }
}

/// One lesson: its front matter, already validated, and where its Markdown body lives.
///
/// The body is not kept in memory; call ``loadBody()`` when it is shown.
public struct Lesson: Sendable, Equatable {
    /// Stable id, unique across the course; progress is keyed by it.
    public var id: String
    public var title: String
    public var kind: LessonKind
    /// Points for passing (the kind's default when the lesson does not set it).
    public var xp: Int
    /// Revealed one at a time.
    public var hints: [String]
    /// Tools the lesson needs, such as `swiftc` or `go >= 1.22`.
    public var requires: [ToolRequirement]
    /// The course's tool catalog (built-in tools and those `course.yml` declares), so a check
    /// knows how to probe and run the lesson's tools without the course at hand.
    public var tools: ToolCatalog
    /// Shown after a pass: why it works.
    public var explanation: String?
    /// The platforms the check runs on (`platforms`, `platformNote`); nil when it runs on every platform.
    public var platformSupport: PlatformSupport?
    /// The lesson folder.
    public var folder: URL
    /// The lesson's `lesson.md`.
    public var file: URL
    /// Byte offset in `lesson.md` where the Markdown body starts (after the closing `---` line).
    public var bodyOffset: Int
    /// 1-based line of `lesson.md` where the Markdown body starts, for pointing at body problems.
    public var bodyLine: Int
    /// Set when `kind` is `.quiz`.
    public var quiz: Quiz?
    /// Set when `kind` is `.predict`.
    public var predict: Predict?
    /// Set when `kind` is `.code`.
    public var code: CodeExercise?

    public init(
        id: String, title: String, kind: LessonKind, xp: Int? = nil, hints: [String] = [],
        requires: [ToolRequirement] = [], tools: ToolCatalog = .builtIn, explanation: String? = nil,
        platformSupport: PlatformSupport? = nil, folder: URL, file: URL,
        bodyOffset: Int, bodyLine: Int, quiz: Quiz? = nil, predict: Predict? = nil, code: CodeExercise? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.xp = xp ?? kind.defaultXP
        self.hints = hints
        self.requires = requires
        self.tools = tools
        self.explanation = explanation
        self.platformSupport = platformSupport
        self.folder = folder
        self.file = file
        self.bodyOffset = bodyOffset
        self.bodyLine = bodyLine
        self.quiz = quiz
        self.predict = predict
        self.code = code
    }

    /// The steps the lesson runs on the learner's machine: a code lesson's check, a predict
    /// lesson's program; none for the rest. What trust covers and the sandbox fences in.
    public var steps: [CheckStep] { (code?.steps ?? []) + (predict?.run ?? []) }

    /// Whether checking the lesson runs anything (``steps``), so needs trust and the sandbox.
    public var runsPrograms: Bool { !steps.isEmpty }

    /// Reads `lesson.md` and returns the Markdown after the front matter,
    /// with `\r\n` turned into `\n`.
    ///
    /// Bodies are read on demand so that loading a large course stays cheap.
    /// Throws ``LessonBodyError`` if the file can no longer be read as it was when loaded.
    public func loadBody() throws -> String {
        let data = Data(try Self.readFile(file))
        guard bodyOffset <= data.count else {
            throw LessonBodyError(file: file, reason: "changed since the course was loaded; reload the course")
        }
        guard let text = String(validating: data[data.startIndex + bodyOffset..<data.endIndex], as: UTF8.self) else {
            throw LessonBodyError(file: file, reason: "is not valid UTF-8 any more; run `crucible lint`")
        }
        return text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// The text of a predict lesson's program, `nil` for other kinds.
    /// Throws ``LessonBodyError`` naming the file when it can no longer be read.
    public func loadProgram() throws -> String? {
        guard let predict else { return nil }
        let file = folder.appendingPathComponent(predict.program, isDirectory: false)
        guard let text = String(validating: try Self.readFile(file), as: UTF8.self) else {
            throw LessonBodyError(file: file, reason: "is not valid UTF-8 any more; run `crucible lint`")
        }
        return text
    }

    /// Reads a lesson file, with a reason in plain words (not Foundation's error codes) when it cannot be read.
    private static func readFile(_ file: URL) throws -> [UInt8] {
        switch TextFile.read(file.path) {
        case .bytes(let bytes): return bytes
        case .missing:
            throw LessonBodyError(
                file: file,
                reason: TextFile.notAFile(file.path).map { $0 + "; run `crucible lint`" }
                    ?? "no longer exists; reload the course")
        case .failed(let reason): throw LessonBodyError(file: file, reason: "cannot be read: \(reason)")
        }
    }
}

/// Thrown by ``Lesson/loadBody()`` when the lesson file changed or vanished after loading.
public struct LessonBodyError: Error, Sendable, CustomStringConvertible {
    public var file: URL
    public var reason: String
    public var description: String { "\(file.path) \(reason)" }
}

/// The questions of a `quiz` lesson.
public struct Quiz: Sendable, Equatable {
    public var questions: [Question]

    public init(questions: [Question]) { self.questions = questions }

    /// One multiple-choice question.
    public struct Question: Sendable, Equatable {
        public var prompt: String
        public var choices: [Choice]
        /// Indices of the correct choices, 0-based (the file uses 1-based numbers).
        public var answers: Set<Int>

        public init(prompt: String, choices: [Choice], answers: Set<Int>) {
            self.prompt = prompt
            self.choices = choices
            self.answers = answers
        }
    }

    /// One choice of a question, with why it is right or wrong.
    public struct Choice: Sendable, Equatable {
        public var text: String
        public var explanation: String?

        public init(text: String, explanation: String? = nil) {
            self.text = text
            self.explanation = explanation
        }
    }
}

/// A `predict` lesson: the learner reads a program and says what it prints.
public struct Predict: Sendable, Equatable {
    /// For highlighting, such as `c` or `rust`.
    public var language: String
    /// Path of the program relative to the lesson folder.
    public var program: String
    /// What the program prints (or which line fails to compile).
    public var answer: String
    /// Whether letter case matters when comparing; whitespace is always normalised.
    public var caseSensitive: Bool
    /// Optional steps that run the program to show its real output.
    public var run: [CheckStep]

    public init(language: String, program: String, answer: String, caseSensitive: Bool = true, run: [CheckStep] = []) {
        self.language = language
        self.program = program
        self.answer = answer
        self.caseSensitive = caseSensitive
        self.run = run
    }
}

/// A `code` lesson: files the learner edits and the steps that check them.
public struct CodeExercise: Sendable, Equatable {
    /// Such as `swift`, `c`, `rust` or `go`.
    public var language: String
    /// Paths under `starter/`: the files the learner edits.
    public var starter: [String]
    /// Paths under `solution/`: the reference solution.
    public var solution: [String]
    /// Paths under `check/`: harness files never shown to the learner.
    public var hidden: [String]
    /// Known-wrong variants that `crucible verify` expects to fail.
    public var wrong: [WrongVariant]
    /// Known-right variants: other correct fixes that `crucible verify` expects to pass.
    public var right: [RightVariant]
    /// Run in order in a fresh scratch folder.
    public var steps: [CheckStep]
    /// Whether the starter already passes, by design (an exercise that asks the learner to run the
    /// code and read what it prints): `crucible verify` then wants the starter to pass, not fail.
    public var starterPasses: Bool

    public init(
        language: String, starter: [String], solution: [String], hidden: [String] = [],
        wrong: [WrongVariant] = [], right: [RightVariant] = [], steps: [CheckStep], starterPasses: Bool = false
    ) {
        self.starterPasses = starterPasses
        self.language = language
        self.starter = starter
        self.solution = solution
        self.hidden = hidden
        self.wrong = wrong
        self.right = right
        self.steps = steps
    }

    /// Files laid over the solution to make another answer: under `wrong/NAME/` for a known-wrong
    /// variant, `right/NAME/` for a known-right one.
    public struct Variant: Sendable, Equatable {
        public var name: String
        public var files: [String]

        public init(name: String, files: [String]) {
            self.name = name
            self.files = files
        }
    }

    /// A known-wrong answer: files under `wrong/NAME/`.
    public typealias WrongVariant = Variant
    /// A known-right answer, another correct fix: files under `right/NAME/`.
    public typealias RightVariant = Variant
}
