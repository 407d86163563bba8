import CrucibleRuntime
import CrucibleUI
import Foundation

/// A terminal in memory for whole-session tests: the test scripts input events, the run loop
/// (``FullScreenSession``, on its own thread) reads them and presents grids, which the terminal
/// records, and the test waits until the screen shows what it expects.
///
/// ```swift
/// let terminal = TestTerminal()
/// let run = terminal.start(FullScreenSession(loaded, root: root, settings: settings))
/// terminal.type("c")
/// try await terminal.waitUntilScreen(shows: "passed")
/// terminal.type("q")
/// try await run.waitUntilEnded()
/// ```
public final class TestTerminal: TerminalDevice, @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var events: [InputEvent] = []
    private var currentSize: TerminalSize
    private var presented: [CellGrid] = []
    private var suspensions = 0

    public init(size: TerminalSize = TerminalSize(width: 100, height: 30)) {
        currentSize = size
    }

    // MARK: - The terminal as the run loop sees it

    public var size: TerminalSize { condition.withLock { currentSize } }

    public func present(_ grid: CellGrid) {
        condition.withLock {
            presented.append(grid)
            condition.broadcast()
        }
    }

    /// The next scripted event; waits for one at most `timeout` milliseconds (negative: until one is sent).
    public func readEvent(timeout: Int32) -> InputEvent? {
        condition.withLock {
            let deadline = Date(timeIntervalSinceNow: Double(timeout) / 1000)
            while events.isEmpty {
                // (A far-off deadline overflows NSCondition's timespec: block without one.)
                if timeout < 0 { condition.wait() } else if !condition.wait(until: deadline) { break }
            }
            return events.isEmpty ? nil : events.removeFirst()
        }
    }

    /// Runs `body` at once (as if the terminal were handed to an editor) and counts it.
    public func suspend<Result>(_ body: () throws -> Result) rethrows -> Result {
        condition.withLock { suspensions += 1 }
        return try body()
    }

    // MARK: - What the test does

    /// Sends events to the run loop, in order.
    public func send(_ new: [InputEvent]) {
        condition.withLock {
            events += new
            condition.broadcast()
        }
    }

    /// Presses `key`.
    public func press(_ key: Key) { send([.key(key)]) }

    /// Types each character of `text` as a key (`"\n"` is Enter, `"\u{1b}"` Esc).
    public func type(_ text: String) {
        send(
            text.map { character in
                switch character {
                case "\n": .key(.enter)
                case "\u{1b}": .key(.escape)
                default: .key(.character(character))
                }
            })
    }

    /// Changes the size and reports it, as a window resize (SIGWINCH) does.
    public func resize(to size: TerminalSize) {
        condition.withLock { currentSize = size }
        send([.resize(width: size.width, height: size.height)])
    }

    /// Every grid presented so far, oldest first.
    public var grids: [CellGrid] { condition.withLock { presented } }

    /// The text of the last grid presented (empty before the first).
    public var screen: String { condition.withLock { presented.last?.plainText() ?? "" } }

    /// How many times the terminal was handed to another program.
    public var suspendCount: Int { condition.withLock { suspensions } }

    /// Waits until the last grid presented satisfies `holds`; throws with the screen as it was when time ran out.
    ///
    /// Async, looking every few milliseconds: a test blocking its thread would hold one of the
    /// few threads the session's checks (tasks) need to run.
    public func waitUntilScreen(_ what: String, timeout: Duration = .seconds(5), _ holds: (String) -> Bool) async throws {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while !holds(screen) {
            guard clock.now < deadline else {
                let last = condition.withLock { presented.last?.plainText() ?? "(nothing presented)" }
                throw TestTerminalError(message: "the screen never showed \(what) within \(timeout):\n\(last)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Waits until the screen shows `text` somewhere.
    public func waitUntilScreen(shows text: String, timeout: Duration = .seconds(5)) async throws {
        try await waitUntilScreen("`\(text)`", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen no longer shows `text`.
    public func waitUntilScreen(hides text: String, timeout: Duration = .seconds(5)) async throws {
        try await waitUntilScreen("no `\(text)`", timeout: timeout) { !$0.contains(text) }
    }

    // MARK: - Running a session

    /// Runs `session` on this terminal on a thread of its own, as the program runs it on the real one.
    public func start(_ session: FullScreenSession) -> RunningSession {
        let running = RunningSession(session: session)
        let thread = Thread { [self] in
            session.run(on: self)
            running.markEnded()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return running
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A session running on a ``TestTerminal``: wait for it to end after sending it `q`.
public final class RunningSession: @unchecked Sendable {
    public let session: FullScreenSession
    private let condition = NSLock()
    private var ended = false

    init(session: FullScreenSession) {
        self.session = session
    }

    func markEnded() {
        condition.withLock { ended = true }
    }

    /// Whether the run loop has returned.
    public var hasEnded: Bool { condition.withLock { ended } }

    /// Waits until the run loop returns (the user quit); throws when it does not in time.
    public func waitUntilEnded(timeout: Duration = .seconds(5)) async throws {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while !hasEnded {
            guard clock.now < deadline else { throw TestTerminalError(message: "the session did not end within \(timeout)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Why a session test could not go on: what the screen did not show, a session that did not end.
public struct TestTerminalError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
