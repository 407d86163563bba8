import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// Course trust in a whole session: the first `c` asks, `y` runs the check and remembers the
/// course, and the next session checks at once; a course started from its index decides only
/// once the full course is in.
@Suite struct TrustSessionTests {
    private func start(_ fixture: CourseFixture, store: TrustStore, index: CourseIndex? = nil) -> (TestTerminal, RunningSession) {
        let terminal = TestTerminal(size: TerminalSize(width: 100, height: 30))
        var settings = fixture.settings()
        settings.trust = TrustGate(folder: fixture.root, store: store)
        if index != nil { settings.fullLoadAfterFirstFrame = fixture.index }
        let loaded = index?.loadResult ?? fixture.load()
        return (terminal, terminal.start(FullScreenSession(loaded, root: fixture.root, settings: settings)))
    }

    /// Opens `t.echo`, past the welcome box that only a first launch shows.
    private func openEcho(_ terminal: TestTerminal, welcome: Bool = true) async throws {
        if welcome {
            try await terminal.waitUntilScreen(shows: "Welcome to the session course.")
            terminal.press(.enter)
        }
        try await terminal.waitUntilScreen(shows: "Echo")
        terminal.press(.home)
        for _ in 0..<2 { terminal.press(.down) }
        terminal.press(.enter)
        try await terminal.waitUntilScreen(shows: "ECHO BODY")
    }

    /// A first session on `fixture`, with `t.echo` open and `c` pressed, once the question shows.
    private func asked(_ fixture: CourseFixture, store: TrustStore, index: CourseIndex? = nil) async throws
        -> (TestTerminal, RunningSession)
    {
        let (terminal, running) = start(fixture, store: store, index: index)
        try await openEcho(terminal)
        terminal.type("c")
        try await terminal.waitUntilScreen(shows: "y trust and check · n/Esc cancel")
        return (terminal, running)
    }

    private static func store(_ fixture: CourseFixture) -> TrustStore {
        TrustStore(file: fixture.folder.appendingPathComponent("config/trust.json"))
    }

    @Test func theFirstCheckAsksAndYesChecksAndIsRemembered() async throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        let store = Self.store(fixture)
        let (terminal, running) = try await asked(fixture, store: store)
        #expect(terminal.screen.contains("course: Session Course"), "\(terminal.screen)")
        terminal.type("y")
        try await terminal.waitUntilScreen(shows: "Passed!")
        #expect(store.record(for: fixture.root) != nil)
        terminal.press(.control("c"))
        try await running.waitUntilEnded()

        let (again, second) = start(fixture, store: store)
        try await openEcho(again, welcome: false)
        try fixture.writeWorkspaceFile("answer.txt", of: "t.echo", "wrong\n")
        again.type("c")
        try await again.waitUntilScreen(shows: "wrong output")
        #expect(!again.screen.contains("trust and check"))
        again.press(.control("c"))
        try await second.waitUntilEnded()
    }

    @Test func noRunsNothingAndRemembersNothing() async throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        let store = Self.store(fixture)
        let (terminal, running) = try await asked(fixture, store: store)
        terminal.type("n")
        try await terminal.waitUntilScreen(shows: "Not trusted: nothing was run")
        #expect(!terminal.screen.contains("Passed!"))
        #expect(store.record(for: fixture.root) == nil)
        terminal.press(.control("c"))
        try await running.waitUntilEnded()
    }

    @Test func aSessionFromTheIndexAsksOnceTheCourseIsIn() async throws {
        let fixture = try CourseFixture()
        defer { fixture.remove() }
        _ = fixture.index.load()
        let index = try #require(fixture.index.current())
        let (terminal, running) = try await asked(fixture, store: Self.store(fixture), index: index)
        terminal.press(.escape)
        try await terminal.waitUntilScreen(shows: "Not trusted: nothing was run")
        terminal.press(.control("c"))
        try await running.waitUntilEnded()
    }
}
