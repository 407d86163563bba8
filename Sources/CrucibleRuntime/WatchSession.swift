import CrucibleEngine
import Foundation

/// What makes `crucible watch` check again.
public enum WatchTrigger: Sendable {
    /// The first check, when watching starts.
    case start
    /// Files changed under the workspace folder.
    case saved(FileChanges)
    /// The learner pressed Enter.
    case enter
}

/// What a watch session has to tell the learner; the command decides how each is printed.
public enum WatchReport: Sendable {
    /// A line for standard output: what is watched, what triggered a check, why a save was not checked.
    case line(String)
    /// A check's result, and what recording it earned (empty when it was not counted).
    case checked(CheckResult, events: [GameEvent])
    /// A problem for standard error, such as a check that could not be recorded.
    case problem(String)
}

/// One `crucible watch` run: turns saves and Enter presses into checks, one at a time, and
/// reports each result.
///
/// Triggers go through a stream that keeps only the newest one waiting: a save during a
/// check queues exactly one re-run after it, however many saves came meanwhile. A running
/// check is never cancelled by a save, so a slow compile always ends with a result.
public final class WatchSession: Sendable {
    public let lesson: Lesson
    public let folder: URL
    let engine: CheckEngine
    /// Where checks are recorded; nil when the progress file cannot be opened (watching still works).
    let recorder: LearnerActionRecorder?
    let report: @Sendable (WatchReport) -> Void
    /// How the commands it suggests name the course, workspace and progress file.
    let followUp: FollowUpCommands
    private let triggers: AsyncStream<WatchTrigger>
    private let continuation: AsyncStream<WatchTrigger>.Continuation
    /// After a first Ctrl-C, how long a check may take to stop its processes before the command just exits.
    static let stopGrace: DispatchTimeInterval = .seconds(5)

