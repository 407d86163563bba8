import Foundation
import Yams

/// Reads a course's `achievements.yml`: a list of achievements, each with an `id`, `title`,
/// `description` and one `condition` (see `Lessons/README.md`, "Achievements").
///
/// ```yaml
/// - id: first-blood
///   title: First blood
///   description: Pass your first lesson.
///   condition: { completeLessons: 1 }
/// ```
public enum AchievementsFile {
    /// The file's name in the course folder.
    public static let name = "achievements.yml"
    /// Keys of one achievement.
    static let achievementKeys = ["id", "title", "description", "condition"]

    /// The achievements that parsed and a diagnostic (file, line, column) for each problem.
    public struct LoadResult: Sendable, Equatable {
        public var achievements: [Achievement]
        public var diagnostics: [Diagnostic]
        /// Where each achievement's condition value is, by achievement id, so a warning about it points there.
        public var conditionPositions: [String: Position]

        public init(achievements: [Achievement], diagnostics: [Diagnostic], conditionPositions: [String: Position] = [:]) {
            self.achievements = achievements
            self.diagnostics = diagnostics
            self.conditionPositions = conditionPositions
        }
    }

    /// A 1-based line and column in the file.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// Loads `achievements.yml` from the course folder; a course without one has no achievements.
    /// An achievement with a problem is left out and reported; the others still load.
    public static func load(courseRoot: URL) -> LoadResult {
        let url = courseRoot.appendingPathComponent(name)
        switch TextFile.read(url.path) {
        case .missing:
            guard let what = TextFile.notAFile(url.path) else { return LoadResult(achievements: [], diagnostics: []) }
            return LoadResult(
                achievements: [],
                diagnostics: [
                    Diagnostic(
                        file: url.relativePath, line: 1, column: 1, severity: .error,
                        message: "\(name) \(what); make it the text file or remove it")
                ])
        case .failed(let reason):
            return LoadResult(
                achievements: [],
                diagnostics: [
                    Diagnostic(file: url.relativePath, line: 1, column: 1, severity: .error, message: "cannot read the file: \(reason)")
                ])
        case .bytes(let bytes):
            let start = TextFile.bomLength(bytes)
            if let problem = TextFile.encodingProblem(bytes) {
                return LoadResult(
                    achievements: [],
                    diagnostics: [
                        Diagnostic(file: url.relativePath, line: 1, column: 1, severity: .error, message: problem)
                    ])
            }
            if let bad = TextFile.firstInvalidUTF8(bytes, from: start) {
                return LoadResult(
                    achievements: [],
                    diagnostics: [
                        Diagnostic(
                            file: url.relativePath, line: bad.line, column: bad.column, severity: .error,
                            message: TextFile.invalidUTF8Message)
                    ])
            }
            let text = TextFile.text(bytes[start...])
            return parse(text, file: url.relativePath)
        }
    }

    /// Parses the text of an achievements file; `file` is used in diagnostics.
    public static func parse(_ text: String, file: String) -> LoadResult {
        let report = FileReport(file: file)
        guard let root = report.compose(text) else { return LoadResult(achievements: [], diagnostics: report.diagnostics) }
        guard case .sequence(let entries) = root else {
            report.error(at: root, "the file must be a list of achievements (`- id: …` entries), found \(describe(root))")
            return LoadResult(achievements: [], diagnostics: report.diagnostics)
        }
        var achievements: [Achievement] = []
        var conditionPositions: [String: Position] = [:]
        var firstUse: [String: Node] = [:]
        for entry in entries {
            let before = report.errorCount
            guard
                let fields = Fields(
                    entry, what: "an achievement", known: achievementKeys,
                    report: report)
            else { continue }
            let id = fields.id("id")
            let title = fields.string("title", required: true)
            let description = fields.string("description", required: true)
            let condition = fields.value("condition", required: true).flatMap { parseCondition($0, report: report) }
            if let id, let node = fields.value("id") {
                if let first = firstUse[id] {
                    report.error(
                        at: node,
                        "achievement id \(quoted: id) is already used at line \((first.mark?.line ?? 0) + report.lineOffset); ids must be unique"
                    )
                } else {
                    firstUse[id] = node
                }
            }
            guard report.errorCount == before, let id, let title, let description, let condition else { continue }
            achievements.append(Achievement(id: id, title: title, description: description, condition: condition))
            // The condition's value (`nope` in `{ completeTrack: nope }`), else the condition itself.
            let conditionNode = fields.value("condition")
            let valueNode =
                conditionNode.flatMap { node -> Node? in
                    guard case .mapping(let mapping) = node else { return nil }
                    return mapping.first?.value
                } ?? conditionNode
            if let mark = valueNode?.mark {
                conditionPositions[id] = Position(line: mark.line + report.lineOffset, column: mark.column)
            }
        }
        return LoadResult(achievements: achievements, diagnostics: report.diagnostics, conditionPositions: conditionPositions)
    }

