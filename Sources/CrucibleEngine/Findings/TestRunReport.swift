import Foundation

/// The test runner whose output reported failing tests.
public enum TestRunner: String, Sendable, Equatable {
    /// Rust's built-in test harness: `rustc --test` binaries and `cargo test`.
    case rustTest = "Rust test"
    case goTest = "go test"
    case pytest
    case unittest = "Python unittest"
    case xcTest = "XCTest"
    case swiftTesting = "Swift Testing"
}

/// One failing test as its runner reported it.
public struct FailingTest: Sendable, Equatable {
    /// The test's name as the runner prints it: `tests::adds_two_numbers`, `TestSplit/two`.
    public var name: String
    /// The first meaningful line or lines of why it failed (an assertion, a panic message), short.
    public var message: String
    /// Where it failed, when the runner says.
    public var location: FileLocation?

    public init(name: String, message: String, location: FileLocation? = nil) {
        self.name = name
        self.message = message
        self.location = location
    }
}

/// Failing tests found in a test runner's output.
public struct TestRunReport: Sendable, Equatable {
    public var runner: TestRunner
    /// In the order the runner lists them; never empty.
    public var failures: [FailingTest]
}

/// Reads the output of the common test runners: Rust's libtest, `go test`, pytest, Python's
/// unittest, XCTest and Swift Testing.
public enum TestRunOutput {
    /// Longest message kept per test, in lines and characters per line.
    static let messageLines = 3
    static let lineLength = 200

