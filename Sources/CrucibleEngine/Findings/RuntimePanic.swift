import Foundation

/// A program stopped by its language's runtime: a Go `panic:` (or a Go runtime `fatal error:`),
/// a Rust thread that panicked, a Swift `Fatal error:`.
public struct RuntimePanic: Sendable, Equatable {
    public enum Language: String, Sendable, Equatable {
        case go = "Go"
        case rust = "Rust"
        case swift = "Swift"
    }

    public var language: Language
    /// The runtime's own word for it: `panic` (Go, Rust), `fatal error` (a Go runtime fatal
    /// error such as `concurrent map writes`, a Swift fatal error).
    public var word: String
    /// What the runtime said, e.g. "runtime error: index out of range [5] with length 3".
    public var message: String
    /// The learner's code where it happened: the panic's own place when it is the learner's,
    /// else the first learner frame of the trace; nil when neither says.
    public var location: FileLocation?
    /// The Rust thread that panicked (`main`, or a test's name), when the runtime names it.
    public var thread: String?

    public init(language: Language, word: String = "panic", message: String, location: FileLocation?, thread: String? = nil) {
        self.language = language
        self.word = word
        self.message = message
        self.location = location
        self.thread = thread
    }

    /// The first panic in `output` (stdout and stderr together). `learnerFiles` are the learner's
    /// file names or path suffixes, used to pick the frame to point at.
    public static func first(in output: String, learnerFiles: [String]) -> RuntimePanic? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if let panic = goPanic(lines, at: index, learnerFiles: learnerFiles) ?? swiftFatalError(line, lines, at: index, learnerFiles) {
                return panic
            }
            if line.contains("panicked at"), let panic = RustPanic.first(in: Array(lines[index...])) {
                return RuntimePanic(language: .rust, message: panic.message, location: panic.location, thread: panic.thread)
            }
        }
        return nil
    }

    /// `panic: message` (or the runtime's `fatal error: message`), then `goroutine 1 [running]:`
    /// and its frames, each followed by a tab-indented `/path/main.go:8 +0x1d`.
    private static func goPanic(_ lines: [String], at index: Int, learnerFiles: [String]) -> RuntimePanic? {
        let line = lines[index]
        // Cheap filter first: Regex is slow and the output may be a megabyte.
        guard line.hasPrefix("panic: ") || line.hasPrefix("fatal error: "),
            let match = line.firstMatch(of: #/^(panic|fatal error): (.+?)(?: \[recovered\])?$/#)
        else { return nil }
        let trace = lines[(index + 1)...].prefix(200)
        guard trace.contains(where: { $0.hasPrefix("goroutine ") }) else { return nil }
        let location = trace.lazy.flatMap { FileLocation.all(in: $0[...]) }.first { $0.isLearnerCode(learnerFiles) }
        return RuntimePanic(language: .go, word: String(match.output.1), message: String(match.output.2), location: location)
    }

    /// `main.swift:3: Fatal error: message` (also `Precondition failed`, `Assertion failed`); a
    /// failure inside the standard library (`Swift/Array.swift:418`) points at the learner's
    /// first frame of the backtrace instead, when it has file names.
    private static func swiftFatalError(_ line: String, _ lines: [String], at index: Int, _ learnerFiles: [String]) -> RuntimePanic? {
        guard line.contains("Fatal error") || line.contains("Precondition failed") || line.contains("Assertion failed"),
            let match = line.firstMatch(
                of: #/^(?:(\S+?\.swift):(\d+): )?(?:Fatal error|Precondition failed|Assertion failed)(?:: (.*))?$/#)
        else { return nil }
        var location = match.output.1.flatMap { file in
            match.output.2.flatMap { Int($0) }.map { FileLocation(file: String(file), line: $0) }
        }
        // Swift names the file by its `#fileID`, `Module/main.swift`: the learner's own file's name reads better.
        if let place = location, let file = learnerFiles.first(where: { place.file.hasSuffix("/" + $0) }) {
            location?.file = file
        } else if let place = location, !place.isLearnerCode(learnerFiles) {
            location = lines[(index + 1)...].prefix(200).lazy.flatMap { FileLocation.all(in: $0[...]) }.first {
                $0.isLearnerCode(learnerFiles)
            }
        }
        let message = match.output.3.map(String.init) ?? line
        return RuntimePanic(language: .swift, word: "fatal error", message: message.isEmpty ? "fatal error" : message, location: location)
    }
}

/// Rust's panic message: `thread 'main' (1234) panicked at src/main.rs:3:5:` then the message
/// on the lines that follow (Rust 1.73 and later), or `thread 'main' panicked at 'message',
/// src/main.rs:3:5` on one line (before). Also inside libtest's per-test blocks.
enum RustPanic {
    struct Found {
        var thread: String
        var message: String
        var location: FileLocation?
    }

    static func first(in lines: [String]) -> Found? {
        for (index, line) in lines.enumerated() {
            if let match = line.firstMatch(of: #/^thread '(.+?)'(?: \(\d+\))? panicked at (\S+?):(\d+):(\d+):$/#) {
                // The message runs until the runtime's note, a backtrace, or a blank line.
                let body = lines[(index + 1)...].prefix {
                    !$0.isEmpty && !$0.hasPrefix("note: ") && !$0.hasPrefix("stack backtrace:") && !$0.hasPrefix("thread '")
                }
                let location = Int(match.output.3).map { FileLocation(file: String(match.output.2), line: $0, column: Int(match.output.4)) }
                return Found(thread: String(match.output.1), message: TestRunOutput.short(Array(body)), location: location)
            }
            if let match = line.firstMatch(of: #/^thread '(.+?)' panicked at '(.*)', (\S+?):(\d+):(\d+)$/#) {
                let location = Int(match.output.4).map { FileLocation(file: String(match.output.3), line: $0, column: Int(match.output.5)) }
                return Found(thread: String(match.output.1), message: TestRunOutput.short([String(match.output.2)]), location: location)
            }
        }
        return nil
    }
}
