import Foundation

/// What `crucible verify` found for one lesson.
public struct LessonVerification: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Everything the lesson promises holds.
        case ok
        /// Something is wrong with the lesson; see `problems`.
        case problem
        /// It could not be verified here: a tool is missing, or the lesson is for another platform.
        case skipped
    }

    public var lessonID: String
    public var kind: String
    public var status: Status
    /// One line per thing run, e.g. "starter: failed (compile error)".
    public var checks: [String] = []
    public var problems: [String] = []
    /// Why a skipped lesson was skipped, short enough to count in the summary: "`go` not
    /// installed", "`rustc` not working", "runs on macOS only".
    public var skipReason: String?
    /// Wall-clock seconds.
    public var duration: Double = 0

    public init(lessonID: String, kind: String, status: Status) {
        self.lessonID = lessonID
        self.kind = kind
        self.status = status
    }

    /// Marks it skipped because `result` stopped before running anything, saying why.
    mutating func skip(_ result: CheckResult) {
        status = .skipped
        checks.append(result.message)
        func names(_ tools: [String]) -> String { tools.map { "`\($0)`" }.joined(separator: ", ") }
        skipReason =
            switch result.outcome {
            case .toolMissing where !result.missingTools.isEmpty: names(result.missingTools.map(\.name)) + " not installed"
            case .toolBroken where !result.brokenTools.isEmpty && result.brokenTools.allSatisfy({ $0.tooOld != nil }):
                result.brokenTools.compactMap(\.tooOld).joined(separator: "; ")
            case .toolBroken where !result.brokenTools.isEmpty: names(result.brokenTools.map(\.name)) + " not working"
            default:
                // "this lesson runs on macOS only: NOTE" → "runs on macOS only"
                String(
                    (result.message.hasPrefix("this lesson ") ? result.message.dropFirst("this lesson ".count) : result.message[...])
                        .prefix { $0 != ":" })
            }
    }
}

/// Checks that lessons are consistent: for code lessons the starter fails (passes, when the lesson
/// says `starterPasses: true`), the solution
/// passes, every known-wrong variant fails and every known-right variant passes; quiz keys grade as right; a predict lesson
/// whose program can be run prints its answer (or, when the answer is a line number, the
/// compiler's first error is on that line).
public struct Verifier: Sendable {
    public var engine: CheckEngine

    /// A verifier whose engine does not use the cache: a lesson author wants real runs.
    public init(engine: CheckEngine = CheckEngine(cache: nil)) {
        self.engine = engine
    }

    /// Verifies `lessons` with at most `jobs` at a time; results are in the lessons' order.
    public func verify(_ lessons: [Lesson], jobs: Int) async -> [LessonVerification] {
        var results = [LessonVerification?](repeating: nil, count: lessons.count)
        await withTaskGroup(of: (Int, LessonVerification).self) { group in
            var next = 0
            func startNext() {
                guard next < lessons.count else { return }
                let index = next, lesson = lessons[index]
                group.addTask { (index, await verify(lesson)) }
                next += 1
            }
            for _ in 0..<max(1, jobs) { startNext() }
            for await (index, result) in group {
                results[index] = result
                startNext()
            }
        }
        return results.compactMap { $0 }
    }

    /// Verifies one lesson.
    public func verify(_ lesson: Lesson) async -> LessonVerification {
        let clock = ContinuousClock(), start = clock.now
        var verification = LessonVerification(lessonID: lesson.id, kind: lesson.kind.rawValue, status: .ok)
        if let refused = engine.otherPlatform(lesson) {
            verification.skip(refused)
            verification.duration = (clock.now - start).seconds
            return verification
        }
        switch lesson.kind {
        case .read:
            verification.checks.append("nothing to run")
        case .quiz:
            verifyQuiz(lesson, into: &verification)
        case .predict:
            await verifyPredict(lesson, into: &verification)
        case .code:
            await verifyCode(lesson, into: &verification)
        }
        if !verification.problems.isEmpty { verification.status = .problem }
        verification.duration = (clock.now - start).seconds
        return verification
    }

    private func verifyQuiz(_ lesson: Lesson, into verification: inout LessonVerification) {
        guard let quiz = lesson.quiz else { return }
        let key = quiz.questions.map { $0.answers.sorted().map { $0 + 1 } }
        let graded = engine.answer(quiz: lesson, choices: key)
        verification.checks.append("key: \(graded.outcomeLabel)")
        if !graded.passed { verification.problems.append("the answer key does not pass: \(graded.message)") }
        for (number, question) in quiz.questions.enumerated() {
            if question.answers.count == question.choices.count {
                verification.problems.append("question \(number + 1): every choice is correct, so nothing can be wrong")
            }
        }
    }