    /// The failing tests in a run's output (stdout and stderr together), or nil when the output
    /// shows none. The runner is recognised from the output's own markers.
    public static func parse(_ output: String) -> TestRunReport? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\r", with: "") }
        let parsers: [(TestRunner, ([String]) -> [FailingTest])] = [
            (.rustTest, rustTest), (.goTest, goTest), (.pytest, pytest), (.unittest, unittest),
        ]
        for (runner, parse) in parsers {
            let failures = parse(lines)
            if !failures.isEmpty { return TestRunReport(runner: runner, failures: failures) }
        }
        // `swift test` runs XCTest's tests, then Swift Testing's: one run, both lists.
        let xcTests = xcTest(lines), swiftTests = swiftTesting(lines)
        guard !xcTests.isEmpty || !swiftTests.isEmpty else { return nil }
        return TestRunReport(runner: xcTests.isEmpty ? .swiftTesting : .xcTest, failures: xcTests + swiftTests)
    }

    /// `lines` trimmed, empty ones dropped, at most ``messageLines`` of at most ``lineLength``.
    static func short(_ lines: [String]) -> String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.prefix(messageLines)
            .map { $0.count > lineLength ? String($0.prefix(lineLength - 1)) + "…" : $0 }
            .joined(separator: "\n")
    }

    // MARK: - Rust

    /// libtest: `---- name stdout ----` blocks holding `thread 'name' panicked at src/lib.rs:10:9:`
    /// and the message, then a `failures:` list of names, then `test result: FAILED`.
    static func rustTest(_ lines: [String]) -> [FailingTest] {
        guard lines.contains(where: { $0.hasPrefix("test result: FAILED") }) else { return [] }
        var details: [String: FailingTest] = [:]
        var order: [String] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("---- "), let header = lines[index].firstMatch(of: #/^---- (.+) stdout ----$/#) else {
                index += 1
                continue
            }
            let name = String(header.output.1)
            var end = index + 1
            while end < lines.count, !lines[end].hasPrefix("---- "), lines[end] != "failures:" { end += 1 }
            let block = Array(lines[(index + 1)..<end])
            details[name] =
                RustPanic.first(in: block).map { FailingTest(name: name, message: $0.message, location: $0.location) }
                ?? FailingTest(name: name, message: short(block.filter { !$0.hasPrefix("note: run with") }))
            order.append(name)
            index = end
        }
        // The closing `failures:` list names every failing test, also those that printed nothing.
        var listed: [String] = []
        if let start = lines.lastIndex(of: "failures:") {
            for line in lines[(start + 1)...] {
                if line.isEmpty && listed.isEmpty { continue }
                guard line.hasPrefix("    "), !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
                listed.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        let names = listed.isEmpty ? order : listed
        return names.map { details[$0] ?? FailingTest(name: $0, message: "") }
    }

    // MARK: - Go

    /// `--- FAIL: TestName (0.00s)` with the test's `file_test.go:12: message` lines indented
    /// under it; a subtest's `--- FAIL` is indented under its parent's, and a parent that failed
    /// only because a subtest did is left out for the subtest.
    static func goTest(_ lines: [String]) -> [FailingTest] {
        struct Entry {
            var test: FailingTest
            var indent: Int
            var hasOwnMessage: Bool
            var hasFailingChild = false
        }
        var entries: [Entry] = []
        var current: Int?
        // Whether the lines that follow continue the open test's first message (indented further).
        var continuing = false
        for line in lines {
            if line.contains("--- FAIL: "), let match = line.firstMatch(of: #/^(\s*)--- FAIL: (\S+) \([\d.]+s\)\s*$/#) {
                let name = String(match.output.2)
                for ancestor in entries.indices where name.hasPrefix(entries[ancestor].test.name + "/") {
                    entries[ancestor].hasFailingChild = true
                }
                entries.append(Entry(test: FailingTest(name: name, message: ""), indent: match.output.1.count, hasOwnMessage: false))
                current = entries.count - 1
                continuing = false
                continue
            }
            guard let open = current else { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            guard indent > entries[open].indent, !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                current = nil
                continue
            }
            if entries[open].hasOwnMessage {
                if continuing, indent > entries[open].indent + 4 {
                    entries[open].test.message = short(entries[open].test.message.split(separator: "\n").map(String.init) + [line])
                } else {
                    continuing = false
                }
                continue
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if let match = text.firstMatch(of: #/^([\w.\-]+\.go):(\d+): (.*)$/#), let number = Int(match.output.2) {
                entries[open].test.location = FileLocation(file: String(match.output.1), line: number)
                entries[open].test.message = short([String(match.output.3)])
            } else {
                entries[open].test.message = short([text])
            }
            entries[open].hasOwnMessage = true
            continuing = true
        }
        return entries.filter { $0.hasOwnMessage || !$0.hasFailingChild }.map(\.test)
    }

    // MARK: - Python

    /// pytest's short summary `FAILED test_x.py::test_y - AssertionError: …`, with the `E   `
    /// lines and the `test_x.py:12: AssertionError` line of the test's section.
    static func pytest(_ lines: [String]) -> [FailingTest] {
        let summary = lines.filter { $0.hasPrefix("FAILED ") || $0.hasPrefix("ERROR ") }
            .compactMap { $0.firstMatch(of: #/^(?:FAILED|ERROR) (\S+?)::(\S+)(?: - (.*))?$/#) }
        guard !summary.isEmpty else { return [] }
        return summary.map { match in
            let name = String(match.output.2)
            // The section is headed `____ test_y ____` (the last part of the node id).
            let title = name.split(separator: "::").last.map(String.init) ?? name
            var message = match.output.3.map { [String($0)] } ?? []
            var location: FileLocation?
            if let start = lines.firstIndex(where: { $0.hasPrefix("_") && $0.contains(" \(title) ") && $0.hasSuffix("_") }) {
                let section = lines[(start + 1)...].prefix { !($0.hasPrefix("____") || $0.hasPrefix("====")) }
                let explained = section.filter { $0.hasPrefix("E ") }.map { String($0.dropFirst(2)) }
                if !explained.isEmpty { message = explained }
                if let place = section.last(where: { $0.firstMatch(of: #/^\S+\.py:\d+: /#) != nil }),
                    let parts = place.firstMatch(of: #/^(\S+\.py):(\d+): /#), let number = Int(parts.output.2)
                {
                    location = FileLocation(file: String(parts.output.1), line: number)
                }
            }
            return FailingTest(name: name, message: short(message), location: location)
        }
    }

    /// unittest: `FAIL: test_y (module.Class.test_y)` (or `ERROR:`), a traceback whose last
    /// `File "x.py", line 12` says where, and its closing `AssertionError: …` line.
    static func unittest(_ lines: [String]) -> [FailingTest] {
        var failures: [FailingTest] = []
        for (index, line) in lines.enumerated() {
            guard line.hasPrefix("FAIL: ") || line.hasPrefix("ERROR: "),
                let match = line.firstMatch(of: #/^(?:FAIL|ERROR): (\S+) \((.+)\)\s*$/#)
            else { continue }
            let block = lines[(index + 1)...].prefix { !$0.hasPrefix("======") && !$0.hasPrefix("Ran ") }
                .filter { !$0.hasPrefix("------") }
            var location: FileLocation?
            if let frame = block.last(where: { $0.contains("File \"") }),
                let parts = frame.firstMatch(of: #/File "(.+?)", line (\d+)/#), let number = Int(parts.output.2)
            {
                location = FileLocation(file: String(parts.output.1), line: number)
            }
            // The exception is the last unindented line of the traceback.
            let message = block.last { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("Traceback") }.map { [$0] } ?? []
            failures.append(FailingTest(name: String(match.output.1), message: short(message), location: location))
        }
        return failures
    }

    // MARK: - Swift

    /// Swift Testing: `✘ Test name() recorded an issue at File.swift:12:5: Expectation failed: …`.
    static func swiftTesting(_ lines: [String]) -> [FailingTest] {
        var failures: [FailingTest] = []
        for line in lines {
            guard line.contains(" recorded an issue"),
                let match = line.firstMatch(
                    of: #/^\S+ Test (.+?) recorded an issue(?: with \d+ arguments? .*?)? at (\S+?\.swift):(\d+):(\d+): (.*)$/#)
            else { continue }
            let name = String(match.output.1)
            guard !failures.contains(where: { $0.name == name }) else { continue }
            let location = Int(match.output.3).map { FileLocation(file: String(match.output.2), line: $0, column: Int(match.output.4)) }
            failures.append(FailingTest(name: name, message: short([String(match.output.5)]), location: location))
        }
        return failures
    }

    /// XCTest: `file.swift:12: error: -[Mod.Suite testX] : XCTAssertEqual failed: …` (Darwin)
    /// or `file.swift:12: error: Suite.testX : …` (Linux).
    static func xcTest(_ lines: [String]) -> [FailingTest] {
        var failures: [FailingTest] = []
        for line in lines {
            guard line.contains(": error: "),
                let match = line.firstMatch(of: #/^(\S+?\.swift):(\d+): error: (?:-\[(\S+) (\S+)\]|(\S+)) : (.*)$/#)
            else { continue }
            let name: String
            if let suite = match.output.3, let test = match.output.4 {
                name = (suite.split(separator: ".").last.map(String.init) ?? String(suite)) + "." + test
            } else {
                name = String(match.output.5 ?? "")
            }
            guard !failures.contains(where: { $0.name == name }) else { continue }
            let location = Int(match.output.2).map { FileLocation(file: String(match.output.1), line: $0) }
            failures.append(FailingTest(name: name, message: short([String(match.output.6)]), location: location))
        }
        return failures
    }
}
