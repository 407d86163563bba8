import CrucibleEngine

/// The latest check or answer on the lesson screen: ``ResultPresentation`` laid out for the
/// panel (on a pass a short celebration, the XP and what else was earned, and the explanation;
/// on a failure the reason first, then what helps, the offer of a hint, and the full output).
enum ResultView {
    static func lines(
        activity: LessonActivity, lesson: Lesson, width: Int, theme: Theme, history: MeasurementHistory = MeasurementHistory()
    ) -> [StyledLine] {
        guard let result = activity.result else { return [StyledLine("No result yet.", style: Chrome.dim)] }
        return ResultPresentation(
            result, lesson: lesson, events: activity.events,
            medium: .screen(width: width, theme: theme, activity: activity), history: history
        ).lines
    }
}

extension Array {
    /// The element at `index`, or nil when it is out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
