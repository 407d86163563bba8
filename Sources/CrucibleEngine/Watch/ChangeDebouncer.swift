/// Gathers raw change events and releases them as one ``FileChanges`` once
/// events have stopped for a quiet period.
///
/// Editors save in bursts (write a temporary file, rename it over the original,
/// fix its mode), and checks are expensive, so a burst should run one check.
/// A folder that never goes quiet (a build writing into it) still yields a batch
/// every `maximumDelay`, so the learner is never left waiting forever.
struct ChangeDebouncer {
    /// How long no event must arrive before a batch is released.
    let quietPeriod: Duration
    /// The longest a batch is held after its first event, however busy the folder is.
    let maximumDelay: Duration

    private var paths: Set<String> = []
    private var missing: Set<String> = []
    private var restored: Set<String> = []
    private var firstEvent: ContinuousClock.Instant?
    private var lastEvent: ContinuousClock.Instant?

    init(quietPeriod: Duration, maximumDelay: Duration) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Whether events are waiting to be released.
    var hasPending: Bool { firstEvent != nil }

    /// Records that `path` changed.
    mutating func changed(_ path: String, at now: ContinuousClock.Instant) {
        paths.insert(path)
        touch(now)
    }

    /// Records that the watched folder `root` disappeared; a later restore in the same batch wins.
    mutating func folderRemoved(_ root: String, at now: ContinuousClock.Instant) {
        missing.insert(root)
        restored.remove(root)
        touch(now)
    }

    /// Records that the watched folder `root` exists again; a later removal in the same batch wins.
    mutating func folderRestored(_ root: String, at now: ContinuousClock.Instant) {
        restored.insert(root)
        missing.remove(root)
        touch(now)
    }

    /// When the pending batch is due, or nil when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        guard let firstEvent, let lastEvent else { return nil }
        return min(lastEvent + quietPeriod, firstEvent + maximumDelay)
    }

    /// Returns the pending batch and starts a new one if its deadline has passed.
    mutating func release(at now: ContinuousClock.Instant) -> FileChanges? {
        guard let deadline, now >= deadline else { return nil }
        let batch = FileChanges(paths: paths.sorted(), missingFolders: missing.sorted(), restoredFolders: restored.sorted())
        self = ChangeDebouncer(quietPeriod: quietPeriod, maximumDelay: maximumDelay)
        return batch
    }

    private mutating func touch(_ now: ContinuousClock.Instant) {
        if firstEvent == nil { firstEvent = now }
        lastEvent = now
    }
}
