import Foundation

/// A detached tmux server running a shell in a real terminal, for end-to-end tests of the full-screen UI.
///
/// Each session has its own server (a unique `-L` socket), so tests run in
/// parallel without seeing each other; ``close()`` (or deinit) kills the server.
public final class TmuxSession {
    /// The shell prompt, plain so that tests can wait for it (capture-pane trims the space after it).
    public static let prompt = "PROMPT$"

    public let socket = "crucible-test-\(UUID().uuidString.prefix(8))"
    private var closed = false

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts bash in a `width` x `height` window with a UTF-8 locale and TERM=xterm-256color, and waits for its prompt.
    public init(width: Int = 100, height: Int = 30) throws {
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height),
            "env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color", "PS1=\(Self.prompt) ",
            // Courses are trusted unless a test of trust itself opts out (`CRUCIBLE_TRUST= crucible …`).
            "NO_COLOR=", "CRUCIBLE_LESSONS=", "CRUCIBLE_TRUST=1", "bash", "--norc", "--noprofile",
        ])
        try waitFor(Self.prompt)
    }

    deinit { close() }

    /// Kills the tmux server and everything running in it.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
    }

    /// Types `command` at the shell and presses Enter.
    public func run(_ command: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", command])
        try tmux(["send-keys", "-t", "0", "Enter"])
    }

    /// Presses keys by tmux name (`Down`, `Enter`, `Escape`, `PPage`, `C-c`) or as literal text.
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// The visible screen as text.
    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// The visible screen with its colours and attributes as terminal escapes (`capture-pane -e`),
    /// for tests where colour is the point (a theme, `--no-color`).
    public func captureWithEscapes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "0"])
    }

    /// Resizes the window, as a user dragging the terminal would.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// Resizes the window to each of `sizes` in turn and waits for a full redraw at each: `height`
    /// rows with `bottomBar` on the last one.
    public func resize(through sizes: [(width: Int, height: Int)], expectingBottomBar bottomBar: String) throws {
        for (width, height) in sizes {
            try resize(width: width, height: height)
            try waitUntil("the screen redrawn at \(width)x\(height)") { screen in
                let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return rows.count >= height && rows[height - 1].contains(bottomBar)
            }
        }
    }

    /// Waits for crucible's welcome box (a first launch) and closes it with Enter.
    public func dismissWelcome(timeout: TimeInterval = 10) throws {
        try waitFor("Press any key", timeout: timeout)
        try send("Enter")
    }

    /// Waits until the screen contains `text`, polling until `timeout` seconds have passed; returns the screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("`\(text)` on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen; fails with the last screen when it never does.
    @discardableResult
    public func waitUntil(_ description: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        var screen = ""
        if try poll(
            timeout: .seconds(timeout),
            until: {
                screen = try capture(); return condition(screen)
            })
        {
            return screen
        }
        throw Failure(description: "timed out after \(timeout)s waiting for \(description); the screen was:\n\(screen)")
    }

    /// Process ids of the shell's children (the program it is running).
    public func shellChildren() throws -> [Int32] {
        let shell = try tmux(["list-panes", "-t", "0", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }
    }

    /// Runs tmux on this session's server and returns its output.
    ///
    /// Spawned with posix_spawn and reaped with waitpid rather than through
    /// Foundation's Process, whose waitUntilExit was seen to hang here when
    /// several tests launched tmux at once.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // A file, not a pipe: the tmux server that new-session starts inherits the
        // descriptor and would keep a pipe open, so reading to its end would never finish.
        let outputFile = try CrucibleRunner.temporaryFile()
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let status = try Self.spawnAndWait(["tmux", "-L", socket] + arguments, output: outputFile.path)
        let text = try String(contentsOf: outputFile, encoding: .utf8)
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }

    /// Runs `arguments` (found on PATH) with stdin from /dev/null and stdout and stderr to `output`; returns its wait status.
    private static func spawnAndWait(_ arguments: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Test threads run with signals blocked, and a blocked mask is inherited by the tmux
        // server, its shell and crucible: start tmux with none blocked, as a terminal would.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    /// Whether tmux is installed, so the tests can say so instead of failing obscurely.
    public static var isAvailable: Bool {
        ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") } ?? false
    }
}

extension TmuxSession {
    /// Checks, at the shell prompt after crucible ended, that the terminal is back in cooked mode
    /// with echo; throws with the screen when it is not.
    public func requireShellRestored() throws {
        // The quotes keep the command line itself from matching: only the output reads "MODES:".
        try run("clear; echo MO''DES: $(stty -a | tr ' ;' '\\n\\n' | grep -xE 'echo|icanon' | sort | tr '\\n' ' ')")
        let screen = try waitFor("MODES:")
        guard screen.contains("MODES: echo icanon") else { throw Failure(description: "terminal not restored:\n\(screen)") }
    }
}
