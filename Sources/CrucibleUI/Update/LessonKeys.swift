import CrucibleEngine

/// The keys of a lesson screen, which depend on its panel and its lesson's kind.
///
/// ``Keymap/bindings(for:)`` asks here for every lesson screen, so key handling,
/// the bottom bar and the help overlay stay in step with what each panel can do.
enum LessonKeys {
    static func bindings(for screen: LessonScreen) -> [KeyBinding] {
        let activity = screen.activity, lesson = activity.lesson
        let kind = lesson?.kind ?? .read
        var bindings: [KeyBinding] = []
        // Esc cancels a running check on every panel but the predict field, where it leaves the field.
        if activity.check.isActive && activity.panel != .predict {
            bindings.append(KeyBinding([.escape], .cancelCheck, "cancel the running check", bar: BarHint("Esc", "cancel")))
        }
        switch activity.panel {
        case .text:
            // Every key of the plain lesson screen (scrolling, skip) except those redefined here.
            bindings += quiet(Keymap.lesson.filter { ![.back, .help, .quit].contains($0.command) })
            bindings += kindKeys(kind, activity: activity, loaded: !screen.lines.isEmpty)
            bindings += common(kind: kind)
            bindings.append(KeyBinding([.character("q"), .escape, .left], .back, "back to the course map", bar: BarHint("q", "back")))
        case .quiz:
            bindings += quizKeys(lesson?.quiz, answers: activity.quiz)
            bindings.append(hint)
            bindings.append(closePanel)
        case .predict:
            bindings += [
                KeyBinding([.enter], .submit, "submit your prediction", bar: BarHint("Enter", "submit")),
                KeyBinding([.left], .edit(.left), "move the cursor left"),
                KeyBinding([.right], .edit(.right), "move the cursor right"),
                KeyBinding([.home, .control("a")], .edit(.home), "to the start of the answer"),
                KeyBinding([.end, .control("e")], .edit(.end), "to the end of the answer"),
                KeyBinding([.backspace], .edit(.backspace), "delete the character before the cursor"),
                KeyBinding([.delete], .edit(.delete), "delete the character under the cursor"),
                KeyBinding([.control("u")], .edit(.deleteToStart), "delete everything before the cursor"),
                KeyBinding([.control("w")], .edit(.deleteWordBefore), "delete the word before the cursor"),
                KeyBinding([.up], .up, "scroll the program up"),
                KeyBinding([.down], .down, "scroll the program down"),
                KeyBinding([.escape], .closePanel, "back to the lesson text", bar: BarHint("Esc", "back")),
                // Every printable key types, so help moves to F1 here.
                KeyBinding([.function(1)], .help, "show these keys", bar: BarHint("F1", "help")),
                quitAnywhere,
            ]
            return bindings
        case .result:
            bindings += scrollKeys
            if let result = activity.result, !result.passed {
                if kind == .code {
                    bindings.append(
                        KeyBinding([.character("e")], .openEditor, "edit the exercise in your editor", bar: BarHint("e", "edit")))
                    bindings.append(KeyBinding([.character("c")], .check, "check again", bar: BarHint("c", "check")))
                } else {
                    bindings.append(KeyBinding([.character("r"), .enter], .retry, "try again", bar: BarHint("r", "retry")))
                }
            }
            bindings += common(kind: kind)
            bindings.append(closePanel)
        case .hints:
            bindings += scrollKeys
            bindings += common(kind: kind)
            bindings.append(closePanel)
        case .solution:
            bindings += scrollKeys
            bindings.append(closePanel)
        }
        bindings.append(KeyBinding([.character("?")], .help, "show these keys", bar: BarHint("?", "help")))
        bindings.append(quitAnywhere)
        return bindings
    }

    /// What the help overlay's title calls the panel.
    static func name(of screen: LessonScreen) -> String {
        switch screen.activity.panel {
        case .text: "lesson"
        case .quiz: "quiz"
        case .predict: "prediction"
        case .result: "result"
        case .hints: "hints"
        case .solution: "solution"
        }
    }

    private static let scrolling: Set<Command> = [.up, .down, .pageUp, .pageDown, .top, .bottom]
    /// The lesson's scrolling keys, with only "↑↓ scroll" in the bar: the panels' own keys need the room.
    private static let scrollKeys = quiet(Keymap.lesson.filter { scrolling.contains($0.command) })

