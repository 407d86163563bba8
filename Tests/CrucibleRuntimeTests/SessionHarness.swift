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
    init(fixture: CourseFixture? = nil, size: TerminalSize = TerminalSize(width: 100, height: 30),
         environment: [String: String] = [:], pastWelcome: Bool = true) throws {
        self.fixture = try fixture ?? CourseFixture()
        terminal = TestTerminal(size: size)
        running = terminal.start(self.fixture.session(environment: environment))
        if pastWelcome {
            try terminal.waitUntilScreen(shows: "Welcome to the session course.")
            terminal.press(.enter)
            try terminal.waitUntilScreen(hides: "Welcome to the session course.")
        }
    }

    var session: FullScreenSession { running.session }

    /// Selects lesson `title` on the map (from the top) and opens it, waiting for `body`.
    func open(_ title: String, body: String) throws {
        let index = ["Read me", "Quiz me", "Echo", "Guess", "Hold"].firstIndex(of: title) ?? 0
        terminal.press(.home)
        for _ in 0..<index { terminal.press(.down) }
        terminal.press(.enter)
        try terminal.waitUntilScreen(shows: body)
    }

    /// Quits with Ctrl-C and waits for the run loop to return.
    func quit() throws {
        terminal.press(.control("c"))
        try running.waitUntilEnded()
    }

    /// Quits if still running, then deletes the course and its state.
    func end() {
        if !running.hasEnded {
            terminal.press(.control("c"))
            try? running.waitUntilEnded()
        }
        fixture.remove()
    }
}
