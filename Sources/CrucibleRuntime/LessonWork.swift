import CrucibleEngine
import CrucibleUI
import Foundation

/// Performs the lesson screen's effects for the run loop: the workspace, the editor,
/// background checks with cancellation, watch mode, and the reference solution.
///
/// Every effect carries its lesson as the app state has it now, so nothing here holds a course:
/// after a live reload a check runs the reloaded steps, and a lesson the reload added works at once.
/// Checks run as tasks and watchers on their own threads; what they report waits in an
/// inbox the run loop empties after every read. While a check runs the loop reads with a
/// short timeout, so the spinner's elapsed time advances and the result shows promptly
/// while keys, resizes and scrolling go on as usual.
final class LessonWork {
    let workspace: Workspace
    /// Set before the first check; checks already running keep the engine they started with.
    var engine: CheckEngine
    private let inbox = ActionInbox()
    private var checks: [String: RunningCheck] = [:]
    private var watchers: [String: FileWatcher] = [:]
    private let clock = ContinuousClock()
    private var lastTimer: ContinuousClock.Instant?
    /// The probe of the course's tools while it runs; ``Action/toolsProbed(missing:broken:tooOld:otherPlatform:)`` ends it.
    private var toolProbe: Task<Void, Never>?

    private struct RunningCheck {
        let task: Task<Void, Never>
        let started: ContinuousClock.Instant
    }

    /// Milliseconds between timer actions (spinner, elapsed time, celebration frames).
    static let tick: Int32 = 100
    /// How often to look for saves reported by a watcher when nothing else is going on.
    static let watchPoll: Int32 = 250

    /// The editor command when the learner has set none, from the environment the program started with.
    private let editorEnvironment: [String: String]

    init(
        workspace: Workspace, engine: CheckEngine = CheckEngine(),
        editorEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.workspace = workspace
        self.engine = engine
        self.editorEnvironment = editorEnvironment
    }

    /// Performs a lesson effect; returns the actions that answer it at once (the rest arrive through ``collect(animating:)``).
    func perform(_ effect: Effect, terminal: some TerminalDevice) -> [Action] {
        switch effect {
        case .loadLessonBody(let lesson):
            return [.lessonLoaded(lessonID: lesson.id, LessonSource.load(for: lesson))]
        case .prepareWorkspace(let lesson):
            return [.workspacePrepared(lessonID: lesson.id, prepare(lesson))]
        case .openEditor(let lesson):
            return openEditor(lesson, terminal: terminal)
        case .runCheck(let lesson):
            startCheck(lesson)
        case .cancelCheck(let id):
            // Cancelling the task kills the step's process group (ProcessRunner's cancellation handler).
            checks[id]?.task.cancel()
        case .watchWorkspace(let lesson):
            return startWatching(lesson)
        case .stopWatching(let id):
            watchers.removeValue(forKey: id)?.stop()
        case .loadSolution(let lesson):
            return [.solutionLoaded(lessonID: lesson.id, Self.loadSolution(lesson))]
        case .quit, .recordProgress, .rememberTrust:
            break
        }
        return []
    }

    /// How long the run loop may block reading a key: briefly while a check runs or something animates,
    /// a little longer while watching, else until a key arrives.
    func readTimeout(animating: Bool) -> Int32 {
        if !checks.isEmpty || animating || toolProbe != nil { return Self.tick }
        return watchers.isEmpty ? -1 : Self.watchPoll
    }

    /// What arrived since the last call: finished checks and saves, then the elapsed time of
    /// running checks and a timer tick when one is due.
    func collect(animating: Bool) -> [Action] {
        var actions = inbox.take()
        for case .checkFinished(let id, _) in actions { checks[id] = nil }
        if actions.contains(where: Self.isToolReport) { toolProbe = nil }
        let now = clock.now
        for (id, check) in checks.sorted(by: { $0.key < $1.key }) {
            actions.append(.checkElapsed(lessonID: id, seconds: Self.seconds(now - check.started)))
        }
        if animating, lastTimer.map({ now - $0 >= .milliseconds(Int(Self.tick) - 10) }) ?? true {
            lastTimer = now
            actions.append(.timer)
        }
        return actions
    }

    /// Cancels every running check and the tool probe and waits (at most `patience`) until their
    /// process groups are killed, so quitting never leaves a learner's program or a hung tool
    /// running; then stops the watchers.
    func stopAll(patience: Duration = .seconds(3)) {
        for check in checks.values { check.task.cancel() }
        toolProbe?.cancel()
        let deadline = clock.now + patience
        while (!checks.isEmpty || toolProbe != nil) && clock.now < deadline {
            let actions = inbox.take()
            for case .checkFinished(let id, _) in actions { checks[id] = nil }
            if actions.contains(where: Self.isToolReport) { toolProbe = nil }
            if !checks.isEmpty || toolProbe != nil { usleep(10_000) }
        }
        for watcher in watchers.values { watcher.stop() }
        watchers = [:]
    }

