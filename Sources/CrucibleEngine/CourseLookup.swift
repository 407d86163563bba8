import Foundation

extension CourseLoadResult {
    /// Every lesson that loaded, in course order.
    public var lessons: [Lesson] { tracks.flatMap(\.lessons) }

    /// The lesson with `id`, if it loaded.
    public func lesson(withID id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// "no lesson has the id `x`; did you mean `a` or `b`?", naming `list`, the command that lists every id.
    public func unknownLessonMessage(_ id: String, list: String = "crucible list") -> String {
        "no lesson has the id \(quoted: id)" + didYouMean(id, among: lessons.map(\.id)) + " (`\(list)` shows every id)"
    }

    /// As ``unknownLessonMessage(_:list:)``, for commands that take a track id too (`crucible show`).
    public func unknownIDMessage(_ id: String, list: String = "crucible list") -> String {
        "no lesson or track has the id \(quoted: id)" + didYouMean(id, among: tracks.map(\.id) + lessons.map(\.id))
            + " (`\(list)` shows every id)"
    }
}

extension CourseLoadResult {
    /// Every problem `crucible lint` reports: the loader's, plus those of the course's
    /// `achievements.yml` (its syntax, and conditions that name unknown tracks or lessons).
    public func lintDiagnostics() -> [Diagnostic] {
        guard let course else { return diagnostics }
        let achievements = AchievementsFile.load(courseRoot: course.root)
        let file = course.root.appendingPathComponent(AchievementsFile.name).relativePath
        let extra =
            achievements.diagnostics
            + AchievementsFile.check(
                achievements.achievements, against: CourseOutline(course), file: file,
                positions: achievements.conditionPositions)
        guard !extra.isEmpty else { return diagnostics }
        return (diagnostics + extra).sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}
