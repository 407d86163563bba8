import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation

/// A session on a fresh ``CourseFixture``, run through a ``TestTerminal``; ``end()`` quits it
/// (if the test did not) and removes the course.
final class SessionHarness {
    let fixture: CourseFixture
    let terminal: TestTerminal
    private(set) var running: RunningSession

    /// Starts a session on a new course; with `pastWelcome`, waits for the welcome box and dismisses it.
    init(
        fixture: CourseFixture? = nil, size: TerminalSize = TerminalSize(width: 100, height: 30),
        environment: [String: String] = [:], startingFrom index: CourseIndex? = nil,
        sandbox: (@Sendable () -> SandboxStatus)? = nil
    ) throws {
        let fixture = try fixture ?? CourseFixture()
        self.fixture = fixture
        terminal = TestTerminal(size: size)
        running = terminal.start(
            index.map { fixture.session(startingFrom: $0) } ?? fixture.session(environment: environment, sandbox: sandbox))
    }

    /// Starts a session on a new course and dismisses the welcome box.
    static func started(
        fixture: CourseFixture? = nil, environment: [String: String] = [:], sandbox: (@Sendable () -> SandboxStatus)? = nil
    ) async throws -> SessionHarness {
        let harness = try SessionHarness(fixture: fixture, environment: environment, sandbox: sandbox)
        try await harness.terminal.waitUntilScreen(shows: "Welcome to the session course.")
        harness.terminal.press(.enter)
        try await harness.terminal.waitUntilScreen(hides: "Welcome to the session course.")
        return harness
    }

    var session: FullScreenSession { running.session }

    /// The pid of the running `t.hold` check's shell, once it wrote it.
    func holdPID() async throws -> pid_t {
        let clock = ContinuousClock(), deadline = clock.now + .seconds(5)
        while clock.now < deadline {
            if let pid = fixture.holdPID() { return pid }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw TestTerminalError(message: "the hold check never wrote its pid:\n\(terminal.screen)")
    }

    /// Selects lesson `title` on the map (from the top) and opens it, waiting for `body`.
    func open(_ title: String, body: String) async throws {
        let index = ["Read me", "Quiz me", "Echo", "Guess", "Hold"].firstIndex(of: title) ?? 0
        terminal.press(.home)
        for _ in 0..<index { terminal.press(.down) }
        terminal.press(.enter)
        try await terminal.waitUntilScreen(shows: body)
    }

    /// Quits with Ctrl-C and waits for the run loop to return.
    func quit() async throws {
        terminal.press(.control("c"))
        try await running.waitUntilEnded()
    }

    /// Deletes the course and its state, after quitting a session a failed test left running
    /// (without waiting for it: a test must not block the threads its session's checks need).
    func end() {
        if !running.hasEnded { terminal.press(.control("c")) }
        fixture.remove()
    }
}
