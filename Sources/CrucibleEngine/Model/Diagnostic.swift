/// One problem found while loading a course, pointing at a file, line and column.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Errors leave a lesson out; warnings only advise.
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    /// The file's path: the course root as it was given, joined with the path inside the course.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    public var severity: Severity
    /// Says what is wrong and how to fix it.
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: severity: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}