    private func verifyPredict(_ lesson: Lesson, into verification: inout LessonVerification) async {
        guard let predict = lesson.predict else { return }
        if AnswerGrading.normalise(predict.answer, caseSensitive: true).isEmpty {
            verification.problems.append("the answer is empty")
        }
        guard let run = await engine.runPredictProgram(lesson) else {
            verification.checks.append("no run steps: answer not compared with real output")
            return
        }
        verification.checks.append("run: \(run.outcomeLabel)")
        if run.stoppedBeforeRunning {
            verification.skip(run)
        } else if !run.passed {
            verification.problems.append("the program does not run: \(run.message)")
        } else {
            let printed = run.steps.last?.stdout ?? ""
            let graded = AnswerGrading.predict(lesson, answer: printed)
            // "Which line fails to compile": the answer is a line number, the compiler names it.
            let output = run.steps.map { $0.stdout + "\n" + $0.stderr }.joined(separator: "\n")
            let failingLine = CompilerDiagnostics.firstError(output: output)?.line
            if !graded.passed && failingLine.map(String.init) != predict.answer.trimmingCharacters(in: .whitespaces) {
                verification.problems.append(
                    "the program prints \"\(AnswerGrading.normalise(printed, caseSensitive: true))\" "
                        + "but the answer is \"\(predict.answer)\"")
            }
        }
    }

    private func verifyCode(_ lesson: Lesson, into verification: inout LessonVerification) async {
        guard let code = lesson.code else { return }
        let starter = await engine.check(lesson: lesson, folder: lesson.folder.appendingPathComponent("starter"))
        verification.checks.append("starter: \(starter.outcomeLabel)")
        if starter.stoppedBeforeRunning {
            verification.skip(starter)
            return
        }
        if code.starterPasses {
            // An exercise that is already correct (run it and read what it prints) says so.
            verification.checks[verification.checks.count - 1] += " (passes by design: `starterPasses: true`)"
            if !starter.passed {
                verification.problems.append(
                    "the starter does not pass, but `starterPasses: true` says it passes by design: \(starter.message)")
            }
        } else if starter.passed {
            verification.problems.append(
                "the starter passes the check; it should fail until the learner fixes it "
                    + "(if it passes by design, add `starterPasses: true` under `code`)")
        } else if starter.outcome == .engineError {
            verification.problems.append("starter: \(starter.message)")
        }

        let solutionFolder = lesson.folder.appendingPathComponent("solution")
        let solution = await engine.check(lesson: lesson, folder: solutionFolder)
        verification.checks.append("solution: \(solution.outcomeLabel)")
        // The solution runs every step, so its skipped optional steps are what this machine left unchecked.
        verification.checks += solution.notes
        if !solution.passed { verification.problems.append("the solution does not pass: \(solution.message)") }

        /// The solution with the variant's files under `folder/NAME/` on top.
        func files(of variant: CodeExercise.Variant, in folder: String) -> [String: Data] {
            var files: [String: Data] = [:]
            for name in code.solution { files[name] = try? Data(contentsOf: solutionFolder.appendingPathComponent(name)) }
            for name in variant.files {
                files[name] = try? Data(contentsOf: lesson.folder.appendingPathComponent("\(folder)/\(variant.name)/\(name)"))
            }
            return files
        }
        for variant in code.wrong {
            let wrong = await engine.check(lesson: lesson, files: files(of: variant, in: "wrong"))
            verification.checks.append("wrong/\(variant.name): \(wrong.outcomeLabel)")
            if wrong.passed {
                verification.problems.append("the known-wrong variant `\(variant.name)` passes the check")
            } else if wrong.outcome == .engineError {
                verification.problems.append("wrong/\(variant.name): \(wrong.message)")
            }
        }
        for variant in code.right {
            let right = await engine.check(lesson: lesson, files: files(of: variant, in: "right"))
            verification.checks.append("right/\(variant.name): \(right.outcomeLabel)")
            if !right.passed {
                verification.problems.append("the known-right variant `\(variant.name)` does not pass: \(right.message)")
            }
        }
    }
}
