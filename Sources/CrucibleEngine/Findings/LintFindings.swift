import Foundation

/// One finding of a linter, or of a compiler warning made an error (`-Werror`, `-D warnings`).
public struct LintFinding: Sendable, Equatable {
    /// Who found it: "clippy", "rustc", "go vet", "clang" or "gcc".
    public var tool: String
    /// The lint's name when the tool gives one: `clippy::needless_range_loop`, `-Wunused-variable`.
    public var lint: String?
    public var message: String
    public var location: FileLocation?

    public init(tool: String, lint: String?, message: String, location: FileLocation?) {
        self.tool = tool
        self.lint = lint
        self.message = message
        self.location = location
    }
}

/// Reads linter findings that fail a build: clippy's and rustc's lints denied as errors, `go vet`,
/// and clang's or gcc's `-Werror` warnings.
public enum LintFindings {
    /// The findings that made the build fail, in order, when the first error in `output` is one;
    /// empty when the first error is a plain compile error (or there is none).
    public static func failing(output: String, goVet: Bool = false) -> [LintFinding] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if goVet { return vet(lines) }
        var findings: [LintFinding] = []
        for (index, line) in lines.enumerated() {
            guard line.contains("error") else { continue }
            if let rust = rustDiagnostic(lines, at: index) {
                guard let finding = rust else { break }  // a plain rustc error comes first
                findings.append(finding)
            } else if let c = werror(line) {
                guard let finding = c else { break }
                findings.append(finding)
            }
        }
        return findings
    }

    /// A rustc-style `error: message` (clippy prints the same form) with its ` --> file:line:col`
    /// and the note naming the lint (`` `-D clippy::needless-range-loop` implied by `-D warnings` ``,
    /// `` #[deny(clippy::x)] ``): `.some(finding)` for a lint, `.some(nil)` for another error,
    /// nil when the line starts no error.
    private static func rustDiagnostic(_ lines: [String], at index: Int) -> LintFinding?? {
        guard let match = lines[index].firstMatch(of: #/^error(?:\[E\d+\])?: (.+)$/#) else { return nil }
        let message = String(match.output.1)
        if message.hasPrefix("aborting due to") || message.hasPrefix("could not compile") { return nil }
        var location: FileLocation?
        var lint: String?
        for next in lines[(index + 1)...].prefix(40) {
            if next.isEmpty { break }
            if location == nil, let arrow = next.firstMatch(of: #/^\s*--> (.+?):(\d+):(\d+)\s*$/#), let number = Int(arrow.output.2) {
                location = FileLocation(file: String(arrow.output.1), line: number, column: Int(arrow.output.3))
            }
            if let named = next.firstMatch(of: #/= note: `(?:-D |#\[deny\()([\w:-]+)/#) {
                lint = named.output.1.replacingOccurrences(of: "-", with: "_")
            }
        }
        guard let lint else { return .some(nil) }
        return .some(LintFinding(tool: lint.hasPrefix("clippy::") ? "clippy" : "rustc", lint: lint, message: message, location: location))
    }

    /// clang's `main.c:4:9: error: unused variable 'x' [-Werror,-Wunused-variable]` or gcc's
    /// `… [-Werror=unused-variable]`: `.some(finding)`, `.some(nil)` for another located error,
    /// nil for a line that is no located error.
    private static func werror(_ line: String) -> LintFinding?? {
        guard let match = line.firstMatch(of: #/^(.+?):(\d+):(?:(\d+):)? (?:fatal )?error: (.+)$/#) else { return nil }
        let location = Int(match.output.2).map {
            FileLocation(file: String(match.output.1), line: $0, column: match.output.3.flatMap { Int($0) })
        }
        let text = String(match.output.4)
        if let clang = text.firstMatch(of: #/^(.*) \[-Werror,(-W[\w+-]+)\]$/#) {
            return .some(LintFinding(tool: "clang", lint: String(clang.output.2), message: String(clang.output.1), location: location))
        }
        if let gcc = text.firstMatch(of: #/^(.*) \[-Werror=([\w+-]+)\]$/#) {
            return .some(LintFinding(tool: "gcc", lint: "-W" + gcc.output.2, message: String(gcc.output.1), location: location))
        }
        return .some(nil)
    }

    /// `go vet`: `./main.go:10:2: message` lines (after a `# package` line).
    private static func vet(_ lines: [String]) -> [LintFinding] {
        lines.compactMap { line in
            guard let match = line.firstMatch(of: #/^(?:vet: )?(\S+\.go):(\d+):(?:(\d+):)? (.+)$/#), let number = Int(match.output.2)
            else { return nil }
            let location = FileLocation(file: String(match.output.1), line: number, column: match.output.3.flatMap { Int($0) })
            return LintFinding(tool: "go vet", lint: nil, message: String(match.output.4), location: location)
        }
    }
}
