import CrucibleEngine

extension App {
    /// Swaps in a course loaded again after its files changed, keeping the learner's place.
    ///
    /// The selection stays on the same lesson id. An open lesson that still loads is read again
    /// (same scroll position); one that no longer loads shows its diagnostics in place of the
    /// text, and comes back by itself on the reload after the author fixes it.
    static func reloadCourse(_ course: Course, diagnostics: [Diagnostic], on state: inout AppState) -> [Effect] {
        let selectedID = state.lessons.indices.contains(state.selection) ? state.lessons[state.selection].id : nil
        state.replaceCourse(course)
        state.selection = selectedID.flatMap { id in state.lessons.firstIndex { $0.id == id } }
            ?? min(state.selection, max(0, state.lessons.count - 1))
        state.mapScroll = state.map.scroll(showing: state.selection, from: state.mapScroll, height: state.mapHeight)
        relayoutMapScreens(&state)

        let snapshot = state
        var effects: [Effect] = []
        updateLessonScreens(&state) { screen in
            if let lesson = snapshot.lesson(withID: screen.lessonID) {
                screen.activity.lesson = lesson
                screen.content = .loading
                effects.append(.loadLessonBody(lessonID: lesson.id))
            } else {
                screen.content = .failed(brokenLessonMessage(screen, diagnostics: diagnostics))
            }
        }
        return effects
    }

    /// What to show in place of a lesson that no longer loads: the errors of its own files.
    static func brokenLessonMessage(_ screen: LessonScreen, diagnostics: [Diagnostic]) -> String {
        var own = diagnostics.filter { $0.severity == .error }
        if let folder = screen.activity.lesson?.folder {
            let marker = "/" + folder.deletingLastPathComponent().lastPathComponent + "/" + folder.lastPathComponent + "/"
            own = own.filter { ("/" + $0.file).contains(marker) }
        }
        let details = own.isEmpty ? ["`\(screen.lessonID)` is no longer in the course (its id changed, or its folder moved)."]
            : own.map(\.description)
        return (["This lesson no longer loads. Fix the file and it comes back here by itself:", ""] + details)
            .joined(separator: "\n")
    }
}
