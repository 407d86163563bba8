import Foundation
import Yams

/// Where a lesson folder is, both on disk and as shown in diagnostics.
struct LessonLocation: Sendable {
    /// The lesson folder as a URL that keeps the course root's relative form.
    var folder: URL
    /// The lesson folder's file-system path.
    var path: String
    /// The lesson folder as shown in diagnostics.
    var displayPath: String
}

/// What parsing one `lesson.md` produced.
struct LessonOutcome: Sendable {
    /// `nil` when the lesson had errors (it is left out) or the folder has no `lesson.md`
    /// (it is not a lesson; there are no diagnostics either).
    var lesson: Lesson?
    var diagnostics: [Diagnostic]
    /// Where the `id` value is, for naming both places of a duplicate id.
    var idLine = 1
    var idColumn = 1
}

/// Reads and validates one `lesson.md`: front matter, kind-specific payload, named files and body.
struct LessonParser {
    static let commonKeys = ["id", "title", "kind", "xp", "hints", "requires", "explanation", "platforms", "platformNote"]
    /// The key that carries each kind's payload.
    static let payloadKey: [LessonKind: String] = [.quiz: "questions", .predict: "predict", .code: "code"]
    static let allKeys = commonKeys + ["questions", "predict", "code"]
    /// Keys of the `predict` map.
    static let predictKeys = ["language", "program", "answer", "caseSensitive", "run"]
    /// Keys of the `code` map.
    static let codeKeys = ["language", "starter", "starterPasses", "solution", "hidden", "wrong", "right", "steps"]
    /// Keys of one entry of `code.wrong` or `code.right`.
    static let variantKeys = ["name", "files"]

    let location: LessonLocation
    let report: FileReport
    let files: LessonFiles
    /// The course's tools, which the lesson and its steps carry.
    let tools: ToolCatalog

    init(location: LessonLocation, tools: ToolCatalog = .builtIn) {
        self.location = location
        self.tools = tools
        report = FileReport(file: location.displayPath + "/lesson.md")
        files = LessonFiles(folderPath: location.path, report: report)
    }

    static func parse(_ location: LessonLocation, tools: ToolCatalog = .builtIn) -> LessonOutcome {
        LessonParser(location: location, tools: tools).parse()
    }

    func parse() -> LessonOutcome {
        var outcome = LessonOutcome(lesson: nil, diagnostics: [])
        switch TextFile.read(location.path + "/lesson.md") {
        case .missing:
            // A folder or broken link named lesson.md is a lesson the author meant to write: never skip it silently.
            if let what = TextFile.notAFile(location.path + "/lesson.md") {
                report.error("lesson.md \(what); make lesson.md the lesson's text file")
            }
        case .failed(let reason):
            report.error("cannot read lesson.md: \(reason)")
        case .bytes(let bytes):
            let (lesson, idMark) = parse(bytes)
            outcome.lesson = report.hasErrors ? nil : lesson
            if let idMark {
                outcome.idLine = idMark.line + report.lineOffset
                outcome.idColumn = idMark.column
            }
        }
        outcome.diagnostics = report.diagnostics
        return outcome
    }

