import CProcessSpawn
import Foundation

/// The fence every check runs in where bubblewrap works: one sandbox per check.
///
/// Each step runs under `bwrap` with the file system read-only except the check's scratch folder
/// and its build cache, a private `/tmp`, the home folders hidden (only the tools installed under
/// them shown, read-only), no capabilities, its own PID, IPC and UTS namespaces, and a network
/// namespace with only a loopback interface that all steps of the check share (``SandboxNetwork``),
/// so an arena server and its load generator still meet and nothing leaves the machine.
/// The runner's limits (deadline, group kill, output cap, rlimits, the unprivileged uid when
/// root) apply as without it: bwrap runs as the step, in the step's process group.
public struct Sandbox: Sendable, Hashable {
    /// The bubblewrap executable.
    public var bubblewrap: String
    /// Folders hidden behind an empty, read-only folder: homes and per-user runtime folders.
    public var hidden: [String]
    /// Folders under a hidden one shown again read-only: toolchains installed in a home.
    public var shown: [String]

    public init(bubblewrap: String, hidden: [String], shown: [String]) {
        self.bubblewrap = bubblewrap
        self.hidden = hidden
        self.shown = shown
    }

    /// The environment variable that turns the sandbox off, like `--no-sandbox`.
    public static let disableKey = "CRUCIBLE_NO_SANDBOX"

    /// The sandbox for checks started from `environment`: which folders to hide and which
    /// toolchain folders inside them to show again. Nil when no `bwrap` is on the PATH.
    public static func configured(environment: [String: String]) -> Sandbox? {
        guard let bubblewrap = ExecutableLookup.resolve("bwrap", path: environment["PATH"]) else { return nil }
        let home = BaseFolder.home(environment: environment).path
        // A home of "/" (some service accounts) would hide everything: only real folders below it.
        let hidden = [home, "/home", "/root", "/run/user", "/var/tmp"].filter { canonical($0) != "/" && isDirectory($0) }.uniqued()
        // /tmp is the step's own, empty: a tool installed there is shown again like one in a home.
        let masked = hidden + [canonical("/tmp")]
        func underHidden(_ path: String) -> Bool { masked.contains { path == $0 || path.hasPrefix($0 + "/") } }
        // Tools the steps may run from a home (rustup's proxies in ~/.cargo/bin) and the folders
        // those tools read (the toolchains in ~/.rustup, Go's root).
        var candidates = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        candidates += ["RUSTUP_HOME", "GOROOT"].compactMap { environment[$0] }
        // rustup's own places even when the PATH does not name them: a tool on the PATH may be a
        // link to its proxies in ~/.cargo/bin.
        candidates += [(environment["CARGO_HOME"] ?? home + "/.cargo") + "/bin", home + "/.rustup"]
        let shown = candidates.filter { $0.hasPrefix("/") && underHidden($0) && isDirectory($0) }.map(canonical).uniqued()
        return Sandbox(bubblewrap: bubblewrap, hidden: hidden.map(canonical).uniqued(), shown: shown)
    }

    /// The bwrap command line (argv[0] included) that runs `program` with `arguments` as a step whose
    /// working folder is `scratch`, that may write to `writable` (the scratch folder, the build
    /// cache) and read `readable` (the lesson folder).
    ///
    /// Inside, `sh` is process 1 and the program its child: bwrap's own init would report the exit
    /// before being reaped, losing the program's CPU time and peak memory from wait4, and a program
    /// that were process 1 itself would ignore SIGTERM and its own abort(). When `sh` ends, the
    /// kernel kills whatever the program left in its PID namespace; `sh` first counts those
    /// (``leftRunningPrefix``), so the check can say so.
    ///
    /// `user` is the uid and gid the step switches to (as root, ``StepIdentity``), or nil: bwrap
    /// runs as that user and refuses to mount what it cannot reach (root's own home, mode 700, for
    /// a toolchain in `/root/.cargo`), so those folders are left out; the step could not use them.
    func command(
        program: String, arguments: [String], scratch: String, writable: [String], readable: [String],
        user: (uid: uid_t, gid: gid_t)? = nil
    ) -> [String] {
        func reachable(_ folder: String) -> Bool { user.map { Self.reachable(folder, uid: $0.uid, gid: $0.gid) } ?? true }
        var command = [
            "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            "--unshare-pid", "--as-pid-1", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--hostname", "crucible-check", "--die-with-parent", "--cap-drop", "ALL",
        ]
        // Run by root, a step keeps root's rights over files, and only those: the scratch folder
        // belongs to the unprivileged uid of the learner program's steps once one has run, and
        // the next build step must still enter it. Everything else it could reach is read-only.
        if user == nil, geteuid() == 0 {
            for capability in ["CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_CHOWN"] {
                command += ["--cap-add", capability]
            }
        }
        for folder in hidden { command += ["--tmpfs", folder] }
        for folder in shown + readable where reachable(folder) { command += ["--ro-bind-try", folder, folder] }
        for folder in writable where reachable(folder) { command += ["--bind", folder, folder] }
        // Read-only once what shows through them is mounted: a write there fails plainly (EROFS).
        for folder in hidden { command += ["--remount-ro", folder] }
        command += ["--chdir", scratch, "--", "/bin/sh", "-c", Self.processOne, "crucible-check", program]
        return command + arguments
    }

