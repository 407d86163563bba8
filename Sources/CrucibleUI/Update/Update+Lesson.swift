import CrucibleEngine

/// The lesson screen's own commands: panels, hints, the solution, the editor, next and previous.
extension App {
    /// Applies a lesson command to the lesson screen on top; other screens ignore it.
    static func performLesson(_ command: Command, on state: inout AppState) -> [Effect] {
        guard case .lesson(var screen) = state.top, let lesson = state.lesson(withID: screen.lessonID) else { return [] }
        switch command {
        case .nextLesson: return openNeighbour(of: screen, offset: 1, on: &state)
        case .previousLesson: return openNeighbour(of: screen, offset: -1, on: &state)
        case .done: return finishReading(screen, lesson: lesson, on: &state)
        default: break
        }
        // A notice answers the key that caused it; the next key clears it.
        screen.activity.notice = nil
        let effects: [Effect]
        switch command {
        case .answer, .choose, .toggleChoice, .submit, .edit, .retry:
            effects = performAnswer(command, screen: &screen, lesson: lesson)
        case .check, .cancelCheck, .openEditor, .toggleWatch:
            effects = performCheck(command, screen: &screen, lesson: lesson)
        case .hint:
            effects = revealHint(screen: &screen, lesson: lesson)
        case .solution:
            effects = showSolution(screen: &screen, lesson: lesson)
        case .showResult:
            if screen.activity.result != nil { show(.result, in: &screen) }
            effects = []
        case .closePanel:
            show(.text, in: &screen)
            effects = []
        default:
            effects = []
        }
        state.screens[state.screens.count - 1] = .lesson(screen)
        if command == .toggleWatch, lesson.code != nil {
            // Watch mode is a setting: the next code lesson opened starts in the same mode.
            state.game.progress.settings.watchMode = screen.activity.watching
            return effects + [.recordProgress(.changedSettings(state.game.progress.settings))]
        }
        return effects
    }

    /// What opening lesson `id` asks of the run loop besides reading its body: a code lesson's
    /// workspace is prepared at once, so its files can be listed and edited.
    static func lessonOpeningEffects(_ id: String, in state: AppState) -> [Effect] {
        guard let lesson = state.lesson(withID: id), lesson.kind == .code else { return [] }
        // With watch mode on (the learner's setting), every save is checked from the start.
        return [.prepareWorkspace(lesson)] + (state.game.progress.settings.watchMode ? [.watchWorkspace(lesson)] : [])
    }

    /// A lesson screen for `id` with the hints the learner has already revealed.
    static func newLessonScreen(_ id: String, scroll: Int = 0, in state: AppState) -> LessonScreen {
        var screen = LessonScreen(lessonID: id, scroll: scroll)
        screen.activity = LessonActivity(lesson: state.lesson(withID: id))
        screen.activity.hintsRevealed = state.game.progress.lessons[id]?.hintsRevealed ?? 0
        screen.activity.watching = screen.activity.lesson?.kind == .code && state.game.progress.settings.watchMode
        return screen
    }

    /// What leaving `screen` must stop: its running check and its file watcher.
    static func lessonLeavingEffects(_ screen: LessonScreen) -> [Effect] {
        var effects: [Effect] = []
        if screen.activity.check.isActive { effects.append(.cancelCheck(lessonID: screen.lessonID)) }
        if screen.activity.watching { effects.append(.stopWatching(lessonID: screen.lessonID)) }
        return effects
    }

    /// Scrolls a panel other than the text, or moves the quiz cursor; false for the text panel.
    static func movePanel(_ command: Command, screen: inout LessonScreen, in state: AppState) -> Bool {
        let panel = screen.activity.panel
        guard panel != .text else { return false }
        if panel == .quiz, let question = currentQuestion(screen, in: state) {
            let last = question.choices.count - 1
            switch command {
            case .up: screen.activity.quiz.cursor = max(0, screen.activity.quiz.cursor - 1)
            case .down: screen.activity.quiz.cursor = min(last, screen.activity.quiz.cursor + 1)
            case .top: screen.activity.quiz.cursor = 0
            case .bottom: screen.activity.quiz.cursor = last
            default: break
            }
            return true
        }
        let page = max(1, LessonScreenView.panelHeight(screen, in: state) - 1)
        let target =
            switch command {
            case .up: screen.activity.panelScroll - 1
            case .down: screen.activity.panelScroll + 1
            case .pageUp: screen.activity.panelScroll - page
            case .pageDown: screen.activity.panelScroll + page
            case .top: 0
            default: Int.max
            }
        screen.activity.panelScroll = LessonScreenView.clampedPanelScroll(target, screen, in: state)
        return true
    }

    /// A printable key that no binding took: typed into the prediction field when it is shown.
    static func typeInLesson(_ key: Key, on state: inout AppState) -> [Effect]? {
        guard case .lesson(var screen) = state.top, screen.activity.panel == .predict,
            case .character(let character) = key
        else { return nil }
        screen.activity.notice = nil
        screen.activity.prediction.insert(character)
        state.screens[state.screens.count - 1] = .lesson(screen)
        return []
    }

    static func show(_ panel: LessonPanel, in screen: inout LessonScreen) {
        screen.activity.panel = panel
        screen.activity.panelScroll = 0
    }

