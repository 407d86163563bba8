import Yams

/// Reads `course.yml`'s `scoreboard` map. Lesson ids are only known once every lesson has loaded,
/// so the parser keeps where each one was written and ``check(_:lessons:)`` looks them up later.
struct ScoreboardParser {
    let report: FileReport

    /// Keys of `scoreboard`.
    static let scoreboardKeys = ["title", "tasks"]
    /// Keys of one task.
    static let taskKeys = ["task", "lessons"]
    /// The languages a task may name: those the course teaches.
    static let languages = ["c", "go", "rust", "swift"]

    /// A lesson id as written in a task, with its place, for the check after loading.
    struct LessonReference {
        var language: String
        var lessonID: String
        var place: Place
    }

    /// The scoreboard and its lesson references, or `nil` when the course has none or it has errors.
    func scoreboard(_ fields: Fields) -> (scoreboard: Scoreboard, references: [LessonReference])? {
        guard
            let board = fields.map(
                "scoreboard", what: "`scoreboard`", known: Self.scoreboardKeys)
        else { return nil }
        let errorsBefore = report.errorCount
        let title = board.string("title", required: true)
        guard let taskNodes = board.list("tasks", required: true) else { return nil }
        if taskNodes.isEmpty, let node = board.value("tasks") {
            report.error(
                at: node,
                "`tasks` is empty; list at least one, such as `- { task: \"JSON endpoint\", lessons: { go: LESSON, rust: LESSON } }`")
        }
        var tasks: [ScoreboardTask] = []
        var references: [LessonReference] = []
        var firstLine: [String: Int] = [:]
        for node in taskNodes {
            guard let task = Fields(node, what: "a scoreboard task", known: Self.taskKeys, report: report) else { continue }
            let name = task.string("task", required: true)
            if let name, let nameNode = task.value("task") {
                let line = (nameNode.mark?.line ?? 1) + report.lineOffset
                if let first = firstLine[name] {
                    report.error(
                        at: nameNode, "the task \(quoted: name) is already on the scoreboard at line \(first); give each task its own name")
                } else {
                    firstLine[name] = line
                }
            }
            let entries = lessons(task, name: name ?? "this task")
            guard let name, let entries else { continue }
            tasks.append(ScoreboardTask(name: name, lessons: entries.map { .init(language: $0.language, lessonID: $0.lessonID) }))
            references += entries
        }
        guard report.errorCount == errorsBefore, let title else { return nil }
        return (Scoreboard(title: title, tasks: tasks), references)
    }

    private func lessons(_ task: Fields, name: String) -> [LessonReference]? {
        guard let node = task.value("lessons", required: true) else { return nil }
        guard case .mapping(let mapping) = node else {
            report.wrongType(
                "lessons", "a map of languages to lesson ids, such as `{ go: arena.endpoint-go, rust: arena.endpoint-rust }`", node)
            return nil
        }
        var entries: [LessonReference] = []
        var valid = true
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, Self.languages.contains(scalar.string) else {
                var word = describe(key)
                if case .scalar(let scalar) = key { word = scalar.string }
                report.error(
                    at: key,
                    unknownMessage("language", word, known: Self.languages) + " (a task's `lessons` maps a language to a lesson id)")
                valid = false
                continue
            }
            guard let id = task.text(value, "lessons.\(scalar.string)") else {
                valid = false
                continue
            }
            let mark = value.mark
            entries.append(
                LessonReference(
                    language: scalar.string, lessonID: id,
                    place: Place(file: report.file, line: (mark?.line ?? 1) + report.lineOffset, column: mark?.column ?? 1)))
        }
        if valid, entries.count < 2 {
            report.error(
                at: node,
                "the task \(quoted: name) has \(entries.count == 1 ? "one language" : "no language"); "
                    + "a scoreboard compares languages, so give it a lesson in at least two, such as `{ go: …, rust: … }`")
            return nil
        }
        return valid ? entries : nil
    }

    /// Errors for references to lessons the course does not have, or whose code is in another language.
    static func check(_ references: [LessonReference], lessons: [Lesson]) -> [Diagnostic] {
        let ids = lessons.map(\.id)
        return references.compactMap { reference in
            let message: String
            if let lesson = lessons.first(where: { $0.id == reference.lessonID }) {
                guard let code = lesson.code, code.language != reference.language else { return nil }
                message =
                    "the lesson \(quoted: reference.lessonID) is written in \(code.language), not \(reference.language); "
                    + "put it under `\(code.language):` or name the \(reference.language) lesson"
            } else {
                message =
                    "the scoreboard names the lesson \(quoted: reference.lessonID), which the course does not have"
                    + didYouMean(reference.lessonID, among: ids)
            }
            return Diagnostic(
                file: reference.place.file, line: reference.place.line, column: reference.place.column, severity: .error,
                message: message)
        }
    }
}