    /// What `sh`, process 1 of a step, runs: the program, then a count of the processes it left
    /// running (zombies, already ended, left out), said on stderr when there are any; then it exits
    /// with the program's status. No forks: `read` and the glob are built in.
    static let processOne =
        #""$@"; status=$?; left=0; for entry in /proc/[0-9]*; do [ "${entry#/proc/}" = 1 ] && continue; read -r stat 2>/dev/null < "$entry/stat" || continue; state=${stat##*) }; [ "${state%% *}" = Z ] || left=$((left + 1)); done; [ "$left" -gt 0 ] && echo "\#(leftRunningPrefix)$left" >&2; exit $status"#

    /// The start of the line process 1 writes on stderr when the program left processes running,
    /// followed by how many: the sandbox ends them with the step (``CheckResult/notes``).
    public static let leftRunningPrefix = "crucible-sandbox: processes left running, ended with the step: "

    /// Whether this sandbox works here: bwrap starts a program inside a check's network namespace.
    /// Nil when it does, else what failed, for `doctor` and the notices.
    public func problem() -> String? {
        let network: SandboxNetwork
        do {
            network = try SandboxNetwork()
        } catch {
            return "cannot create a private network namespace: \(error)"
        }
        defer { network.close() }
        let scratch = FileManager.default.temporaryDirectory.path
        var invocation = ProcessInvocation(
            executable: "true", environment: ["PATH": "/usr/bin:/bin"], workingDirectory: scratch, timeout: .seconds(10),
            limits: ResourceLimits())
        invocation.confinement = SandboxConfinement(
            sandbox: self, network: network.holder, writable: [], readable: [])
        let result = ProcessRunner().run(invocation)
        guard result.termination == .exited(code: 0) else {
            let said = result.stderrText.trimmingCharacters(in: .whitespacesAndNewlines)
            return "\(bubblewrap) \(result.termination.summary)" + (said.isEmpty ? "" : ": \(said)")
        }
        return nil
    }

    /// Whether `uid` (in group `gid`) may search every folder on the way to `path`.
    static func reachable(_ path: String, uid: uid_t, gid: gid_t) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            guard stat(prefix, &info) == 0 else { return true }  // missing: --ro-bind-try skips it
            guard info.st_mode & S_IFMT == S_IFDIR else { continue }
            let search: mode_t = info.st_uid == uid ? S_IXUSR : info.st_gid == gid ? S_IXGRP : S_IXOTH
            if info.st_mode & search == 0 { return false }
        }
        return true
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The path with symlinks resolved, as the kernel mounts it.
    private static func canonical(_ path: String) -> String { WorkspaceIO.realPath(path) ?? path }
}

/// Where a step of a sandboxed check runs: the sandbox, the check's network, what it may touch.
public struct SandboxConfinement: Sendable, Hashable {
    public var sandbox: Sandbox
    /// The pid of the check's network holder (``SandboxNetwork``), whose namespaces the step joins.
    public var network: pid_t
    public var writable: [String]
    public var readable: [String]
}

/// A check's private network namespace, with only a loopback interface, which all its steps join.
///
/// Held by a small child of ours (CProcessSpawn's `cspawn_network_start`) that exits when
/// ``close()`` closes its control socket, or when Crucible itself exits however it does. It also
/// makes the sockets with which Crucible itself reaches the check's loopback (``tcpSocket()``).
/// Not root, the namespace belongs to a user namespace of our own that the steps join first.
public final class SandboxNetwork: @unchecked Sendable {
    public let holder: pid_t
    private let control: Int32
    private let lock = NSLock()
    private var closed = false

    struct Failure: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { errnoText(errno) }
    }

    public init() throws {
        var control: Int32 = -1
        var failedErrno: Int32 = 0
        let pid = cspawn_network_start(&control, &failedErrno)
        guard pid > 0 else { throw Failure(errno: failedErrno) }
        holder = pid
        self.control = control
    }

    /// A new TCP socket in the check's namespace (the caller closes it), or -1 once closed.
    func tcpSocket() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return closed ? -1 : cspawn_network_socket(control)
    }

    /// Ends the namespace; the steps that joined it are gone by then.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        cspawn_network_stop(holder, control)
    }

    deinit { close() }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// Whether checks run sandboxed here, and if not, why: the one place that decides, for the
