import Foundation

/// How a check's output names files in its scratch folder, which is removed when the check ends:
/// a learner's file by its path in the workspace (by its name when the check has no workspace,
/// such as a verify variant), and every other file (a hidden harness, a built program) by its
/// path relative to the scratch folder. The one place such paths are rewritten, applied to the
/// whole result, so the result panel, the command line, `--verbose`, `--json` and the check
/// cache all name the same files.
struct ScratchPaths {
    let scratch: URL
    /// The folder the learner's files were read from, or nil.
    let workspace: URL?
    let learnerFiles: [String]

    /// `result` with every path into the scratch folder rewritten; checks ran on the raw output.
    func shown(_ result: CheckResult) -> CheckResult {
        var result = result
        result.message = shown(result.message)
        result.steps = result.steps.map { step in
            var step = step
            step.command = step.command.map(shownArgument)
            step.stdout = shown(step.stdout)
            step.stderr = shown(step.stderr)
            return step
        }
        if var error = result.compilerError {
            error.message = shown(error.message)
            result.compilerError = error
        }
        if var finding = result.finding {
            finding.summary = shown(finding.summary)
            finding.report = shown(finding.report)
            result.finding = finding
        }
        if var tests = result.failingTests {
            tests.tests = tests.tests.map { test in
                var test = test
                test.message = shown(test.message)
                return test
            }
            result.failingTests = tests
        }
        if var panic = result.panic {
            panic.message = shown(panic.message)
            result.panic = panic
        }
        if var lint = result.lint {
            lint.message = shown(lint.message)
            result.lint = lint
        }
        if var mismatch = result.outputMismatch {
            mismatch.actual = shown(mismatch.actual)
            result.outputMismatch = mismatch
        }
        return result
    }

    /// The scratch folder's path as made and, under a symlinked TMPDIR, as resolved: the steps
    /// were given the first, but a tool that resolves its working directory prints the second.
    private var prefixes: [String] {
        var prefixes = [scratch.path]
        if let real = WorkspaceIO.realPath(scratch.path), real != scratch.path { prefixes.append(real) }
        return prefixes
    }

    /// A command's argument: a whole argument naming a file in the scratch folder keeps a `./`
    /// (`./app`), so the command reads as it ran there.
    private func shownArgument(_ argument: String) -> String {
        let shown = shown(argument)
        let intoScratch = prefixes.contains { argument.hasPrefix($0 + "/") }
        return intoScratch && !shown.hasPrefix("/") ? "./" + shown : shown
    }

    /// `text` with every path into the scratch folder rewritten.
    func shown(_ text: String) -> String {
        var text = text
        for prefix in prefixes where text.contains(prefix) {
            text = rewrite(text, prefix: prefix)
        }
        return text
    }

    private func rewrite(_ text: String, prefix: String) -> String {
        var out = ""
        var rest = text[...]
        while let found = rest.range(of: prefix) {
            let after = rest[found.upperBound...]
            // Another folder whose name merely starts like this one's.
            if let next = after.first, next != "/", !Self.ends(next) {
                out += rest[..<found.upperBound]
                rest = after
                continue
            }
            out += rest[..<found.lowerBound]
            guard after.first == "/" else {
                out += "."  // the scratch folder itself: every step's working directory
                rest = after
                continue
            }
            let pathStart = after.index(after: after.startIndex)
            let pathEnd = after[pathStart...].firstIndex(where: Self.ends) ?? after.endIndex
            let path = String(after[pathStart..<pathEnd])
            out += name(of: path)
            rest = after[pathEnd...]
        }
        return out + rest
    }

    /// How the file at `path` (relative to the scratch folder) is shown.
    private func name(of path: String) -> String {
        guard !path.isEmpty else { return "." }
        guard let workspace, learnerFiles.contains(path) else { return path }
        return workspace.appendingPathComponent(path).path
    }

    /// Whether `character` ends a path in a tool's output (`main.go:32`, `(users.c:38:12)`).
    private static func ends(_ character: Character) -> Bool {
        character.isWhitespace || ":\"'()[]<>,;`".contains(character)
    }
}
