import CrucibleEngine
import CrucibleTerminal
import CrucibleUI
import Foundation

/// The full-screen course: the run loop between the terminal and the app's `update` and `view`.
///
/// Read an event, turn it into actions, apply them with `App.update`, perform
/// the effects it returns (which may send actions back), draw with `App.view`,
/// and present the grid. Only this loop does I/O.
enum FullScreen {
    /// Runs until the user quits. Throws ``TerminalError`` when the terminal cannot be used.
    /// Progress is kept in `progressFile`.
    static func run(_ loaded: CourseLoadResult, root: URL, progressFile: URL) throws {
        let course = loaded.course ?? Course(id: "untitled", title: "Untitled course (course.yml has errors)",
                                            welcome: "", final: nil, root: root, tracks: loaded.tracks)
        let progress = FullScreenProgress(course: course, file: progressFile)
        let terminal = TerminalScreen()
        try terminal.start()
        defer { terminal.stop() }
        let initial = progress.initial
        // The welcome box is for a first launch; afterwards the map opens on the lesson the learner left off at.
        var state = AppState(course: course, size: terminal.size, showWelcome: initial.isEmpty, game: GameState(progress: initial))
        for notice in progress.openingNotices { _ = App.update(&state, .notice(notice)) }
        terminal.present(App.view(state))
        // Slower work waits for the first frame; keys typed meanwhile wait in the terminal's buffer.
        var pending = progress.afterFirstFrame()
        while true {
            while !pending.isEmpty {
                let action = pending.removeFirst()
                for effect in App.update(&state, action) {
                    switch effect {
                    case .quit:
                        return
                    case .loadLessonBody(let id):
                        guard let lesson = state.lesson(withID: id) else { continue }
                        pending.append(.lessonLoaded(lessonID: id, LessonSource.load(for: lesson)))
                    case .recordProgress(let action):
                        pending += progress.record(action)
                    }
                }
            }
            terminal.present(App.view(state))
            // Blocking read: a key, resize (SIGWINCH) or Ctrl-C (SIGINT, no SA_RESTART) ends the wait.
            guard let event = terminal.readEvent(timeout: -1) else { continue }
            // One stat: progress another process saved (`crucible check` in another terminal) shows at the next key.
            pending = progress.reloadIfChanged() + [Action.input(event)]
        }
    }
}