    /// Reveals the next hint (recorded in progress) and shows the hints panel.
    static func revealHint(screen: inout LessonScreen, lesson: Lesson) -> [Effect] {
        guard !lesson.hints.isEmpty else {
            screen.activity.notice = "This lesson has no hints."
            return []
        }
        show(.hints, in: &screen)
        guard screen.activity.hintsRevealed < lesson.hints.count else {
            screen.activity.notice = "Every hint is revealed."
            return []
        }
        screen.activity.hintsRevealed += 1
        return [.recordProgress(.revealedHint(lesson: lesson.id))]
    }

    /// Shows the reference solution when ``LessonRules/solutionAvailable(_:)`` allows it; the
    /// first view is recorded, since it forfeits the lesson's XP bonuses.
    static func showSolution(screen: inout LessonScreen, lesson: Lesson) -> [Effect] {
        guard lesson.code != nil else { return [] }
        guard LessonRules.solutionAvailable(screen.activity) else {
            let left = LessonRules.failuresBeforeSolution - screen.activity.failedChecks
            screen.activity.notice = "The solution opens after a pass, or after \(left) more failed check\(left == 1 ? "" : "s")."
            return []
        }
        show(.solution, in: &screen)
        var effects: [Effect] = []
        if screen.activity.solution == .notLoaded {
            screen.activity.solution = .loading
            effects.append(.loadSolution(lesson))
            effects.append(.recordProgress(.viewedSolution(lesson: lesson.id)))
        }
        return effects
    }

    /// Marks a read lesson done (a pass through the game rules, once) and opens the next lesson;
    /// after the course's last lesson, goes back to the map, where its mark shows it done.
    static func finishReading(_ screen: LessonScreen, lesson: Lesson, on state: inout AppState) -> [Effect] {
        guard lesson.kind == .read else { return [] }
        var effects: [Effect] = []
        if state.game.progress.lessons[lesson.id]?.isPassed != true {
            let result = AnswerGrading.read(lesson)
            effects.append(.recordProgress(.checked(lesson: lesson.id, passed: true, summary: CheckSummary(result, origin: .fullScreen))))
        }
        if let index = state.lessons.firstIndex(where: { $0.id == lesson.id }), index + 1 < state.lessons.count {
            return effects + openNeighbour(of: screen, offset: 1, on: &state)
        }
        state.screens.removeLast()
        return effects + [savePosition(of: screen)] + lessonLeavingEffects(screen)
    }

    /// Replaces the open lesson with the one `offset` places away in course order, as if it
    /// had been opened from the map (which then has it selected).
    static func openNeighbour(of screen: LessonScreen, offset: Int, on state: inout AppState) -> [Effect] {
        guard let index = state.lessons.firstIndex(where: { $0.id == screen.lessonID }) else { return [] }
        let target = index + offset
        guard state.lessons.indices.contains(target) else {
            var unchanged = screen
            unchanged.activity.notice = offset > 0 ? "This is the last lesson." : "This is the first lesson."
            state.screens[state.screens.count - 1] = .lesson(unchanged)
            return []
        }
        state.screens.removeLast()
        var effects = lessonLeavingEffects(screen) + [savePosition(of: screen)]
        state.selection = target
        state.mapScroll = state.map.scroll(showing: target, from: state.mapScroll, height: state.mapHeight)
        effects += perform(.open, on: &state)
        return effects
    }

    /// Sends `action`, the answer to a lesson effect, to the screens of lesson `id`.
    static func updateLesson(_ id: String, on state: inout AppState, _ change: (inout LessonScreen, Lesson) -> Void) {
        guard let lesson = state.lesson(withID: id) else { return }
        updateLessonScreens(&state) { screen in
            if screen.lessonID == id { change(&screen, lesson) }
        }
    }

    /// Applies the answers of lesson effects (workspace, editor, solution, checks, timer).
    static func updateLessonWork(_ action: Action, on state: inout AppState) -> [Effect] {
        switch action {
        case .workspacePrepared(let id, let result):
            updateLesson(id, on: &state) { screen, _ in
                switch result {
                case .success(let files): screen.activity.workspace = files
                case .failure(let failure): screen.activity.notice = "The workspace could not be prepared: " + failure.message
                }
            }
        case .editorClosed(let id, let failure):
            updateLesson(id, on: &state) { screen, _ in screen.activity.notice = failure }
        case .solutionLoaded(let id, let result):
            updateLesson(id, on: &state) { screen, _ in
                switch result {
                case .success(let files): screen.activity.solution = .loaded(files)
                case .failure(let failure): screen.activity.solution = .failed(failure.message)
                }
            }
        case .timer:
            updateLessonScreens(&state) { screen in
                guard let frame = screen.activity.celebrationFrame else { return }
                screen.activity.celebrationFrame = frame + 1 < LessonRules.celebrationFrames ? frame + 1 : nil
            }
        case .checkElapsed, .checkFinished, .workspaceChanged:
            return updateCheck(action, on: &state)
        default:
            break
        }
        return []
    }

    /// Whether the run loop should send ``Action/timer``: a celebration is playing.
    public static func wantsTimer(_ state: AppState) -> Bool {
        state.screens.contains { screen in
            if case .lesson(let lesson) = screen { return lesson.activity.celebrationFrame != nil }
            return false
        }
    }
}
