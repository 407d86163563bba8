import CrucibleEngine

/// The check lifecycle of a lesson screen: start → running (elapsed ticks) → finished or
/// cancelled; the editor; watch mode; and what the game made of a pass.
extension App {
    static func performCheck(_ command: Command, screen: inout LessonScreen, lesson: Lesson) -> [Effect] {
        guard lesson.code != nil || command == .cancelCheck else { return [] }
        switch command {
        case .check:
            return startCheck(lesson, screen: &screen)
        case .cancelCheck:
            guard case .running(let elapsed) = screen.activity.check else { return [] }
            screen.activity.check = .cancelling(elapsed: elapsed)
            return [.cancelCheck(lessonID: lesson.id)]
        case .openEditor:
            return [.openEditor(lesson)]
        case .toggleWatch:
            screen.activity.watching.toggle()
            screen.activity.notice =
                screen.activity.watching
                ? "Watching your files: every save checks them again (w stops)." : "Stopped watching your files."
            return [screen.activity.watching ? .watchWorkspace(lesson) : .stopWatching(lessonID: lesson.id)]
        default:
            return []
        }
    }

    /// Starts a check unless one is running already (a second would race the first for the same files).
    static func startCheck(_ lesson: Lesson, screen: inout LessonScreen) -> [Effect] {
        guard !screen.activity.check.isActive else { return [] }
        screen.activity.check = .running(elapsed: 0)
        return [.runCheck(lesson)]
    }

    /// Applies check progress, results and watched saves to the screens of their lesson.
    static func updateCheck(_ action: Action, on state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch action {
        case .checkElapsed(let id, let seconds):
            updateLesson(id, on: &state) { screen, _ in
                switch screen.activity.check {
                case .running: screen.activity.check = .running(elapsed: seconds)
                case .cancelling(_, let reason): screen.activity.check = .cancelling(elapsed: seconds, reason: reason)
                case .idle: break
                }
            }
        case .checkFinished(let id, let result):
            // Also for a lesson a reload removed: its screen stays open and must stop showing the check.
            updateLessonScreens(&state) { screen in
                guard screen.lessonID == id else { return }
                defer { screen.activity.check = .idle }
                if case .cancelling(_, let reason) = screen.activity.check {
                    screen.activity.notice = reason ?? "Check cancelled; its processes were stopped."
                } else if screen.activity.lesson?.kind == .predict {
                    addRealOutput(result, to: &screen)
                } else {
                    effects += finishAnswer(result, screen: &screen)
                }
            }
        case .workspaceChanged(let id):
            updateLesson(id, on: &state) { screen, lesson in
                if screen.activity.watching { effects += startCheck(lesson, screen: &screen) }
            }
        default:
            break
        }
        return effects
    }

    /// Puts a predict program's run beside the graded answer: what it printed, or why it did not run.
    private static func addRealOutput(_ run: CheckResult, to screen: inout LessonScreen) {
        guard var result = screen.activity.result, result.predict != nil else { return }
        if run.passed, let last = run.steps.last {
            result.predict?.realOutput = last.stdout + last.stderr
        } else {
            result.predict?.realOutput = "(the program could not be run: \(run.outcomeLabel): \(run.message))"
            result.missingTools = run.missingTools
            result.brokenTools = run.brokenTools
        }
        screen.activity.result = result
    }

    /// Keeps what the game made of a lesson's pass (XP, bonuses, level-ups, achievements) for its result panel.
    /// A read lesson is passed on the way to the next one, so what it earned is told there (or on the map).
    static func celebrate(_ recorded: LearnerAction, events: [GameEvent], on state: inout AppState) {
        guard case .checked(let id, true, _, _, _) = recorded else { return }
        updateLesson(id, on: &state) { screen, _ in
            if screen.activity.passed { screen.activity.events = events }
        }
        guard let lesson = state.lesson(withID: id), lesson.kind == .read, let text = doneNotice(lesson, events: events) else { return }
        switch state.top {
        case .lesson(var open) where open.lessonID != id:
            open.activity.notice = text
            state.screens[state.screens.count - 1] = .lesson(open)
        case .courseMap:
            state.screens.append(.message(text))
        default:
            break
        }
    }

    /// "✓ How Crucible works: done · +5 XP · Achievement: First light", or nil when it was passed before.
    static func doneNotice(_ lesson: Lesson, events: [GameEvent]) -> String? {
        guard events.contains(.lessonPassed(lesson: lesson.id)) else { return nil }
        return (["✓ \(lesson.title): done"] + GameEventPresentation.phrases(events)).joined(separator: " · ")
    }
}
