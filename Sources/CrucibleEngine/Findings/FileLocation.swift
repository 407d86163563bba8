import Foundation

/// A place in a source file, as a tool printed it.
public struct FileLocation: Sendable, Equatable, CustomStringConvertible {
    /// The path exactly as the tool printed it, e.g. "/tmp/x/main.c" or "./main.go".
    public var file: String
    public var line: Int
    /// 1-based column, when the tool gives one.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// "main.c:12:5", with the file's last path component only.
    public var description: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return column.map { "\(name):\(line):\($0)" } ?? "\(name):\(line)"
    }

    /// Every `path.ext:line[:column]` in `text`, in order, for source extensions we teach.
    static func all(in text: Substring) -> [FileLocation] {
        text.matches(of: pattern).compactMap { match in
            guard let line = Int(match.output.2) else { return nil }
            return FileLocation(file: String(match.output.1), line: line, column: match.output.3.flatMap { Int($0) })
        }
    }

    private nonisolated(unsafe) static let pattern =
        #/([^\s:()'"]+\.(?:c|h|cc|cpp|cxx|hpp|hh|m|mm|swift|rs|go|zig)):(\d+)(?::(\d+))?/#

    /// Whether this location is in one of `learnerFiles` (names or path suffixes); with none
    /// given, whether it is outside the toolchain and system directories.
    func isLearnerCode(_ learnerFiles: [String]) -> Bool {
        if learnerFiles.isEmpty {
            let systemPrefixes = ["/usr/", "/opt/", "/home/build-user/", "/rustc/", "csu/", "../"]
            return !systemPrefixes.contains { file.hasPrefix($0) } && !file.contains("/compiler-rt/")
        }
        let normalized = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
        return learnerFiles.contains { learner in
            let wanted = learner.hasPrefix("./") ? String(learner.dropFirst(2)) : learner
            return normalized == wanted || normalized.hasSuffix("/" + wanted)
        }
    }
}
