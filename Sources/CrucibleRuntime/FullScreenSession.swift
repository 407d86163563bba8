import CrucibleEngine
import CrucibleUI
import Foundation
import Synchronization

/// The full-screen course: the run loop between a terminal and the app's `update` and `view`.
///
/// Read an event, turn it into actions, apply them with `App.update`, perform the effects it
/// returns (which may send actions back), draw with `App.view`, and present the grid.
/// The loop is the only code that changes the state; the I/O is done by the helpers it calls on
/// its own thread (lesson files, the workspace and the editor in ``LessonWork``, the progress file
/// in ``ProgressSession``), except what runs in the background and reports back as actions:
/// checks and the tool probe (tasks), watched workspaces, and the course loaded again by
/// ``CourseReload`` on its watcher's thread.
public final class FullScreenSession: Sendable {
    /// How the session finds its files and runs its work; the defaults are the learner's.
    public struct Settings: Sendable {
        /// Where progress is kept.
        public var progressFile: URL
        /// Where code lessons' files live; the default workspace when nil.
        public var workspace: Workspace?
        /// A lesson to open right after the first frame (`crucible preview`).
        public var openLesson: String?
        /// Probes the course's tools; ``ToolProbe/shared`` remembers versions on disk.
        public var toolProbe: ToolProbe = .shared
        /// Runs checks (its cache decides what is answered without running).
        public var checkEngine = CheckEngine()
        /// Reload the course when a file under its root changes (live reload for authors).
        public var watchCourse = true
        /// Where `$VISUAL` and `$EDITOR` are looked up for the editor.
        public var environment = ProcessInfo.processInfo.environment
        /// Set when the course given is the stand-in from its index (``CourseStartup/isFromIndex``):
        /// the session loads it in full right after the first frame, through this store.
        public var fullLoadAfterFirstFrame: CourseIndexStore?
        /// Decides, right after the first frame, whether checks run in the sandbox
        /// (``SandboxStatus/detect(turnedOff:environment:)``); nil keeps `checkEngine`'s as it is.
        public var sandbox: (@Sendable () -> SandboxStatus)?
        /// Asks before the first check of a course that is not trusted; nil runs checks freely.
        public var trust: TrustGate?

        public init(progressFile: URL, workspace: Workspace? = nil, openLesson: String? = nil) {
            self.progressFile = progressFile
            self.workspace = workspace
            self.openLesson = openLesson
        }
    }

    private let loaded: CourseLoadResult
    private let root: URL
    private let settings: Settings
    private let reload: CourseReload

    public init(_ loaded: CourseLoadResult, root: URL, settings: Settings) {
        self.loaded = loaded
        self.root = root
        self.settings = settings
        reload = CourseReload(root: root)
    }

    /// Loads the course again now, as a saved file would, and hands it to the loop, which applies
    /// it before the next key it reads (or sooner, when it wakes to look for reloads while watching).
    /// Callable from any thread: tests reload this way instead of waiting for the file watcher.
    public func reloadCourse() {
        reload.reloadNow()
    }

