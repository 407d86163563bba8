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
    /// Code lessons' files live in `workspace` (the default workspace when nil).
    /// With `openLesson`, that lesson opens right after the first frame (`crucible preview`).
    /// Tools are probed with `toolProbe`, which remembers versions on disk unless it was made without a cache file.
    static func run(_ loaded: CourseLoadResult, root: URL, progressFile: URL, workspace: Workspace? = nil,
                    openLesson: String? = nil, toolProbe: ToolProbe = .shared) throws {
        let course = loaded.course ?? Course(id: "untitled", title: "Untitled course (course.yml has errors)",
                                            welcome: "", final: nil, root: root, tracks: loaded.tracks)
        let progress = FullScreenProgress(course: course, file: progressFile)
        let lessonWork = LessonWork(course: course, workspace: workspace ?? Workspace(root: Workspace.defaultRoot(), courseID: course.id))
        let terminal = TerminalScreen()
        try terminal.start()
        defer { terminal.stop() }
        // Runs before the terminal is given back: a running check's processes are killed first.
        defer { lessonWork.stopAll() }
        let initial = progress.initial
        // The welcome box is for a first launch; afterwards the map opens on the lesson the learner left off at.
        var state = AppState(course: course, size: terminal.size, showWelcome: initial.isEmpty, game: GameState(progress: initial),
                             theme: Theme.named(initial.settings.theme))
        for notice in progress.openingNotices { _ = App.update(&state, .notice(notice)) }
        terminal.present(App.view(state))
        // Slower work waits for the first frame; keys typed meanwhile wait in the terminal's buffer.
        var pending = progress.afterFirstFrame()
        lessonWork.startToolProbe(probe: toolProbe)
        // Authors see a saved lesson file at once. Watching starts after the first frame (it
        // walks the course's folders), and a watcher that cannot start only means no live reload.
        let reload = CourseReload(root: root)
        defer { reload?.stop() }
        if let openLesson, let index = state.lessons.firstIndex(where: { $0.id == openLesson }) {
            state.selection = index
            pending.append(.command(.open))
        }
        // Progress is saved (with an fsync) after the frame it follows is on screen, so no key waits for the disk.
        var saves: [LearnerAction] = []
        while true {
            while !pending.isEmpty {
                let action = pending.removeFirst()
                for effect in App.update(&state, action) {
                    switch effect {
                    case .quit:
                        for action in saves { _ = progress.record(action) }
                        return
                    case .loadLessonBody(let id):
                        guard let lesson = state.lesson(withID: id) else { continue }
                        pending.append(.lessonLoaded(lessonID: id, LessonSource.load(for: lesson)))
                    case .recordProgress(let action):
                        saves.append(action)
                    case .prepareWorkspace, .openEditor, .runCheck, .cancelCheck, .watchWorkspace, .loadSolution:
                        pending += lessonWork.perform(effect, terminal: terminal)
                    }
                }
            }
            terminal.present(App.view(state))
            if !saves.isEmpty {
                pending = saves.flatMap(progress.record)
                saves = []
                continue
            }
            // Blocking read: a key, resize (SIGWINCH) or Ctrl-C (SIGINT, no SA_RESTART) ends the wait.
            // While a check runs or something animates, the read times out to advance the spinner.
            var timeout = lessonWork.readTimeout(animating: App.wantsTimer(state))
            if reload != nil { timeout = timeout < 0 ? CourseReload.poll : min(timeout, CourseReload.poll) }
            let event = terminal.readEvent(timeout: timeout)
            // Finished checks, saves in a watched workspace, elapsed time and animation frames,
            // and the course itself when an author saved one of its files.
            pending = lessonWork.collect(animating: App.wantsTimer(state)) + (reload?.collect() ?? [])
            guard let event else { continue }
            // One stat: progress another process saved (`crucible check` in another terminal) shows at the next key.
            pending = progress.reloadIfChanged() + pending + [Action.input(event)]
        }
    }
}