    public init(
        lesson: Lesson, folder: URL, engine: CheckEngine, recorder: LearnerActionRecorder?,
        followUp: FollowUpCommands = .plain, report: @escaping @Sendable (WatchReport) -> Void
    ) {
        self.lesson = lesson
        self.followUp = followUp
        self.folder = folder
        self.engine = engine
        self.recorder = recorder
        self.report = report
        (triggers, continuation) = AsyncStream.makeStream(of: WatchTrigger.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Checks again after the running check, as Enter does.
    public func checkAgain() { continuation.yield(.enter) }

    /// Ends the session once the running check (if any) has reported.
    public func finish() { continuation.finish() }

    /// Watches with `mode` (nil: only ``checkAgain()`` triggers checks) and checks once per trigger
    /// until ``finish()`` or the task is cancelled (which stops a running check's processes).
    public func run(watching mode: FileWatchMode?) async throws {
        let watcher = try startWatching(mode)
        await checkEach(of: triggers)
        watcher?.stop()
        say("stopped watching `\(lesson.id)`")
    }

    /// Watches with `mode` (nil: only Enter triggers checks) until Ctrl-C, SIGTERM, or, without a
    /// watcher, the end of standard input. Blocks the calling thread.
    public func runOnTerminal(watching mode: FileWatchMode?) throws {
        let watcher = try startWatching(mode)
        readEnterPresses(finishingAtEnd: watcher == nil)
        let finished = DispatchSemaphore(value: 0)
        let checks = Task {
            await self.checkEach(of: self.triggers)
            finished.signal()
        }
        let signalSources = stopOnSignals {
            self.finish()
            checks.cancel()
        }
        finished.wait()
        watcher?.stop()
        signalSources.forEach { $0.cancel() }
        say("stopped watching `\(lesson.id)`")
    }

    /// Starts the file watcher (none for nil), says what is watched, and queues the first check.
    private func startWatching(_ mode: FileWatchMode?) throws -> FileWatcher? {
        let watcher = mode.map { FileWatcher(folders: [folder], options: .init(mode: $0)) }
        do {
            // Filtered here, not when taken: a waiting save of a lesson file must not be
            // replaced in the one-slot buffer by a later save of some unrelated file.
            try watcher?.start { [self] changes in
                if needsAttention(changes) { continuation.yield(.saved(changes)) }
            }
        } catch {
            throw CommandFailure(message: "cannot watch \(folder.path): \(error); try --poll or --manual")
        }
        switch watcher?.mode {
        case .inotify?: say("watching \(folder.path) for changes; Enter checks now, Ctrl-C stops")
        case .polling?:
            let interval = watcher?.options.pollInterval ?? .zero
            say("watching \(folder.path) for changes (polling every \(interval)); Enter checks now, Ctrl-C stops")
        default: say("your files are in \(folder.path); press Enter to check, Ctrl-C stops")
        }
        continuation.yield(.start)
        return watcher
    }

    /// Checks once per trigger until the stream ends or the task is cancelled.
    private func checkEach(of triggers: AsyncStream<WatchTrigger>) async {
        // The lesson files as the last check read them (read just before it, so a save during the
        // check differs from them and is checked), to tell a save that changed nothing from one that did.
        var lastChecked: [String: Data]?
        for await trigger in triggers {
            let contents = lessonFileContents()
            guard let reason = announcement(for: trigger, unchanged: contents != nil && contents == lastChecked) else { continue }
            say(reason)
            lastChecked = contents
            // Check the very bytes just compared; only a file that could not be read goes back
            // through the folder, for the engine's message naming it.
            let result =
                if let contents { await engine.check(lesson: lesson, files: contents, workspace: folder) } else {
                    await engine.check(lesson: lesson, folder: folder)
                }
            if Task.isCancelled { return }  // stopped mid-check: the result is a cancellation, not news
            report(.checked(result, events: record(result, after: trigger)))
        }
    }

    /// The lesson's files in the workspace (name → content), or nil when one cannot be read.
    private func lessonFileContents() -> [String: Data]? {
        var contents: [String: Data] = [:]
        for name in lesson.code?.starter ?? [] {
            guard let data = try? Workspace.readLearnerFile(folder.appendingPathComponent(name)) else { return nil }
            contents[name] = data
        }
        return contents
    }

    /// The line printed before a check, or nil when the trigger needs no check: a save that left
    /// the lesson's files as they were when last checked (`unchanged`) is only reported.
    private func announcement(for trigger: WatchTrigger, unchanged: Bool) -> String? {
        let time = Date().formatted(.dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits).second(.twoDigits))
        switch trigger {
        case .start:
            return "\n[\(time)] checking `\(lesson.id)`"
        case .enter:
            return "\n[\(time)] checking again"
        case .saved(let changes):
            if !changes.missingFolders.isEmpty {
                say(
                    "\n[\(time)] your workspace folder \(folder.path) was removed; waiting for it to come back "
                        + "(`\(followUp.command("check", lesson.id))` copies the starter again)")
                return nil
            }
            if !changes.restoredFolders.isEmpty { return "\n[\(time)] your workspace folder is back; checking" }
            let files = changedLessonFiles(changes).joined(separator: ", ")
            if unchanged {
                say("\n[\(time)] \(files) saved without changes; the result above stands")
                return nil
            }
            return "\n[\(time)] \(files) changed; checking"
        }
    }

    /// Whether `changes` touch a file the check reads, or the workspace folder itself; saves of
    /// notes or build output do not.
    private func needsAttention(_ changes: FileChanges) -> Bool {
        !changes.missingFolders.isEmpty || !changes.restoredFolders.isEmpty || !changedLessonFiles(changes).isEmpty
    }

    /// The lesson's own files among `changes`, relative to the workspace folder; a changed folder
    /// counts when a lesson file lies inside it.
    private func changedLessonFiles(_ changes: FileChanges) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let lessonFiles = (lesson.code?.starter ?? []).map { base + $0 }
        return changes.paths.filter { path in
            lessonFiles.contains { $0 == path || $0.hasPrefix(path + "/") }
        }.map { String($0.dropFirst(base.count)) }
    }

