import CPipe
import Foundation

/// Watches folders for saved, created, renamed and deleted files and reports
/// each burst of changes once, after a quiet period.
///
/// Events are gathered on a dedicated thread (never the cooperative pool) that
/// sleeps in poll(2) on an inotify descriptor, or wakes every poll interval to
/// rescan when inotify is unavailable or polling was asked for. ``stop()`` wakes
/// that thread through a pipe and returns once it has ended. The running thread keeps
/// the watcher alive, so a started watcher runs until ``stop()`` (or, for ``changes()``,
/// until its stream's iteration ends).
///
/// ```swift
/// let watcher = FileWatcher(folders: [workspace])
/// for await changes in try watcher.changes() { rerun(changes.paths) }
/// ```
public final class FileWatcher: @unchecked Sendable {
    /// Timing and filtering of a watcher.
    public struct Options: Sendable {
        public var mode: FileWatchMode
        /// How long the folders must be quiet before a batch is reported.
        public var quietPeriod: Duration
        /// The longest a batch waits after its first event, however busy the folders are.
        public var maximumDelay: Duration
        /// How often polling rescans; with inotify, how often the watched folders themselves are checked.
        public var pollInterval: Duration
        public var filter: WatchFilter

        public init(
            mode: FileWatchMode = .automatic, quietPeriod: Duration = .milliseconds(150),
            maximumDelay: Duration = .seconds(2), pollInterval: Duration = .milliseconds(500),
            filter: WatchFilter = .editorLitter
        ) {
            self.mode = mode
            self.quietPeriod = quietPeriod
            self.maximumDelay = maximumDelay
            self.pollInterval = pollInterval
            self.filter = filter
        }
    }

    /// The watched folders, as absolute paths; reported paths start with one of them.
    public let folders: [String]
    public let options: Options

    private let lock = NSLock()
    private var state = State.idle
    private var activeMode: FileWatchMode?
    /// Write end of the pipe that wakes the thread to stop; -1 once the thread has closed it.
    private var wakeWriteFD: Int32 = -1
    private var watcherThread: pthread_t?
    private let finished = DispatchSemaphore(value: 0)

    private enum State { case idle, running, stopping, stopped }

    /// Prepares to watch `folders` (and the folders inside them); nothing happens until ``start(onChange:)``.
    public init(folders: [URL], options: Options = Options()) {
        self.folders = folders.map { $0.standardizedFileURL.path }
        self.options = options
    }

    deinit { stop() }

    /// How changes are being noticed, `.inotify` or `.polling`; nil before ``start(onChange:)``.
    public var mode: FileWatchMode? {
        lock.withLock { activeMode }
    }

    /// Starts watching and calls `onChange` with each batch, on the watcher's own thread.
    ///
    /// Keep `onChange` short: events are not read while it runs. Throws
    /// ``FileWatcherError`` if a folder does not exist, if inotify was asked for
    /// and is unavailable, or if the watcher was started before.
    public func start(onChange: @escaping @Sendable (FileChanges) -> Void) throws {
        try start(onChange: onChange, onEnd: {})
    }

    /// Starts watching and returns the batches as a stream that ends when the watcher stops.
    ///
    /// Ending the stream's iteration (or cancelling its task) stops the watcher.
    /// Batches are buffered without limit; a slow consumer sees every batch.
    public func changes() throws -> AsyncStream<FileChanges> {
        let (stream, continuation) = AsyncStream.makeStream(of: FileChanges.self)
        continuation.onTermination = { [weak self] _ in self?.stop() }
        try start(onChange: { continuation.yield($0) }, onEnd: { continuation.finish() })
        return stream
    }

