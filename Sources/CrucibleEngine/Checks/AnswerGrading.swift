import Foundation

/// Grades quiz and predict answers against the lesson's key, and finishes read lessons.
public enum AnswerGrading {
    /// A read lesson passes when the learner says they are done with it: there is nothing else to check.
    public static func read(_ lesson: Lesson) -> CheckResult {
        guard lesson.kind == .read else {
            return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "`\(lesson.id)` is not a read lesson")
        }
        return CheckResult(lessonID: lesson.id, outcome: .passed, message: "read to the end")
    }

    /// Grades `choices`, one list of 1-based choice numbers per question, in question order.
    public static func quiz(_ lesson: Lesson, choices: [[Int]]) -> CheckResult {
        guard let quiz = lesson.quiz else {
            return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "`\(lesson.id)` is not a quiz")
        }
        guard choices.count == quiz.questions.count else {
            return CheckResult(
                lessonID: lesson.id, outcome: .engineError,
                message: "the quiz has \(quiz.questions.count) question(s); \(choices.count) answer(s) given")
        }
        var feedback: [QuizAnswerFeedback] = []
        for (index, (question, chosen)) in zip(quiz.questions, choices).enumerated() {
            let picked = Set(chosen.map { $0 - 1 })
            var explanations: [String] = []
            for choice in picked.sorted() where !question.answers.contains(choice) {
                let text = question.choices.indices.contains(choice) ? question.choices[choice].text : "choice \(choice + 1)"
                let why = question.choices.indices.contains(choice) ? question.choices[choice].explanation : "there is no such choice"
                explanations.append("\(choice + 1). \(text): \(why ?? "not right")")
            }
            let missed = question.answers.subtracting(picked)
            if !missed.isEmpty && explanations.isEmpty {
                explanations.append(
                    missed.count == 1 && picked.isEmpty
                        ? "no choice picked"
                        : "right so far, but \(missed.count) more correct choice(s) to pick")
            }
            feedback.append(
                QuizAnswerFeedback(
                    question: index + 1, correct: picked == question.answers,
                    chosen: chosen.sorted(), explanations: explanations))
        }
        let wrong = feedback.filter { !$0.correct }.map(\.question)
        var result = CheckResult(
            lessonID: lesson.id, outcome: wrong.isEmpty ? .passed : .failed, reason: wrong.isEmpty ? nil : .wrongAnswer,
            message: wrong.isEmpty
                ? "every answer is right"
                : "question\(wrong.count == 1 ? "" : "s") \(wrong.map(String.init).joined(separator: ", ")) not right yet")
        result.answers = feedback
        return result
    }

    /// Trims, collapses every run of whitespace (newlines too) to one space, and lower-cases
    /// unless `caseSensitive`.
    public static func normalise(_ text: String, caseSensitive: Bool) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return caseSensitive ? collapsed : collapsed.lowercased()
    }

    /// Grades a predict answer; `realOutput` is the program's output when the lesson ran it.
    public static func predict(_ lesson: Lesson, answer: String, realOutput: String? = nil) -> CheckResult {
        guard let predict = lesson.predict else {
            return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "`\(lesson.id)` is not a predict lesson")
        }
        let given = normalise(answer, caseSensitive: predict.caseSensitive)
        let expected = normalise(predict.answer, caseSensitive: predict.caseSensitive)
        var result =
            given == expected
            ? CheckResult(lessonID: lesson.id, outcome: .passed, message: "right: it prints \(predict.answer)")
            : CheckResult(
                lessonID: lesson.id, outcome: .failed, reason: .wrongAnswer,
                message: "not what it prints: you said \"\(given)\"")
        result.predict = PredictFeedback(answer: given, expected: predict.answer, realOutput: realOutput)
        return result
    }
}
