import Foundation

/// Which editor to run, and running it in the foreground of the terminal.
enum Editor {
    /// `$VISUAL`, then `$EDITOR` (either may hold arguments, such as `code -w`), then nano, then vi.
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key], !value.allSatisfy(\.isWhitespace) { return value }
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return ["nano", "vi"].first { name in
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
    }

    /// Runs `command` on `files` through `/bin/sh` (so that an editor with arguments works) and
    /// waits for it; returns its exit status, or 127 when it could not start.
    static func run(_ command: String, files: [String]) -> Int32 {
        let arguments = ["/bin/sh", "-c", command + " \"$@\"", "crucible-editor"] + files
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The editor gets the default signal mask, whatever this thread has blocked.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