    /// Counts a check in the learner's progress when it counts as an attempt
    /// (``CheckResult/countsAsAttempt``), except a failed first check: just starting `watch`
    /// must not cost the first-try bonus. Returns what to celebrate, as `crucible check` prints it.
    private func record(_ result: CheckResult, after trigger: WatchTrigger) -> [GameEvent] {
        guard let recorder, result.countsAsAttempt else { return [] }
        if case .start = trigger, !result.passed { return [] }
        do {
            return try recorder(
                .checked(
                    lesson: lesson.id, passed: result.passed, contentHash: nil,
                    summary: CheckSummary(result, origin: .watch), measured: CheckMeasurement(result)))
        } catch {
            report(.problem("crucible: could not record this check: \(error)"))
            return []
        }
    }

    /// Reads standard input on a thread of its own (a blocking read must not hold a pool thread)
    /// and turns each line into a check; at end of input, ends the session if asked.
    ///
    /// Reads the descriptor with read(2), not `readLine`: stdio would hold stdin's lock while
    /// blocked, and `exit` (which flushes every stdio stream) would then wait forever.
    private func readEnterPresses(finishingAtEnd: Bool) {
        let reader = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                if buffer[..<count].contains(UInt8(ascii: "\n")) { checkAgain() }
            }
            if finishingAtEnd { finish() }
        }
        reader.name = "crucible.watch-stdin"
        reader.start()
    }

    /// Ends the session cleanly on Ctrl-C or SIGTERM: `stop` cancels the running check (which
    /// kills its processes); if that takes longer than ``stopGrace`` or the signal comes again, exits at once.
    private func stopOnSignals(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        let seen = SignalCount()
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // the dispatch source sees it instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard seen.increment() == 1 else { exit(ExitStatus.success) }
                stop()
                DispatchQueue.global().asyncAfter(deadline: .now() + Self.stopGrace) { exit(ExitStatus.success) }
            }
            source.resume()
            return source
        }
    }

    private func say(_ text: String) { report(.line(text)) }
}

/// How many stop signals arrived.
private final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

extension WatchSession {
    /// The code lesson to watch: the one named `id`, else the one the learner left off at (with a
    /// line saying so), else the next code lesson after it that is not passed yet.
    public static func lessonToWatch(
        _ id: String?, in loaded: CourseLoadResult,
        progress: CourseProgress?, followUp: FollowUpCommands = .plain
    ) throws -> (lesson: Lesson, why: String?) {
        let (lesson, why) = try chooseLesson(id, in: loaded, progress: progress, followUp: followUp)
        guard lesson.kind == .code else {
            throw CommandFailure(
                message: "`\(lesson.id)` is a \(lesson.kind.rawValue) lesson; watch re-checks code lessons "
                    + "(answer this one with `\(followUp.command("check", lesson.id))`)")
        }
        return (lesson, why)
    }

    private static func chooseLesson(
        _ id: String?, in loaded: CourseLoadResult, progress: CourseProgress?, followUp: FollowUpCommands
    ) throws -> (Lesson, String?) {
        if let id { return (try requireLesson(id, in: loaded, followUp: followUp), nil) }
        let usage = "give the id of a code lesson: \(followUp.command("watch", "ID")) (`\(followUp.command("list"))` shows them)"
        guard let progress, let position = progress.position, let current = loaded.lesson(withID: position.lesson) else {
            throw CommandFailure(message: "you have not opened a lesson yet; " + usage)
        }
        if current.kind == .code { return (current, "watching `\(current.id)`, where you left off") }
        let after = (loaded.course?.lessons ?? []).drop { $0.id != current.id }.dropFirst()
        guard let next = after.first(where: { $0.kind == .code && !progress[lesson: $0.id].isPassed }) else {
            throw CommandFailure(
                message: "you left off at `\(current.id)`, a \(current.kind.rawValue) lesson, "
                    + "and no code lesson after it is waiting; " + usage)
        }
        return (next, "watching `\(next.id)`, the next code lesson after `\(current.id)` where you left off")
    }
}