    /// Warnings for conditions that name a track or lesson the course does not have: such an
    /// achievement can never be earned.
    /// `positions` (``LoadResult/conditionPositions``) place each warning at its condition's line.
    public static func check(
        _ achievements: [Achievement], against outline: CourseOutline, file: String,
        positions: [String: Position] = [:]
    ) -> [Diagnostic] {
        achievements.compactMap { achievement in
            let problem: String?
            switch achievement.condition {
            case .completeTrack(let track), .trackWithoutHints(let track):
                problem = outline.track(track) == nil ? "names track \(quoted: track), which the course does not have" : nil
            case .passLesson(let lesson), .improveMetric(let lesson, _, _):
                problem =
                    outline.lesson(lesson) == nil
                    ? "names lesson \(quoted: lesson), which the course does not have" : nil
            case .passLessons(let lessons):
                let missing = lessons.filter { outline.lesson($0) == nil }
                problem =
                    missing.isEmpty
                    ? nil
                    : "names " + missing.map { "\(quoted: $0)" }.joined(separator: ", ")
                        + (missing.count == 1 ? ", a lesson" : ", lessons") + " the course does not have"
            case .completeLessons(let count):
                problem = count > outline.lessonIDs.count ? "needs \(count) lessons; the course has \(outline.lessonIDs.count)" : nil
            default:
                problem = nil
            }
            let position = positions[achievement.id] ?? Position(line: 1, column: 1)
            return problem.map {
                Diagnostic(
                    file: file, line: position.line, column: position.column, severity: .warning,
                    message: "achievement \(quoted: achievement.id) \($0), so it cannot be earned yet")
            }
        }
    }

    private static func parseCondition(_ node: Node, report: FileReport) -> AchievementCondition? {
        let keys = AchievementCondition.keys
        guard let fields = Fields(node, what: "a condition", known: keys, report: report) else { return nil }
        let present = keys.filter(fields.has)
        guard present.count == 1, let key = present.first else {
            report.error(
                at: node,
                present.isEmpty
                    ? "a condition needs one of " + keys.map { "\(quoted: $0)" }.joined(separator: ", ")
                    : "a condition has exactly one key, found " + present.map { "\(quoted: $0)" }.joined(separator: ", "))
            return nil
        }
        switch key {
        case "completeLessons": return fields.wholeNumber(key, required: true).map(AchievementCondition.completeLessons)
        case "firstTryPasses": return fields.wholeNumber(key, required: true).map(AchievementCondition.firstTryPasses)
        case "streakDays": return fields.wholeNumber(key, required: true).map(AchievementCondition.streakDays)
        case "reachLevel": return fields.wholeNumber(key, required: true).map(AchievementCondition.reachLevel)
        case "completeTrack": return fields.id(key).map(AchievementCondition.completeTrack)
        case "trackWithoutHints": return fields.id(key).map(AchievementCondition.trackWithoutHints)
        case "passLessons": return passLessons(fields, report: report)
        case "improveMetric": return improveMetric(fields, report: report)
        default: return fields.id(key).map(AchievementCondition.passLesson)
        }
    }

    private static func passLessons(_ fields: Fields, report: FileReport) -> AchievementCondition? {
        guard let entries = fields.stringNodes("passLessons", required: true) else { return nil }
        guard !entries.isEmpty else {
            if let node = fields.value("passLessons") {
                report.error(at: node, "`passLessons` is empty; list the lessons to pass, such as [arena.endpoint-go, arena.endpoint-rust]")
            }
            return nil
        }
        var ids: [String] = []
        for (text, node) in entries {
            guard Identifier.isValid(text) else {
                report.error(at: node, "\(quoted: text) is not a valid id; \(Identifier.rule)")
                return nil
            }
            ids.append(text)
        }
        return .passLessons(ids)
    }

    private static func improveMetric(_ fields: Fields, report: FileReport) -> AchievementCondition? {
        guard
            let map = fields.map(
                "improveMetric", what: "`improveMetric`", known: AchievementCondition.improveMetricKeys, required: true)
        else { return nil }
        let lesson = map.id("lesson")
        let metric = map.string("metric", required: true)
        let by = map.positiveNumber("by")
        if map.value("by", required: true) != nil, let by, by <= 1, let node = map.value("by") {
            report.error(
                at: node,
                "`by` is \(by), which any check meets; give the factor of improvement above 1, such as 1.2 for 20% better")
            return nil
        }
        guard let lesson, let metric, let by else { return nil }
        return .improveMetric(lesson: lesson, metric: metric, by: by)
    }
}
