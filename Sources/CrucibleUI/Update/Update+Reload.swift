import CrucibleEngine

extension App {
    /// Swaps in a course loaded again after its files changed, keeping the learner's place.
    ///
    /// The selection stays on the same lesson id. An open lesson that still loads is read again
    /// (same scroll position); one that no longer loads shows its diagnostics in place of the
    /// text, and comes back by itself on the reload after the author fixes it. A check running
    /// for a lesson whose check changed, or that is gone, is cancelled: its result would judge the
    /// learner's work by a check that no longer exists.
    static func reloadCourse(_ course: Course, diagnostics: [Diagnostic], on state: inout AppState) -> [Effect] {
        let selectedID = state.lessons.indices.contains(state.selection) ? state.lessons[state.selection].id : nil
        state.replaceCourse(course)
        state.selection =
            selectedID.flatMap { id in state.lessons.firstIndex { $0.id == id } }
            ?? min(state.selection, max(0, state.lessons.count - 1))
        state.mapScroll = state.map.scroll(showing: state.selection, from: state.mapScroll, height: state.mapHeight)
        relayoutMapScreens(&state)

        let snapshot = state
        var effects: [Effect] = []
        updateLessonScreens(&state) { screen in
            let lesson = snapshot.lesson(withID: screen.lessonID)
            if case .running(let elapsed) = screen.activity.check, !checksAlike(lesson, screen.activity.lesson) {
                screen.activity.check = .cancelling(
                    elapsed: elapsed,
                    reason: lesson == nil
                        ? "The check was cancelled: this lesson left the course while it ran."
                        : "The check was cancelled: the lesson's check changed while it ran. Press c to check again.")
                effects.append(.cancelCheck(lessonID: screen.lessonID))
            }
            if let lesson {
                screen.activity.lesson = lesson
                screen.content = .loading
                effects.append(.loadLessonBody(lesson))
            } else {
                screen.content = .failed(brokenLessonMessage(screen, diagnostics: diagnostics))
            }
        }
        return effects
    }

    /// Whether a check of `new` runs and judges like one of `old`: same kind, same steps and
    /// expectations, same predict program. Text and hints may change under a running check.
    static func checksAlike(_ new: Lesson?, _ old: Lesson?) -> Bool {
        guard let new, let old else { return false }
        return new.kind == old.kind && new.code == old.code && new.predict == old.predict && new.folder == old.folder
    }

    /// What to show in place of a lesson that no longer loads: the errors of its own files.
    static func brokenLessonMessage(_ screen: LessonScreen, diagnostics: [Diagnostic]) -> String {
        var own = diagnostics.filter { $0.severity == .error }
        if let folder = screen.activity.lesson?.folder {
            let marker = "/" + folder.deletingLastPathComponent().lastPathComponent + "/" + folder.lastPathComponent + "/"
            own = own.filter { ("/" + $0.file).contains(marker) }
        }
        let details =
            own.isEmpty
            ? ["`\(screen.lessonID)` is no longer in the course (its id changed, or its folder moved)."]
            : own.map(\.description)
        return (["This lesson no longer loads. Fix the file and it comes back here by itself:", ""] + details)
            .joined(separator: "\n")
    }
}
