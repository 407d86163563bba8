import Foundation
import Testing

@testable import CrucibleEngine

/// Quiz keys, per-choice explanations, predict normalisation and metrics parsing.
@Suite struct AnswerGradingTests {
    let quiz: Lesson = {
        let choices = ["C", "Rust", "Go", "Swift"].map { Quiz.Choice(text: $0, explanation: "why \($0)") }
        let questions = [
            Quiz.Question(prompt: "one", choices: choices, answers: [2]),
            Quiz.Question(prompt: "many", choices: choices, answers: [0, 1, 3]),
        ]
        let folder = URL(fileURLWithPath: "/tmp")
        return Lesson(
            id: "q", title: "Q", kind: .quiz, folder: folder, file: folder, bodyOffset: 0, bodyLine: 1,
            quiz: Quiz(questions: questions))
    }()

    @Test func theKeyPassesAndEachWrongChoiceExplainsItself() {
        #expect(AnswerGrading.quiz(quiz, choices: [[3], [1, 2, 4]]).passed)
        let wrong = AnswerGrading.quiz(quiz, choices: [[1], [1, 3]])
        #expect(wrong.outcome == .failed && wrong.reason == .wrongAnswer)
        #expect(wrong.answers.map(\.correct) == [false, false])
        #expect(wrong.answers[0].explanations == ["1. C: why C"])
        #expect(wrong.answers[1].explanations == ["3. Go: why Go"])
        let partial = AnswerGrading.quiz(quiz, choices: [[3], [1, 2]])
        #expect(partial.answers[1].explanations.first?.contains("1 more") == true)
    }

    @Test func aWrongNumberOfAnswersIsAnEngineError() {
        #expect(AnswerGrading.quiz(quiz, choices: [[3]]).outcome == .engineError)
    }

    @Test func predictAnswersAreNormalised() {
        let folder = URL(fileURLWithPath: "/tmp")
        func lesson(caseSensitive: Bool) -> Lesson {
            Lesson(
                id: "p", title: "P", kind: .predict, folder: folder, file: folder, bodyOffset: 0, bodyLine: 1,
                predict: Predict(language: "c", program: "p.c", answer: "Hello  World\n3", caseSensitive: caseSensitive))
        }
        #expect(AnswerGrading.predict(lesson(caseSensitive: true), answer: "  Hello World 3 ").passed)
        #expect(!AnswerGrading.predict(lesson(caseSensitive: true), answer: "hello world 3").passed)
        #expect(AnswerGrading.predict(lesson(caseSensitive: false), answer: "hello\tworld\n\n3").passed)
        #expect(
            AnswerGrading.predict(lesson(caseSensitive: true), answer: "x", realOutput: "Hello World\n3\n").predict?.realOutput
                == "Hello World\n3\n")
    }

    @Test func metricLinesAreParsedAndOthersIgnored() {
        let samples = Metrics.samples(in: "hello\ncrucible-metric a 0.5\ncrucible-metric a 1.5e-1\ncrucible-metrics b x\n")
        #expect(samples == .success(["a": Metrics.Series(dimension: .time, values: [0.5, 0.15])]))
        #expect(Metrics.median([3, 1, 2]) == 2)
        #expect(Metrics.median([4, 1, 2, 3]) == 2.5)
    }
}