    /// `bindings` with every bar entry but the first arrow's dropped.
    private static func quiet(_ bindings: [KeyBinding]) -> [KeyBinding] {
        bindings.map { binding in
            var binding = binding
            if binding.command != .up { binding.bar = nil }
            return binding
        }
    }
    private static let quitAnywhere = Keymap.quitAnywhere
    private static let hint = KeyBinding([.character("h")], .hint, "reveal the next hint", bar: BarHint("h", "hint"))
    private static let closePanel = KeyBinding(
        [.character("q"), .escape], .closePanel, "back to the lesson text",
        bar: BarHint("Esc", "back"))

    /// Hints, the solution, and moving between lessons: on the text, result and hints panels.
    private static func common(kind: LessonKind) -> [KeyBinding] {
        var bindings = [hint]
        if kind == .code {
            bindings.append(
                KeyBinding(
                    [.character("s")], .solution,
                    "the reference solution (after a pass or \(LessonRules.failuresBeforeSolution) failed checks)"))
        }
        bindings.append(KeyBinding([.character("n")], .nextLesson, "next lesson", bar: BarHint("n/p", "lesson")))
        bindings.append(KeyBinding([.character("p")], .previousLesson, "previous lesson"))
        return bindings
    }

    /// The keys for working on the lesson from its text: answer, or edit, check and watch.
    private static func kindKeys(_ kind: LessonKind, activity: LessonActivity, loaded: Bool) -> [KeyBinding] {
        switch kind {
        case .read:
            // The lesson text says "Press Enter when done"; keep the two in step. A text that is
            // still loading, or could not be read, cannot have been read.
            guard loaded else { return [] }
            return [
                KeyBinding(
                    [.enter, .character("d")], .done, "done: mark the lesson read and open the next one",
                    bar: BarHint("Enter", "done"))
            ]
        case .quiz:
            return [KeyBinding([.enter, .character("a")], .answer, "answer the quiz", bar: BarHint("Enter", "answer"))]
        case .predict:
            var bindings = [
                KeyBinding([.enter, .character("a")], .answer, "type what the program prints", bar: BarHint("Enter", "answer"))
            ]
            if activity.result != nil { bindings.append(KeyBinding([.character("r")], .showResult, "the latest result")) }
            return bindings
        case .code:
            var bindings = [
                KeyBinding([.character("e")], .openEditor, "edit the exercise in your editor", bar: BarHint("e", "edit")),
                KeyBinding([.character("c")], .check, "check your code", bar: activity.check.isActive ? nil : BarHint("c", "check")),
                KeyBinding([.character("w")], .toggleWatch, "watch: check again on every save", bar: BarHint("w", "watch")),
            ]
            if activity.result != nil { bindings.append(KeyBinding([.character("r")], .showResult, "the latest result")) }
            return bindings
        }
    }

    /// Picking choices: arrows and Enter, or a choice's number; Space ticks when several are right.
    private static func quizKeys(_ quiz: Quiz?, answers: QuizAnswers) -> [KeyBinding] {
        guard let quiz, quiz.questions.indices.contains(answers.question) else { return [] }
        let question = quiz.questions[answers.question]
        let multiple = question.answers.count > 1
        let isLast = answers.question == quiz.questions.count - 1
        var bindings = [
            KeyBinding([.up, .character("k")], .up, "previous choice", bar: BarHint("↑↓", "choose")),
            KeyBinding([.down, .character("j")], .down, "next choice"),
        ]
        for number in 1...max(1, min(9, question.choices.count)) {
            let help = multiple ? "tick or untick choice \(number)" : "answer choice \(number)"
            bindings.append(
                KeyBinding(
                    [.character(Character(String(number)))], .choose(number), help,
                    bar: number == 1 ? BarHint("1-\(min(9, question.choices.count))", multiple ? "tick" : "answer") : nil))
        }
        if multiple {
            bindings.append(
                KeyBinding([.character(" ")], .toggleChoice, "tick or untick the highlighted choice", bar: BarHint("Space", "tick")))
        }
        let submit = isLast ? "submit your answers" : "next question"
        bindings.append(
            KeyBinding(
                [.enter], .submit, multiple ? submit : "answer the highlighted choice",
                bar: BarHint("Enter", isLast ? "submit" : "next")))
        return bindings
    }
}
