import CrucibleEngine

/// A lint run's findings and counts; its JSON form is `crucible lint --format json`.
public struct LintReport: Codable, Sendable {
    public var diagnostics: [Diagnostic]
    public var errors: Int
    public var warnings: Int
    /// Lessons that loaded (those with errors are left out).
    public var lessons: Int

    /// The report on a loaded course folder.
    public init(_ result: CourseLoadResult) {
        diagnostics = result.lintDiagnostics()
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        lessons = result.lessons.count
    }

    /// Prints the report: as JSON, or one `file:line:col: severity: message` line per problem on
    /// stdout and the ``summary`` on stderr.
    public func print(json: Bool) throws {
        if json { return try Output.print(encoding: self) }
        for diagnostic in diagnostics { Output.print(diagnostic.description) }
        Output.error(summary)
    }

    /// "3 lessons loaded; 1 error, 2 warnings": the closing line of the text form.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "\(count(lessons, "lesson")) loaded; \(count(errors, "error")), \(count(warnings, "warning"))"
    }
}