/// commands, the full screen and `doctor`.
public enum SandboxStatus: Sendable, Equatable {
    /// Checks run in this sandbox.
    case on(Sandbox)
    /// Turned off on purpose: `--no-sandbox` or `CRUCIBLE_NO_SANDBOX=1`.
    case turnedOff
    /// No `bwrap` on the PATH.
    case missing
    /// `bwrap` is there but cannot build the sandbox here (no unprivileged user namespaces, a
    /// container that forbids them): what failed.
    case broken(String)

    /// The sandbox checks run in, if any.
    public var sandbox: Sandbox? {
        if case .on(let sandbox) = self { sandbox } else { nil }
    }

    /// Finds and tries bubblewrap, once per process and PATH: checks run in it when it works.
    /// `remembering` keeps a success in the cache folder for later runs (`crucible preview`
    /// leaves nothing behind, so it tries each time).
    public static func detect(
        turnedOff: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment, remembering: Bool = true
    ) -> SandboxStatus {
        if turnedOff || ["1", "true", "yes"].contains(environment[Sandbox.disableKey]?.lowercased() ?? "") { return .turnedOff }
        guard let sandbox = Sandbox.configured(environment: environment) else { return .missing }
        return probes.status(of: sandbox, remembered: remembering ? BuildCache.defaultRoot(environment: environment) : nil)
    }

    /// The one-line notice shown when checks are not sandboxed by accident (`check`, the map's
    /// footer, `doctor`); nil when they are, or were turned off on purpose.
    public var notice: String? {
        switch self {
        case .on, .turnedOff: nil
        case .missing:
            "checks are not sandboxed: bubblewrap (bwrap) is not installed; install it (apt-get install bubblewrap) to fence them in, or set \(Sandbox.disableKey)=1 to run them as they are without this notice"
        case .broken(let problem):
            "checks are not sandboxed: bubblewrap cannot build a sandbox here (\(problem)); enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or allow them in the container) to fence them in, or set \(Sandbox.disableKey)=1 to run them as they are without this notice"
        }
    }

    /// The notice for a one-line bar (the map's footer): nil when ``notice`` is.
    public var shortNotice: String? {
        switch self {
        case .on, .turnedOff: nil
        case .missing: "checks are not sandboxed: bwrap is not installed (crucible doctor says more)"
        case .broken: "checks are not sandboxed: bwrap does not work here (crucible doctor says more)"
        }
    }

    /// A short state for tables (`doctor`): "on", "off (turned off)", "off (bwrap missing)"…
    public var summary: String {
        switch self {
        case .on(let sandbox): "on (\(sandbox.bubblewrap))"
        case .turnedOff: "off (turned off with --no-sandbox or \(Sandbox.disableKey))"
        case .missing: "off (bwrap is not installed)"
        case .broken(let problem): "off (bwrap does not work here: \(problem))"
        }
    }

    private static let probes = SandboxProbes()
}

/// The outcome of trying each bubblewrap configuration, kept for the life of the process.
private final class SandboxProbes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Sandbox: SandboxStatus] = [:]

    /// The status of `sandbox`, from this process's earlier probe, else from a success remembered
    /// under `cacheRoot` since the machine booted (a probe costs a few milliseconds, a quarter of
    /// a small check), else from a probe now. Only success is remembered: a failure may be fixed
    /// (bubblewrap installed, user namespaces allowed) at any moment and is tried again.
    func status(of sandbox: Sandbox, remembered cacheRoot: URL?) -> SandboxStatus {
        lock.lock()
        defer { lock.unlock() }
        if let known = outcomes[sandbox] { return known }
        let file = cacheRoot?.appendingPathComponent("sandbox-works")
        let key = Self.key(sandbox)
        let status: SandboxStatus
        if let key, let file, (try? String(contentsOf: file, encoding: .utf8)) == key {
            status = .on(sandbox)
        } else {
            status = sandbox.problem().map { .broken($0) } ?? .on(sandbox)
            if case .on = status, let key, let cacheRoot, let file {
                try? FileManager.default.createDirectory(at: cacheRoot, withIntermediateDirectories: true)
                let temporary = cacheRoot.appendingPathComponent(".sandbox-works.\(getpid())")
                if (try? Data(key.utf8).write(to: temporary)) != nil { _ = rename(temporary.path, file.path) }
            }
        }
        outcomes[sandbox] = status
        return status
    }

    /// What a remembered success holds for: this boot, this user, this bwrap binary; nil when
    /// any of it cannot be read (then nothing is remembered).
    private static func key(_ sandbox: Sandbox) -> String? {
        var info = stat()
        guard stat(sandbox.bubblewrap, &info) == 0,
            let boot = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)
        else { return nil }
        return "bwrap \(sandbox.bubblewrap) \(info.st_size) \(info.st_mtim.tv_sec) uid \(geteuid()) boot \(boot)"
    }
}
