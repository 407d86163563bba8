/// Where a ``FileWatcher`` gets raw events: inotify, or a periodic scan.
///
/// Sendable only so it can be handed over: a source is created by `start()` and then
/// used by the watcher's thread alone, so it needs no locking.
protocol ChangeSource: AnyObject, Sendable {
    /// A descriptor that becomes readable when events wait, or -1 for a purely timed source.
    var descriptor: Int32 { get }
    /// When ``collect(into:now:)`` must run again even if the descriptor stays quiet.
    var nextScan: ContinuousClock.Instant { get }
    /// Reads waiting events, and rescans if due, into `debouncer`.
    func collect(into debouncer: inout ChangeDebouncer, now: ContinuousClock.Instant)
    /// Releases the descriptor; the source is not used again.
    func close()
}
