import CrucibleEngine

/// Answering quiz and predict lessons: picking choices, typing a prediction, grading, retrying.
extension App {
    static func performAnswer(_ command: Command, screen: inout LessonScreen, lesson: Lesson) -> [Effect] {
        switch (lesson.kind, command) {
        case (.quiz, .answer), (.quiz, .retry):
            let count = lesson.quiz?.questions.count ?? 0
            if command == .retry || screen.activity.quiz.picked.count != count {
                screen.activity.quiz = QuizAnswers()
                screen.activity.quiz.picked = Array(repeating: [], count: count)
            }
            // Reopening walks the quiz from the first question again, with every answer so far
            // shown and editable: nothing is kept that the learner cannot see. A retry starts afresh.
            moveToQuestion(0, screen: &screen)
            show(.quiz, in: &screen)
        case (.quiz, .choose(let number)):
            guard let question = question(of: lesson, at: screen.activity.quiz.question),
                question.choices.indices.contains(number - 1)
            else { return [] }
            screen.activity.quiz.cursor = number - 1
            if question.answers.count > 1 {
                toggleChoice(screen: &screen)
            } else {
                screen.activity.quiz.picked[screen.activity.quiz.question] = [number - 1]
                return nextQuestion(screen: &screen, lesson: lesson)
            }
        case (.quiz, .toggleChoice):
            guard let question = question(of: lesson, at: screen.activity.quiz.question) else { return [] }
            if question.answers.count > 1 {
                toggleChoice(screen: &screen)
            } else {
                screen.activity.quiz.picked[screen.activity.quiz.question] = [screen.activity.quiz.cursor]
            }
        case (.quiz, .submit):
            guard let question = question(of: lesson, at: screen.activity.quiz.question) else { return [] }
            if question.answers.count == 1 {
                screen.activity.quiz.picked[screen.activity.quiz.question] = [screen.activity.quiz.cursor]
            }
            return nextQuestion(screen: &screen, lesson: lesson)
        case (.predict, .answer), (.predict, .retry):
            show(.predict, in: &screen)
        case (.predict, .edit(let edit)):
            screen.activity.prediction.apply(edit)
        case (.predict, .submit):
            return submitPrediction(screen: &screen, lesson: lesson)
        default:
            break
        }
        return []
    }

    /// The question at `index` of a quiz lesson.
    static func question(of lesson: Lesson, at index: Int) -> Quiz.Question? {
        guard let questions = lesson.quiz?.questions, questions.indices.contains(index) else { return nil }
        return questions[index]
    }

    /// The question shown on a quiz panel.
    static func currentQuestion(_ screen: LessonScreen, in state: AppState) -> Quiz.Question? {
        state.lesson(withID: screen.lessonID).flatMap { question(of: $0, at: screen.activity.quiz.question) }
    }

    private static func toggleChoice(screen: inout LessonScreen) {
        let index = screen.activity.quiz.question, choice = screen.activity.quiz.cursor
        if screen.activity.quiz.picked[index].contains(choice) {
            screen.activity.quiz.picked[index].remove(choice)
        } else {
            screen.activity.quiz.picked[index].insert(choice)
        }
    }

    /// Shows question `index` with the cursor on its first picked choice, so Enter keeps an earlier answer.
    private static func moveToQuestion(_ index: Int, screen: inout LessonScreen) {
        screen.activity.quiz.question = index
        let picked = screen.activity.quiz.picked.indices.contains(index) ? screen.activity.quiz.picked[index] : []
        screen.activity.quiz.cursor = picked.min() ?? 0
    }

    /// Moves to the next question, or grades the quiz after the last one.
    private static func nextQuestion(screen: inout LessonScreen, lesson: Lesson) -> [Effect] {
        let count = lesson.quiz?.questions.count ?? 0
        if screen.activity.quiz.question + 1 < count {
            moveToQuestion(screen.activity.quiz.question + 1, screen: &screen)
            return []
        }
        // Grading compares sets in memory, so it runs here; no effect is needed.
        let choices = screen.activity.quiz.picked.map { $0.sorted().map { $0 + 1 } }
        return finishAnswer(AnswerGrading.quiz(lesson, choices: choices), screen: &screen)
    }

    /// Grades the prediction at once; when the lesson runs its program, runs it in the
    /// background to show its real output beside the comparison.
    private static func submitPrediction(screen: inout LessonScreen, lesson: Lesson) -> [Effect] {
        let answer = screen.activity.prediction.text
        guard !answer.allSatisfy(\.isWhitespace) else {
            screen.activity.notice = "Type what the program prints, then press Enter."
            return []
        }
        var effects = finishAnswer(AnswerGrading.predict(lesson, answer: answer), screen: &screen)
        // The graded answer leaves the field (the result shows it), so the next try starts empty
        // instead of appending to it; an answer left unsubmitted stays as typed.
        screen.activity.prediction = TextField()
        if lesson.predict?.run.isEmpty == false, !screen.activity.check.isActive {
            screen.activity.check = .running(elapsed: 0)
            effects.append(.runCheck(lesson))
        }
        return effects
    }

    /// Shows a graded answer on the result panel and records it as a check.
    static func finishAnswer(_ result: CheckResult, screen: inout LessonScreen) -> [Effect] {
        screen.activity.result = result
        screen.activity.events = []
        if result.passed {
            screen.activity.passed = true
            screen.activity.celebrationFrame = 0
        } else if result.countsAsAttempt {
            screen.activity.failedChecks += 1
        }
        show(.result, in: &screen)
        guard result.countsAsAttempt else { return [] }
        return [
            .recordProgress(
                .checked(
                    lesson: result.lessonID, passed: result.passed,
                    summary: CheckSummary(result, origin: .fullScreen), measured: CheckMeasurement(result)))
        ]
    }
}