    /// Runs until the user quits. The terminal must be started by the caller and is left started.
    public func run(on terminal: some TerminalDevice) {
        let course = loaded.courseOrUntitled(root: root)
        let (progress, openingNotices) = ProgressSession.openForFullScreen(course: course, file: settings.progressFile)
        let lessonWork = LessonWork(
            workspace: settings.workspace ?? Workspace(root: Workspace.defaultRoot(), courseID: course.id),
            engine: settings.checkEngine, editorEnvironment: settings.environment)
        // Runs before the caller gives the terminal back: a running check's processes are killed first.
        defer { lessonWork.stopAll() }
        let initial = progress.current
        // The welcome box is for a first launch; afterwards the map opens on the lesson the learner left off at.
        var state = AppState(
            course: course, size: terminal.size, showWelcome: initial.isEmpty, game: GameState(progress: initial),
            theme: Theme.named(initial.settings.theme))
        // The header counts achievements: read before the first frame, so that frame is the last until a key.
        for action in progress.beforeFirstFrame() + openingNotices.map(Action.notice) { _ = App.update(&state, action) }
        var trust = CourseTrustSession(gate: settings.trust, state: &state)
        terminal.present(App.view(state))
        // Slower work waits for the first frame; keys typed meanwhile wait in the terminal's buffer.
        // The first frame came from the index: checks, quizzes and programs come from the files,
        // loaded meanwhile on a thread of their own; the first key waits for them if it must.
        var fullLoad = settings.fullLoadAfterFirstFrame.map(FullCourseLoad.init)
        /// Work that needs every lesson as the files have it.
        func afterFullLoad(_ course: Course) -> [Action] {
            lessonWork.startToolProbe(in: course, probe: settings.toolProbe)
            return trust.decide(course) + progress.afterFirstFrame()
        }
        /// The full load's course put in place of the stand-in, once it is in.
        func finishFullLoad(_ load: FullCourseLoad) -> [Action] {
            let loaded = load.wait()
            fullLoad = nil
            // The same course redraws nothing; one changed since the index was made shows as a reload.
            // Without a course (course.yml broke meanwhile) only the notice goes on: content hashes of
            // the stand-in's lessons would mark every passed lesson as updated.
            guard case .courseReloaded(let course, _) = loaded else { return [loaded] }
            progress.follow(course)
            return [loaded] + afterFullLoad(course)
        }
        var pending = fullLoad == nil ? afterFullLoad(course) : []
        // Trying bwrap takes milliseconds: after the first frame, before the first key can start a check.
        if let detect = settings.sandbox {
            let status = detect()
            lessonWork.engine.sandbox = status.sandbox
            if let note = status.shortNotice { pending.append(.statusNote(note)) }
        }
        // Authors see a saved lesson file at once. Watching starts after the first frame (it
        // walks the course's folders), and a watcher that cannot start only means no live reload.
        let watching = settings.watchCourse && reload.startWatching()
        defer { reload.stop() }
        // A lesson opened at once must be the one in the files, not the index's stand-in.
        if settings.openLesson != nil, let load = fullLoad { pending = finishFullLoad(load) + pending }
        if let openLesson = settings.openLesson, let index = state.lessons.firstIndex(where: { $0.id == openLesson }) {
            state.selection = index
            pending.append(.command(.open))
        }
        // Progress is saved (with an fsync) after the frame it follows is on screen, so no key waits for the disk.
        var saves: [LearnerAction] = []
        while true {
            while !pending.isEmpty {
                let action = pending.removeFirst()
                let generation = state.courseGeneration
                let effects = App.update(&state, action)
                // What is recorded from now on (content hashes, the outline) follows a reloaded course,
                // and the map marks the tools of lessons it added.
                if state.courseGeneration != generation {
                    progress.follow(state.course)
                    lessonWork.startToolProbe(in: state.course, probe: settings.toolProbe)
                    pending += trust.decideAfterReload(state.course)
                }
                for effect in effects {
                    switch effect {
                    case .quit:
                        for action in saves { _ = progress.recordActions(action) }
                        return
                    case .recordProgress(let action):
                        saves.append(action)
                    case .rememberTrust:
                        pending += trust.remember()
                    // The screen already drops these (App.withoutUntrustedChecks); this is where
                    // running is refused, whatever the screen's state says.
                    case .runCheck where !trust.isTrusted:
                        pending.append(.notice("This course is not trusted yet, so nothing was run."))
                    case .loadLessonBody, .prepareWorkspace, .openEditor, .runCheck, .cancelCheck, .watchWorkspace, .stopWatching,
                        .loadSolution:
                        pending += lessonWork.perform(effect, terminal: terminal)
                    }
                }
            }
            terminal.present(App.view(state))
            if !saves.isEmpty {
                pending = saves.flatMap(progress.recordActions)
                saves = []
                continue
            }
            // Blocking read: a key, resize (SIGWINCH) or Ctrl-C (SIGINT, no SA_RESTART) ends the wait.
            // While a check runs or something animates, the read times out to advance the spinner.
            var timeout = lessonWork.readTimeout(animating: App.wantsTimer(state))
            if watching { timeout = timeout < 0 ? CourseReload.poll : min(timeout, CourseReload.poll) }
            if fullLoad != nil { timeout = timeout < 0 ? FullCourseLoad.poll : min(timeout, FullCourseLoad.poll) }
            let event = terminal.readEvent(timeout: timeout)
            // Finished checks, saves in a watched workspace, elapsed time and animation frames,
            // and the course itself when an author saved one of its files.
            pending = lessonWork.collect(animating: App.wantsTimer(state)) + reload.collect()
            // Applied before any key, so no key acts on a stand-in lesson.
            if let load = fullLoad, event != nil || load.isFinished { pending = finishFullLoad(load) + pending }
            guard let event else { continue }
            // One stat: progress another process saved (`crucible check` in another terminal) shows at the next key.
            pending = progress.reloadActions() + pending + [Action.input(event)]
        }
    }
}

/// The course loaded in full after a first frame drawn from its index, on a thread of its own.
private final class FullCourseLoad: Sendable {
    /// How often the run loop wakes to look for it while no key comes, in milliseconds.
    static let poll: Int32 = 20

    private let result = Mutex<Action?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ index: CourseIndexStore) {
        let thread = Thread { [self] in
            let action = CourseReload.action(for: index.load())
            result.withLock { $0 = action }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var isFinished: Bool { result.withLock { $0 != nil } }

    /// The reload action, once the load has finished.
    func wait() -> Action {
        finished.wait()
        finished.signal()
        return result.withLock { $0! }
    }
}
