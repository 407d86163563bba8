import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI
import Foundation

/// `crucible check ID [ANSWER ...]`: checks a lesson and prints the result.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a lesson: your code in the workspace, a quiz or predict answer, or mark a read lesson done.",
        discussion: """
            Code lessons: checks your files in the workspace (copied from the starter the first \
            time). The reason comes first, then the compiler's first error, the sanitizer's \
            finding or the output that differed. Unchanged work is answered from the cache.

            Quiz lessons: one answer per question, in order; several choices as 1,2,4.
            Predict lessons: what the program prints, in one argument (quote it).
            Read lessons: marks the lesson done once you have read it.

            Examples:
              crucible check orientation.how-crucible-works
              crucible check orientation.first-fix
              crucible check orientation.first-fix --json
              crucible check orientation.warm-up-quiz 3 1,2,4
              crucible check memory.value-and-reference "0 1"

            Exit status: 0 passed, 1 not passed, 2 usage or engine error, or the attempt could not be \
            recorded in your progress (the reason is printed).
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lesson's id, as `crucible list` prints it.")
    var id: String

    @Argument(help: "Quiz: one answer per question (e.g. 3 1,2,4). Predict: what the program prints.")
    var answers: [String] = []

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(name: [.long, .customLong("full")], help: "Print every step's full output and the whole sanitizer report.")
    var verbose = false

    @Flag(help: "Run the check even if an unchanged result is cached.")
    var noCache = false

    func run() throws {
        let loaded = try course.load()
        let check = try LessonCheckRun(try requireLesson(id, in: loaded), answers: answers,
                                       engine: noCache ? CheckEngine(cache: nil) : CheckEngine(), workspace: course.workspace(for: loaded))
        let (events, unrecorded) = check.recordAttempt {
            guard loaded.course != nil else { return nil }
            let session = try ProgressSession(options: course, loaded: loaded)
            return { try session.record($0) }
        }
        if json {
            try Output.print(encoding: check.result)
        } else {
            Output.print(CheckResultText.render(check.result, workspace: check.folder, notes: check.notes, verbose: verbose))
            for line in GameEventText.lines(events) { Output.print("  " + line) }
        }
        // After the result, so the learner sees both; non-zero, so a script does not take it as counted.
        if let unrecorded {
            throw CommandFailure(message: "the check ran, but this attempt was not recorded in your progress: \(unrecorded)")
        }
        if check.exitStatus != ExitStatus.success { throw ExitCode(check.exitStatus) }
    }
}

/// A check result as text for a terminal: the outcome and its reason first, then the detail
/// that explains it, then where the files are and what to do next.
enum CheckResultText {
    static func render(_ result: CheckResult, workspace: URL?, notes: [String] = [], verbose: Bool) -> [StyledLine] {
        func paint(_ text: String, _ style: Style) -> StyledLine { StyledLine(text, style: style) }
        var lines: [StyledLine] = notes.map { paint("note: " + $0, Paint.quiet) }
        let mark = result.passed ? paint("✓ passed", Paint.goodMark) : paint("✗ " + result.outcomeLabel, Paint.badMark)
        var headline = mark + "  \(result.lessonID)"
        if result.duration > 0 { headline = headline + String(format: "  (%.1f s)", result.duration) }
        if result.fromCache { headline = headline + paint("  [cached: these same files were checked before]", Paint.quiet) }
        lines.append(headline)
        // The reason: the compiler's first error or the sanitizer's finding when there is one.
        if let error = result.compilerError, !result.passed {
            lines.append("  " + paint(error.text, Paint.strong))
        } else if let finding = result.finding {
            lines.append("  " + paint(finding.summary, Paint.strong))
        } else if !result.passed {
            lines.append(StyledLine("  " + result.message))
        }
        if let finding = result.finding {
            if verbose { lines += finding.report.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine("    " + $0) } }
        }
        if let mismatch = result.outputMismatch { lines += mismatchLines(mismatch, paint: paint) }
        if let ratio = result.ratio {
            lines.append(StyledLine(String(format: "  %@: median %.4f s; %@: median %.4f s; %.2f× as fast (needs %.2f×)",
                                ratio.metric, ratio.metricMedian, ratio.baseline, ratio.baselineMedian, ratio.speedup, ratio.required)))
        }
        for tool in result.missingTools {
            lines.append(StyledLine("  \(tool.name): Debian/Ubuntu: \(tool.debian)"))
            lines.append(StyledLine("  \(String(repeating: " ", count: tool.name.count))  macOS: \(tool.macOS)"))
        }
        for tool in result.brokenTools {
            lines += tool.fixes.enumerated().map { index, fix in
                StyledLine("  " + (index == 0 ? "\(tool.name): fix: " : String(repeating: " ", count: tool.name.count + 7)) + fix)
            }
        }
        if result.stoppedByTools {
            lines.append(StyledLine("  " + (result.outcome == .toolMissing ? "install it" : "fix it")
                         + ", or skip the lesson: the order is only a suggestion. This was not counted as an attempt."))
        }
        for answer in result.answers {
            lines.append("  question \(answer.question): " + (answer.correct ? paint("right", Paint.good) : paint("not right", Paint.bad)))
            lines += answer.explanations.map { StyledLine("    " + $0) }
        }
        if let predict = result.predict, let output = predict.realOutput {
            lines.append(StyledLine("  the program printed:"))
            lines += output.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine("    " + $0) }
        }
        if !result.steps.isEmpty {
            let steps = result.steps.map { step in
                (step.passed ? "✓ " : "✗ ") + step.name + String(format: " %.2f s", step.duration)
            }
            lines.append(paint("  steps: " + steps.joined(separator: ", "), Paint.quiet))
        }
        if verbose {
            for step in result.steps {
                lines.append(StyledLine("  --- \(step.name): \(step.command.joined(separator: " ")) (\(step.termination))"))
                for (label, text) in [("stdout", step.stdout), ("stderr", step.stderr)] where !text.isEmpty {
                    lines.append(StyledLine("  \(label):"))
                    lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine("    " + $0) }
                }
            }
        }
        if let workspace { lines.append(paint("  workspace: \(workspace.path)", Paint.quiet)) }
        if !result.passed && result.judgedTheWork {
            if !verbose && !result.steps.isEmpty {
                lines.append(paint("  full output: crucible check \(result.lessonID) --verbose", Paint.quiet))
            }
            lines.append(paint("  stuck? crucible hint \(result.lessonID)", Paint.quiet))
        }
        return lines
    }

    /// Expected against actual output: a line diff for `equals`, the output otherwise.
    private static func mismatchLines(_ mismatch: OutputMismatch, paint: (String, Style) -> StyledLine) -> [StyledLine] {
        func lines(_ text: String) -> [String] {
            text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let actual = lines(mismatch.actual)
        guard mismatch.check.hasPrefix("differs"), let expected = mismatch.expected.map(lines) else {
            return [StyledLine("  \(mismatch.stream) was:")] + actual.prefix(20).map { StyledLine("    " + $0) }
        }
        var lines = ["  " + paint("- expected", Paint.good) + "  " + paint("+ actual", Paint.bad)]
        for index in 0..<max(expected.count, actual.count) where lines.count < 22 {
            let want = index < expected.count ? expected[index] : nil, got = index < actual.count ? actual[index] : nil
            if want == got { lines.append(StyledLine("    " + (want ?? ""))); continue }
            if let want { lines.append(paint("  - " + want, Paint.good)) }
            if let got { lines.append(paint("  + " + got, Paint.bad)) }
        }
        return lines
    }
}
