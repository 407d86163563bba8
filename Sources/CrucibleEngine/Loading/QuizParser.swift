import Yams

/// Validates a quiz lesson's `questions`.
struct QuizParser {
    /// Keys of one question.
    static let questionKeys = ["prompt", "choices", "answer"]
    /// Keys of one choice.
    static let choiceKeys = ["text", "explanation"]

    let fields: Fields
    private var report: FileReport { fields.report }

    func parse() -> Quiz? {
        guard let nodes = fields.list("questions", required: true) else { return nil }
        if nodes.isEmpty, let node = fields.value("questions") {
            report.error(at: node, "`questions` is empty; add at least one question with a `prompt`, `choices` and an `answer`")
        }
        let questions = nodes.compactMap(question)
        return questions.count == nodes.count ? Quiz(questions: questions) : nil
    }

    private func question(_ node: Node) -> Quiz.Question? {
        guard let question = Fields(node, what: "a question", known: Self.questionKeys, report: report) else {
            return nil
        }
        let prompt = question.string("prompt", required: true)
        let choiceNodes = question.list("choices", required: true)
        if let choiceNodes, choiceNodes.count < 2, let node = question.value("choices") {
            report.error(at: node, "a question needs at least two choices, found \(choiceNodes.count); add another choice")
        }
        let choices = choiceNodes?.compactMap(choice)
        let answers = choiceNodes.flatMap { correctChoices(question, choiceCount: $0.count) }
        guard let prompt, let choices, choices.count == choiceNodes?.count, let answers else { return nil }
        return Quiz.Question(prompt: prompt, choices: choices, answers: answers)
    }

    private func choice(_ node: Node) -> Quiz.Choice? {
        guard let choice = Fields(node, what: "a choice", known: Self.choiceKeys, report: report) else { return nil }
        let text = choice.string("text", required: true)
        let explanation = choice.string("explanation")
        if !choice.has("explanation") {
            report.warning(at: node, "this choice has no `explanation`; add one saying why it is right or wrong")
        }
        return text.map { Quiz.Choice(text: $0, explanation: explanation) }
    }

    /// `answer` is 1-based in the file, a number or a list of numbers; the model is 0-based.
    private func correctChoices(_ question: Fields, choiceCount: Int) -> Set<Int>? {
        guard let node = question.value("answer", required: true) else { return nil }
        let numbers: [Node]
        switch node {
        case .scalar: numbers = [node]
        case .sequence(let sequence): numbers = Array(sequence)
        default:
            report.wrongType("answer", "a choice number or a list of them", node)
            return nil
        }
        if numbers.isEmpty {
            report.error(
                at: node,
                "`answer` names no choice, so the question cannot be passed; "
                    + "give the number of the correct choice (1 is the first) or a list such as [1, 3]")
            return nil
        }
        var answers = Set<Int>()
        var valid = true
        for number in numbers {
            guard case .scalar(let scalar) = number, case .int(let value) = ScalarKind(scalar) else {
                report.wrongType("answer", "a choice number (1 is the first choice)", number)
                valid = false
                continue
            }
            guard (1...max(choiceCount, 1)).contains(value), choiceCount > 0 else {
                report.error(
                    at: number,
                    "`answer` \(value) is out of range: this question has \(choiceCount) "
                        + "choices, numbered 1 to \(choiceCount)")
                valid = false
                continue
            }
            answers.insert(value - 1)
        }
        return valid ? answers : nil
    }
}
