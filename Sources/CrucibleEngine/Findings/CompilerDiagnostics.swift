import Foundation

/// The first error a compiler reported.
public struct CompilerError: Sendable, Equatable {
    /// Where it is; nil for errors without a place, such as a linker's "undefined symbol".
    public var location: FileLocation?
    /// The message without the "error:" prefix, e.g. "cannot find 'x' in scope".
    public var message: String
    /// rustc's error code, e.g. "E0382".
    public var code: String?

    public var file: String? { location?.file }
    public var line: Int? { location?.line }
    public var column: Int? { location?.column }

    public init(location: FileLocation?, message: String, code: String? = nil) {
        self.location = location
        self.message = message
        self.code = code
    }
}

/// Reads compiler output: swiftc, clang, gcc, rustc and go.
public enum CompilerDiagnostics {
    /// The first error in `output`, or nil if there is none. Warnings and notes are skipped.
    public static func firstError(output: String) -> CompilerError? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        // swiftc prints its driver's "error: emit-module command failed" before the real,
        // located errors, so an unlocated error is only the answer when nothing better follows.
        var unlocated: CompilerError?
        for (index, line) in lines.enumerated() {
            // Cheap filter first: Regex is slow and the output may be a megabyte.
            guard line.contains("error") || line.contains(".go:") else { continue }
            if let error = locatedError(line) ?? goError(line) { return error }
            let rust = rustError(line, following: lines[(index + 1)...])
            if let rust, rust.location != nil { return rust }
            if unlocated == nil { unlocated = rust ?? unlocatedError(line) }
        }
        return unlocated
    }

    /// clang, gcc, swiftc: "main.c:3:14: error: expected ';'" (column optional, "fatal error" too).
    private static func locatedError(_ line: Substring) -> CompilerError? {
        guard let match = line.firstMatch(of: #/^(.+?):(\d+):(?:(\d+):)? (?:fatal )?error: (.+)$/#),
            let number = Int(match.output.2)
        else { return nil }
        let location = FileLocation(file: String(match.output.1), line: number, column: match.output.3.flatMap { Int($0) })
        return CompilerError(location: location, message: String(match.output.4))
    }

    /// go build and go vet: "./main.go:4:2: x declared but not used", no "error:" word.
    private static func goError(_ line: Substring) -> CompilerError? {
        guard let match = line.firstMatch(of: #/^(?:vet: )?(\S+\.go):(\d+):(?:(\d+):)? (.+)$/#),
            let number = Int(match.output.2)
        else { return nil }
        let location = FileLocation(file: String(match.output.1), line: number, column: match.output.3.flatMap { Int($0) })
        return CompilerError(location: location, message: String(match.output.4))
    }

    /// rustc: "error[E0382]: borrow of moved value: `s`" then " --> src/main.rs:4:20" a few lines on.
    private static func rustError(_ line: Substring, following: ArraySlice<Substring>) -> CompilerError? {
        guard let match = line.firstMatch(of: #/^error(?:\[(E\d+)\])?: (.+)$/#) else { return nil }
        let message = String(match.output.2)
        guard !isRustEpilogue(message) else { return nil }
        var location: FileLocation?
        for next in following.prefix(4) {
            if let arrow = next.firstMatch(of: #/^\s*--> (.+?):(\d+):(\d+)\s*$/#), let number = Int(arrow.output.2) {
                location = FileLocation(file: String(arrow.output.1), line: number, column: Int(arrow.output.3))
                break
            }
            if next.trimmingCharacters(in: .whitespaces).isEmpty { break }
        }
        return CompilerError(location: location, message: message, code: match.output.1.map(String.init))
    }

    /// rustc and cargo's closing lines, which repeat that something failed without saying what.
    private static func isRustEpilogue(_ message: String) -> Bool {
        message.hasPrefix("aborting due to") || message.hasPrefix("could not compile")
    }

    /// Linker and driver errors: "ld.lld: error: undefined symbol: foo", "clang: error: linker command failed".
    private static func unlocatedError(_ line: Substring) -> CompilerError? {
        guard let match = line.firstMatch(of: #/^(?:[\w.+-]+: )?(?:fatal )?error: (.+)$/#),
            !isRustEpilogue(String(match.output.1))
        else { return nil }
        return CompilerError(location: nil, message: String(match.output.1))
    }
}