    /// The lesson (`nil` on errors) and where its `id` value is.
    private func parse(_ bytes: [UInt8]) -> (Lesson?, idMark: Mark?) {
        if let problem = TextFile.encodingProblem(bytes) {
            report.error(problem)
            return (nil, nil)
        }
        let start = TextFile.bomLength(bytes)
        if let bad = TextFile.firstInvalidUTF8(bytes, from: start) {
            report.error(TextFile.invalidUTF8Message, line: bad.line, column: bad.column)
            return (nil, nil)
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(bytes, from: start) {
        case .success(let split):
            frontMatter = split
        case .failure where TextFile.hasOnlyCRLineEndings(bytes):
            report.error(
                "lines end with a carriage return alone (old Mac line endings), so the file reads as one line; "
                    + "save it with LF (Unix) or CRLF (Windows) line endings")
            return (nil, nil)
        case .failure(.missingOpening):
            report.error(
                "lesson.md has no front matter; start the file with a `---` line, then the keys "
                    + "(id, title, kind, …), then another `---` line before the Markdown body")
            return (nil, nil)
        case .failure(.missingClosing):
            report.error("the front matter is never closed; add a `---` line after the last key, before the Markdown body")
            return (nil, nil)
        }
        report.lineOffset = frontMatter.yamlLineOffset
        if bytes[frontMatter.bodyOffset...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            report.error(
                "the lesson has no body; below the closing `---`, write the Markdown, starting with "
                    + "a paragraph that states the lesson's one learning goal", line: frontMatter.bodyLine)
        }
        let yaml = TextFile.text(bytes[frontMatter.yaml])
        guard let root = report.compose(yaml) else {
            if !report.hasErrors {
                report.error("the front matter is empty; add at least `id`, `title` and `kind`", line: 2)
            }
            return (nil, nil)
        }
        guard let fields = Fields(root, what: "the front matter", known: Self.allKeys, report: report) else { return (nil, nil) }
        let idMark = fields.value("id")?.mark
        let id = fields.id("id")
        let title = fields.string("title", required: true)
        let kind = self.kind(fields)
        let xp = fields.wholeNumber("xp", in: NumberBounds.lessonXP)
        let hints = fields.stringList("hints") ?? []
        let requires = StepParser(report: report, tools: tools).requirements(fields, what: "the lesson's") ?? []
        let explanation = fields.string("explanation")
        let platformSupport = platformSupport(fields)
        guard let kind else { return (nil, idMark) }
        warnAboutPayloadsOfOtherKinds(fields, kind: kind)
        if kind != .code, platformSupport != nil, let keyNode = fields.keyNode("platforms") {
            report.warning(
                at: keyNode,
                "`platforms` only stops code lessons, whose checks run programs; a \(kind.rawValue) lesson "
                    + "is answered the same on every platform, so it is ignored; remove it")
        }
        let quiz = kind == .quiz ? QuizParser(fields: fields).parse() : nil
        let predict = kind == .predict ? predict(fields) : nil
        let code = kind == .code ? code(fields) : nil

        guard let id, let title, !report.hasErrors else { return (nil, idMark) }
        let lesson = Lesson(
            id: id, title: title, kind: kind, xp: xp, hints: hints, requires: requires, tools: tools,
            explanation: explanation, platformSupport: platformSupport, folder: location.folder,
            file: location.folder.appendingPathComponent("lesson.md", isDirectory: false),
            bodyOffset: frontMatter.bodyOffset, bodyLine: frontMatter.bodyLine,
            quiz: quiz, predict: predict, code: code)
        return (lesson, idMark)
    }

    private func kind(_ fields: Fields) -> LessonKind? {
        guard let node = fields.value("kind", required: true), let text = fields.text(node, "kind") else { return nil }
        if let kind = LessonKind(rawValue: text) { return kind }
        let kinds = LessonKind.allCases.map(\.rawValue)
        var message = "unknown kind \(quoted: text); use one of " + kinds.map { "\(quoted: $0)" }.joined(separator: ", ")
        if let suggestion = nearest(text, in: kinds) { message += " (did you mean \(quoted: suggestion)?)" }
        report.error(at: node, message)
        return nil
    }

    /// `platforms: [linux]` with an optional `platformNote`; nil when absent (every platform).
    private func platformSupport(_ fields: Fields) -> PlatformSupport? {
        let note = fields.string("platformNote")
        guard let nodes = fields.list("platforms") else {
            if fields.has("platforms") { return nil }
            if let keyNode = fields.keyNode("platformNote") {
                report.error(
                    at: keyNode,
                    "`platformNote` says why a lesson runs only on some platforms, but there is no `platforms`; "
                        + "add `platforms: [linux]` (or `[macos]`) or remove `platformNote`")
            }
            return nil
        }
        let names = Platform.allCases.map(\.rawValue)
        guard !nodes.isEmpty else {
            report.error(
                at: fields.value("platforms") ?? fields.node,
                "`platforms` is an empty list, so the lesson would run nowhere; name at least one of "
                    + names.map { "\(quoted: $0)" }.joined(separator: ", ") + ", or remove the key to run everywhere")
            return nil
        }
        var platforms: [Platform] = []
        var valid = true
        for node in nodes {
            guard let text = fields.text(node, "platforms") else {
                valid = false
                continue
            }
            guard let platform = Platform(rawValue: text) else {
                report.error(at: node, unknownMessage("platform", text, known: names))
                valid = false
                continue
            }
            if platforms.contains(platform) {
                report.warning(at: node, "\(quoted: text) is listed twice in `platforms`; remove one")
            } else {
                platforms.append(platform)
            }
        }
        guard valid else { return nil }
        return PlatformSupport(platforms: platforms, note: note)
    }

    /// `questions` on a `read` lesson and the like: probably a wrong `kind`, harmless otherwise.
    private func warnAboutPayloadsOfOtherKinds(_ fields: Fields, kind: LessonKind) {
        for (otherKind, key) in Self.payloadKey.sorted(by: { $0.value < $1.value }) where otherKind != kind {
            guard let keyNode = fields.keyNode(key) else { continue }
            report.warning(
                at: keyNode,
                "\(quoted: key) belongs to \(otherKind.rawValue) lessons but this lesson's kind is "
                    + "\(quoted: kind.rawValue), so it is ignored; remove it or set `kind: \(otherKind.rawValue)`")
        }
    }

    private func predict(_ lesson: Fields) -> Predict? {
        guard let fields = lesson.map("predict", what: "`predict`", known: Self.predictKeys, required: true) else { return nil }
        let language = fields.string("language", required: true)
        let program = fields.value("program", required: true).flatMap { node in
            fields.text(node, "program").flatMap { files.check($0, at: node, key: "program") ? $0 : nil }
        }
        let answer = fields.string("answer", required: true)
        let caseSensitive = fields.bool("caseSensitive") ?? true
        let steps = StepParser(report: report, tools: tools).steps(fields, "run", required: false)
        guard let language, let program, let answer, let steps else { return nil }
        return Predict(language: language, program: program, answer: answer, caseSensitive: caseSensitive, run: steps)
    }

    private func code(_ lesson: Fields) -> CodeExercise? {
        guard let fields = lesson.map("code", what: "`code`", known: Self.codeKeys, required: true) else { return nil }
        let language = fields.string("language", required: true)
        let starter = files.paths(fields, "starter", under: "starter/", required: true)
        let solution = files.paths(fields, "solution", under: "solution/", required: true)
        let hidden = files.paths(fields, "hidden", under: "check/") ?? []
        let wrong = variants(fields, "wrong", example: "off-by-one")
        let right = variants(fields, "right", example: "buffer-init")
        let steps = StepParser(report: report, tools: tools).steps(fields, "steps", required: true)
        let starterPasses = fields.bool("starterPasses") ?? false
        if let starter, let solution, Set(starter) != Set(solution), let node = fields.value("solution") {
            report.warning(
                at: node,
                "the solution files (\(solution.joined(separator: ", "))) differ from the starter files "
                    + "(\(starter.joined(separator: ", "))); give the solution the same file names as the starter")
        }
        guard let language, let starter, let solution, let wrong, let right, let steps else { return nil }
        return CodeExercise(
            language: language, starter: starter, solution: solution, hidden: hidden,
            wrong: wrong, right: right, steps: steps, starterPasses: starterPasses)
    }

    /// The `wrong` or `right` variants (`key`): each a folder under `key/` whose files are laid over the solution.
    private func variants(_ code: Fields, _ key: String, example: String) -> [CodeExercise.Variant]? {
        guard let nodes = code.list(key) else { return code.has(key) ? nil : [] }
        var variants: [CodeExercise.Variant] = []
        for node in nodes {
            guard let fields = Fields(node, what: "a `\(key)` variant", known: Self.variantKeys, report: report),
                let nameNode = fields.value("name", required: true), let name = fields.text(nameNode, "name")
            else { continue }
            guard !name.contains("/"), name != "..", name != "." else {
                let problem =
                    name.contains("/") ? "\(quoted: name) must not contain `/`" : "\(quoted: name) would not name a folder of its own"
                report.error(
                    at: nameNode,
                    "a `\(key)` variant's `name` is a folder under `\(key)/`, so \(problem); "
                        + "use a plain name such as `\(example)`")
                continue
            }
            if let files = files.paths(fields, "files", under: "\(key)/\(name)/", required: true) {
                variants.append(.init(name: name, files: files))
            }
        }
        return variants
    }
}