    // MARK: - Tools

    /// Finds the tools the course's checks run that are missing or do not work, on a task: a
    /// probe runs each tool, and one that hangs is waited for until its deadline, which keys
    /// must not wait for. The map marks their lessons when ``collect(animating:)`` reports it.
    /// While a probe runs another is not started (its report could overtake the newer one's);
    /// tools are remembered per process, so probing a reloaded course again is cheap.
    func startToolProbe(in course: Course, probe: ToolProbe = .shared) {
        guard toolProbe == nil else { return }
        let inbox = inbox
        toolProbe = Task.detached {
            inbox.post(await toolsProbed(in: course, probe: probe))
        }
    }

    private static func isToolReport(_ action: Action) -> Bool {
        if case .toolsProbed = action { true } else { false }
    }

    // MARK: - Workspace and solution

    private func prepare(_ lesson: Lesson) -> Result<WorkspaceFiles, LessonLoadFailure> {
        do {
            let preparation = try workspace.prepare(lesson)
            let files = (lesson.code?.starter ?? []).map { preparation.folder.appendingPathComponent($0).path }
            return .success(WorkspaceFiles(folder: preparation.folder.path, files: files, starterChanged: preparation.starterChanged))
        } catch {
            return .failure(LessonLoadFailure("\(error)"))
        }
    }

    static func loadSolution(_ lesson: Lesson) -> Result<[SolutionFile], LessonLoadFailure> {
        let folder = lesson.folder.appendingPathComponent("solution")
        var files: [SolutionFile] = []
        for name in lesson.code?.solution ?? [] {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                return .failure(LessonLoadFailure("\(folder.appendingPathComponent(name).path) cannot be read"))
            }
            files.append(SolutionFile(name: name, text: text))
        }
        return .success(files)
    }

    // MARK: - Checks

    private func startCheck(_ lesson: Lesson) {
        guard checks[lesson.id] == nil else { return }
        let engine = engine, workspace = workspace, inbox = inbox, id = lesson.id
        let task = Task.detached {
            let result: CheckResult
            if lesson.kind == .predict {
                result =
                    await engine.runPredictProgram(lesson)
                    ?? CheckResult(lessonID: id, outcome: .engineError, message: "the lesson does not run its program")
            } else {
                result = await engine.check(lesson: lesson, workspace: workspace)
            }
            inbox.post(.checkFinished(lessonID: id, result))
        }
        checks[id] = RunningCheck(task: task, started: clock.now)
    }

    // MARK: - Watch mode

    private func startWatching(_ lesson: Lesson) -> [Action] {
        guard watchers[lesson.id] == nil else { return [] }
        // The folder must exist before it can be watched.
        if case .failure(let failure) = prepare(lesson) {
            return [.editorClosed(lessonID: lesson.id, failure: "Cannot watch the workspace: " + failure.message)]
        }
        let watcher = FileWatcher(folders: [workspace.folder(for: lesson.id)])
        let inbox = inbox, id = lesson.id
        do {
            try watcher.start { _ in inbox.post(.workspaceChanged(lessonID: id)) }
        } catch {
            return [.editorClosed(lessonID: id, failure: "Cannot watch the workspace: \(error)")]
        }
        watchers[id] = watcher
        return []
    }

    // MARK: - Editor

    /// Gives the terminal to the learner's editor on the lesson's files, then takes it back.
    private func openEditor(_ lesson: Lesson, terminal: some TerminalDevice) -> [Action] {
        let files: [String]
        switch prepare(lesson) {
        case .success(let prepared): files = prepared.files
        case .failure(let failure): return [.editorClosed(lessonID: lesson.id, failure: "Cannot open the editor: " + failure.message)]
        }
        guard let editor = Editor.command(environment: editorEnvironment) else {
            return [.editorClosed(lessonID: lesson.id, failure: "No editor found: set $EDITOR (or $VISUAL), or install nano or vi.")]
        }
        let status = terminal.suspend { Editor.run(editor, files: files) }
        return [
            .workspacePrepared(lessonID: lesson.id, prepare(lesson)),
            .editorClosed(lessonID: lesson.id, failure: status == 0 ? nil : "The editor `\(editor)` ended with status \(status)."),
        ]
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// The course's tool problems as the action that puts them on the map.
private func toolsProbed(in course: Course, probe: ToolProbe) async -> Action {
    let problems = await probe.problems(in: course)
    return .toolsProbed(
        missing: problems.missing, broken: problems.broken, tooOld: problems.tooOld, otherPlatform: problems.otherPlatform)
}
