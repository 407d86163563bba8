import CrucibleEngine
import Foundation

extension App {
    /// Applies what the run loop reports about progress, achievements and tools.
    static func updateGame(_ action: Action, on state: inout AppState) -> [Effect] {
        switch action {
        case .progressRecorded(_, _, let progress), .progressLoaded(let progress):
            state.game.progress = progress
        case .achievementsLoaded(let achievements):
            state.game.achievements = achievements
        case .toolsProbed(let missing, let broken, let tooOld, let otherPlatform):
            state.game.missingTools = missing
            state.game.brokenTools = broken
            state.game.tooOldTools = tooOld
            state.game.otherPlatform = otherPlatform
        case .notice(let text):
            // Several notices at once share one box instead of stacking boxes.
            if case .message(let shown) = state.top {
                state.screens[state.screens.count - 1] = .message(shown + "\n\n" + text)
            } else {
                state.screens.append(.message(text))
            }
        default:
            break
        }
        return []
    }

    /// Puts the map selection on the lesson the learner left off at, scrolled into view.
    ///
    /// Launch lands on the map, not inside the lesson: the learner sees their progress and the
    /// "continue" mark first, and Enter reopens the lesson at the line they had scrolled to.
    static func selectResumeLesson(_ state: inout AppState) {
        guard let id = state.game.resumeLessonID, let index = state.lessons.firstIndex(where: { $0.id == id }) else { return }
        state.selection = index
        state.mapScroll = state.map.scroll(showing: index, from: 0, height: state.mapHeight)
    }

    /// The line lesson `id` opens at: where the learner was when it is the resume position, else the top.
    static func resumeScroll(for id: String, in state: AppState) -> Int {
        guard let position = state.game.progress.position, position.lesson == id else { return 0 }
        return max(0, position.scroll)
    }

    /// The effect that saves where the learner is in `screen`, for the next launch.
    static func savePosition(of screen: LessonScreen) -> Effect {
        .recordProgress(.moved(to: ResumePosition(lesson: screen.lessonID, scroll: screen.scroll)))
    }

    /// Saves the open lesson's position before quitting; saving on every scroll key would cost a write per key.
    static func effectsBeforeQuit(_ state: AppState) -> [Effect] {
        state.openLesson.map { [savePosition(of: $0)] } ?? []
    }

    /// Marks the selected (or open) lesson skipped, goes back to the map, and selects the next lesson.
    static func skip(on state: inout AppState) -> [Effect] {
        let index: Int
        switch state.top {
        case .courseMap:
            index = state.selection
        case .lesson(let screen):
            guard let open = state.lessons.firstIndex(where: { $0.id == screen.lessonID }) else { return [] }
            state.screens.removeLast()
            index = open
        default:
            return []
        }
        guard state.lessons.indices.contains(index) else { return [] }
        let id = state.lessons[index].id
        var effects: [Effect] = [.recordProgress(.skipped(lesson: id))]
        let next = min(index + 1, state.lessons.count - 1)
        // The "continue" mark follows the learner past the skipped lesson.
        if next != index, state.game.resumeLessonID == nil || state.game.resumeLessonID == id {
            effects.append(.recordProgress(.moved(to: ResumePosition(lesson: state.lessons[next].id))))
        }
        state.selection = next
        state.mapScroll = state.map.scroll(showing: next, from: state.mapScroll, height: state.mapHeight)
        return effects
    }
}