    /// Stops watching and returns once the watcher's thread has ended; no batch is
    /// delivered afterwards. Safe to call more than once, from any thread, including `onChange`.
    public func stop() {
        let waitForThread: Bool = lock.withLock {
            switch state {
            case .idle:
                state = .stopped
                return false
            case .running:
                state = .stopping
                var byte: UInt8 = 1
                _ = write(wakeWriteFD, &byte, 1)
                fallthrough
            case .stopping:
                // From the watcher's own thread (inside onChange) waiting would deadlock.
                return watcherThread.map { pthread_equal($0, pthread_self()) == 0 } ?? true
            case .stopped:
                return false
            }
        }
        if waitForThread {
            finished.wait()
            finished.signal()  // let other callers of stop() through too
        }
    }

    private func start(onChange: @escaping @Sendable (FileChanges) -> Void, onEnd: @escaping @Sendable () -> Void) throws {
        try lock.withLock {
            guard state == .idle else { throw FileWatcherError("a FileWatcher can be started only once") }
            state = .running  // claims the watcher before the slow set-up below
        }
        let source: ChangeSource
        let wakeReadFD: Int32
        do {
            source = try makeSource()
            var ends: [Int32] = [-1, -1]
            guard cloexec_pipe(&ends) == 0 else {
                source.close()
                throw FileWatcherError("cannot create a pipe: \(String(cString: strerror(errno)))")
            }
            wakeReadFD = ends[0]
            lock.withLock {
                wakeWriteFD = ends[1]
                activeMode = source is InotifySource ? .inotify : .polling
            }
        } catch {
            lock.withLock { state = .stopped }
            finished.signal()
            throw error
        }
        let thread = Thread { [self] in
            lock.withLock { watcherThread = pthread_self() }
            run(source: source, wakeReadFD: wakeReadFD, onChange: onChange)
            source.close()
            Glibc.close(wakeReadFD)
            lock.withLock {
                Glibc.close(wakeWriteFD)
                wakeWriteFD = -1
                state = .stopped
            }
            onEnd()
            finished.signal()
        }
        thread.name = "crucible.file-watcher"
        thread.start()
        // A stop() that raced with set-up found no pipe to write to; honour it now.
        lock.withLock {
            if state == .stopping { var byte: UInt8 = 1; _ = write(wakeWriteFD, &byte, 1) }
        }
    }

    private func makeSource() throws -> ChangeSource {
        let interval = options.pollInterval
        switch options.mode {
        case .polling:
            return try PollingSource(roots: folders, filter: options.filter, interval: interval)
        case .inotify:
            return try InotifySource(roots: folders, filter: options.filter, rootCheckInterval: interval)
        case .automatic:
            if !folders.contains(where: FolderScan.isRemoteFileSystem),
                let source = try? InotifySource(roots: folders, filter: options.filter, rootCheckInterval: interval)
            {
                return source
            }
            return try PollingSource(roots: folders, filter: options.filter, interval: interval)
        }
    }

    /// The watcher thread's loop: sleep until events, a due rescan, a due batch, or a stop.
    private func run(source: ChangeSource, wakeReadFD: Int32, onChange: @Sendable (FileChanges) -> Void) {
        var debouncer = ChangeDebouncer(quietPeriod: options.quietPeriod, maximumDelay: options.maximumDelay)
        var descriptors = [pollfd(fd: wakeReadFD, events: Int16(POLLIN), revents: 0)]
        if source.descriptor >= 0 { descriptors.append(pollfd(fd: source.descriptor, events: Int16(POLLIN), revents: 0)) }
        while true {
            let now = ContinuousClock.now
            let wake = min(source.nextScan, debouncer.deadline ?? source.nextScan)
            let ready = poll(&descriptors, nfds_t(descriptors.count), (wake - now).roundedUpMilliseconds)
            if ready < 0 && errno != EINTR { return }
            if descriptors[0].revents != 0 { return }  // stop() wrote to the pipe
            source.collect(into: &debouncer, now: .now)
            if let batch = debouncer.release(at: .now), !batch.isEmpty {
                guard lock.withLock({ state == .running }) else { return }
                onChange(batch)
            }
        }
    }
}
