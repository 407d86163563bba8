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
        let lesson = try requireLesson(id, in: loaded)
        let workspace = course.workspace(for: loaded)
        let engine = noCache ? CheckEngine(cache: nil) : CheckEngine()
        var notes: [String] = []
        let result: CheckResult
        switch lesson.kind {
        case .read:
            guard answers.isEmpty else {
                throw CommandFailure(message: "`\(id)` is a read lesson: it takes no answers; `crucible check \(id)` marks it done")
            }
            result = AnswerGrading.read(lesson)
        case .quiz:
            result = engine.answer(quiz: lesson, choices: try quizChoices(lesson))
        case .predict:
            guard !answers.isEmpty else {
                throw CommandFailure(message: "give your prediction: crucible check \(id) \"WHAT IT PRINTS\"")
            }
            let answer = answers.joined(separator: " ")
            result = waitFor { await engine.answer(predict: lesson, answer: answer) }
        case .code:
            guard answers.isEmpty else {
                throw CommandFailure(message: "`\(id)` is a code lesson: edit the files in your workspace, then run `crucible check \(id)`")
            }
            do {
                let preparation = try workspace.prepare(lesson)
                if !preparation.copied.isEmpty {
                    notes.append("copied the starter to \(preparation.folder.path)")
                }
                if !preparation.starterChanged.isEmpty {
                    notes.append("the course has a newer starter for \(preparation.starterChanged.joined(separator: ", ")); "
                                 + "your copy is kept (`crucible reset \(id)` would replace it)")
                }
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            result = waitFor { await engine.check(lesson: lesson, workspace: workspace) }
        }
        let (events, unrecorded) = recordAttempt(result, lesson: lesson, course: loaded)

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(json: try encoder.encode(result))
        } else {
            let folder = lesson.kind == .code ? workspace.folder(for: lesson.id) : nil
            Output.print(CheckResultText.render(result, workspace: folder, notes: notes, verbose: verbose))
            for line in GameEventText.lines(events) { Output.print("  " + line) }
        }
        if let unrecorded {
            // After the result, so the learner sees both; non-zero, so a script does not take it as counted.
            Output.error("crucible: the check ran, but this attempt was not recorded in your progress: \(unrecorded)")
            throw ExitCode(ExitStatus.usage)
        }
        switch result.outcome {
        case .passed: return
        case .engineError: throw ExitCode(ExitStatus.usage)
        default: throw ExitCode(ExitStatus.problems)
        }
    }

    /// One set of 1-based choices per question, from arguments such as `3` and `1,2,4`.
    private func quizChoices(_ lesson: Lesson) throws -> [[Int]] {
        let count = lesson.quiz?.questions.count ?? 0
        guard answers.count == count else {
            throw CommandFailure(message: "`\(id)` has \(count) question\(count == 1 ? "" : "s"); give one answer each, "
                                 + "such as `crucible check \(id) \(Array(repeating: "1", count: count).joined(separator: " "))` (several choices: 1,3)")
        }
        return try answers.map { answer in
            try answer.split(separator: ",").map { part in
                guard let number = Int(part.trimmingCharacters(in: .whitespaces)), number >= 1 else {
                    throw CommandFailure(message: "`\(answer)` is not a choice number; use numbers such as 2 or 1,3")
                }
                return number
            }
        }
    }

    /// Counts the check in the learner's progress (attempts, passes, XP, achievements) and
    /// returns what to celebrate. A check that did not judge the work (engine error, missing or
    /// broken tool) is no attempt. When a judged attempt cannot be recorded (the progress file cannot
    /// be opened or written), the result still stands and `unrecorded` says why.
    private func recordAttempt(_ result: CheckResult, lesson: Lesson,
                               course: CourseLoadResult) -> (events: [GameEvent], unrecorded: String?) {
        guard course.course != nil, result.judgedTheWork else { return ([], nil) }
        do {
            let session = try ProgressSession(options: self.course, loaded: course)
            return (try session.record(.checked(lesson: lesson.id, passed: result.passed, contentHash: LessonContentHash.of(lesson),
                                                summary: CheckSummary(result, origin: .commandLine))), nil)
        } catch {
            return ([], "\(error)")
        }
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
