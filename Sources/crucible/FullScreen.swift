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
    static func run(_ loaded: CourseLoadResult, root: URL) throws {
        let course = loaded.course ?? Course(id: "untitled", title: "Untitled course (course.yml has errors)",
                                            welcome: "", final: nil, root: root, tracks: loaded.tracks)
        let terminal = TerminalScreen()
        try terminal.start()
        defer { terminal.stop() }
        var state = AppState(course: course, size: terminal.size)
        terminal.present(App.view(state))
        while true {
            // Blocking read: a key, resize (SIGWINCH) or Ctrl-C (SIGINT, no SA_RESTART) ends the wait.
            guard let event = terminal.readEvent(timeout: -1) else { continue }
            var pending = [Action.input(event)]
            while !pending.isEmpty {
                let action = pending.removeFirst()
                for effect in App.update(&state, action) {
                    switch effect {
                    case .quit:
                        return
                    case .loadLessonBody(let id):
                        guard let lesson = state.lesson(withID: id) else { continue }
                        pending.append(.lessonLoaded(lessonID: id, LessonSource.load(for: lesson)))
                    }
                }
            }
            terminal.present(App.view(state))
        }
    }
}
