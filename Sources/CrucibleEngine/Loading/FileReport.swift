/// Collects the diagnostics of one file, translating YAML positions into file positions.
///
/// Each file gets its own report, so per-lesson work can run in parallel without sharing state.
final class FileReport {
    /// The file's path as shown in diagnostics.
    let file: String
    /// Lines before the YAML text starts (1 for front matter after the opening `---`).
    var lineOffset = 0
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0

    init(file: String) { self.file = file }

    var hasErrors: Bool { errorCount > 0 }

    /// Reports at a file position (1-based), not shifted by `lineOffset`.
    func add(_ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String) {
        if severity == .error { errorCount += 1 }
        diagnostics.append(
            Diagnostic(
                file: file, line: max(line, 1), column: max(column, 1),
                severity: severity, message: message))
    }

    /// Reports at a YAML position: `line` is a line of the YAML text.
    func add(_ severity: Diagnostic.Severity, yamlLine line: Int, column: Int, _ message: String) {
        add(severity, line: line + lineOffset, column: column, message)
    }

    func error(_ message: String, line: Int = 1, column: Int = 1) {
        add(.error, line: line, column: column, message)
    }
}
