import Foundation

extension CourseLoadResult {
    /// Every lesson that loaded, in course order.
    public var lessons: [Lesson] { tracks.flatMap(\.lessons) }

    /// The lesson with `id`, if it loaded.
    public func lesson(withID id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// The loaded lesson id nearest to `id`, for "did you mean" messages.
    public func lessonID(nearestTo id: String) -> String? {
        nearest(id, in: lessons.map(\.id))
    }
}

extension CourseLoadResult {
    /// Every problem `crucible lint` reports: the loader's, plus those of the course's
    /// `achievements.yml` (its syntax, and conditions that name unknown tracks or lessons).
    public func lintDiagnostics() -> [Diagnostic] {
        guard let course else { return diagnostics }
        let achievements = AchievementsFile.load(courseRoot: course.root)
        let file = course.root.appendingPathComponent(AchievementsFile.name).relativePath
        let extra = achievements.diagnostics
            + AchievementsFile.check(achievements.achievements, against: CourseOutline(course), file: file)
        guard !extra.isEmpty else { return diagnostics }
        return (diagnostics + extra).sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }
}
