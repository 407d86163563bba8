import Foundation

/// Whether a tool can be used, as its version probe found it.
public enum ToolState: Sendable, Equatable {
    /// It ran and exited 0; the first line it printed, or nil when it printed nothing.
    case working(version: String?)
    /// Not on PATH.
    case missing
    /// On PATH, but its version probe failed (rustup's `rustc` with no default toolchain, a
    /// broken install): the probe's first error line. A check that runs it would blame the
    /// learner's code for the tool's failure.
    case broken(error: String)
    /// On PATH and working, but it runs learner code and, as root, learner code runs under a fresh
    /// unprivileged uid that cannot start it (pyenv's `/root/.pyenv/shims/python3`): why not.
    case unreachable(reason: String)
}

/// Whether a tool is installed and works, where, and which version.
public struct ToolStatus: Sendable, Equatable {
    public var name: String
    /// The resolved path, or nil when the tool is not on PATH.
    public var path: String?
    public var state: ToolState

    public init(name: String, path: String? = nil, state: ToolState = .missing) {
        self.name = name
        self.path = path
        self.state = state
    }

    /// On PATH, whether or not it works.
    public var found: Bool { path != nil }
    /// On PATH and its version probe succeeded.
    public var isWorking: Bool { if case .working = state { true } else { false } }
    /// The first line the tool prints for its version, when it works and printed one.
    public var version: String? { if case .working(let version) = state { version } else { nil } }
    /// The probe's first error line, when the tool is on PATH but does not work.
    public var brokenError: String? { if case .broken(let error) = state { error } else { nil } }
    /// Why the unprivileged uid of learner programs cannot start it, when it cannot.
    public var unreachableReason: String? { if case .unreachable(let reason) = state { reason } else { nil } }
}

/// Finds tools on PATH and probes them by running their version command.
///
/// Probing starts the tool (`swiftc --version` takes ~100 ms), so working versions are
/// remembered per process and, when a cache file is given, on disk keyed by the executable's
/// path, size and modification time: a cached check then starts no process. A failed probe
/// is never remembered, so fixing the tool (`rustup default stable`) shows at the next probe.
public final class ToolProbe: @unchecked Sendable {
    /// The probe shared by the process, remembering versions in the default cache folder.
    public static let shared = ToolProbe(
        cacheFile: CheckCache.defaultFolder().deletingLastPathComponent()
            .appendingPathComponent("tool-versions.json"))

    /// How long a version probe may take before the tool counts as broken.
    static let probeTimeout = Duration.seconds(20)

    private let cacheFile: URL?
    private let lock = NSLock()
    private var known: [String: String]?
    private let environment: [String: String]

    /// A probe using `environment`'s PATH; `cacheFile` keeps versions across runs.
    public init(cacheFile: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.cacheFile = cacheFile
        self.environment = environment
    }

    /// The path `name` resolves to on PATH, or nil.
    public func locate(_ name: String) -> String? {
        ExecutableLookup.resolve(name, path: environment["PATH"])
    }

    /// Where `name` is and whether it works, probed as `catalog` says. With `fresh`, the tool is run
    /// even when a working version is remembered (and a failure forgets it).
    public func status(_ name: String, in catalog: ToolCatalog = .builtIn, fresh: Bool = false) async -> ToolStatus {
        let info = catalog.info(name)
        if let file = info.file {
            // A file or folder probe (a crate registry): nothing runs.
            return FileManager.default.fileExists(atPath: file)
                ? ToolStatus(name: name, path: file, state: .working(version: nil)) : ToolStatus(name: name)
        }
        guard let path = locate(name) else { return ToolStatus(name: name) }
        if info.kind == .program, geteuid() == 0, let reason = Self.othersCannotRun(path) {
            return ToolStatus(name: name, path: path, state: .unreachable(reason: reason))
        }
        let key = fingerprint(path)
        if !fresh, let key, let version = lock.withLock({ loadKnown()[key] }) {
            return ToolStatus(name: name, path: path, state: .working(version: version.isEmpty ? nil : version))
        }
        let arguments = info.versionArguments
        guard !arguments.isEmpty else { return ToolStatus(name: name, path: path, state: .working(version: nil)) }
        let state = await probe(path: path, name: name, arguments: arguments)
        if let key {
            lock.withLock {
                var versions = loadKnown()
                if case .working(let version) = state { versions[key] = version ?? "" } else { versions[key] = nil }
                guard versions != known else { return }
                known = versions
                save(versions)
            }
        }
        return ToolStatus(name: name, path: path, state: state)
    }

    /// Each of `names` with its status, in the order given; the probes run side by side.
    public func statuses(_ names: [String], in catalog: ToolCatalog = .builtIn) async -> [ToolStatus] {
        await withTaskGroup(of: (Int, ToolStatus).self) { group in
            for (index, name) in names.enumerated() {
                group.addTask { (index, await self.status(name, in: catalog)) }
            }
            var result = [ToolStatus?](repeating: nil, count: names.count)
            for await (index, status) in group { result[index] = status }
            return result.compactMap { $0 }
        }
    }

    /// Runs `path arguments` with a deadline: working with the first line it printed when it
    /// exits 0, broken with its first error line otherwise.
    private func probe(path: String, name: String, arguments: [String]) async -> ToolState {
        let invocation = ProcessInvocation(
            executable: path, arguments: arguments, environment: environment,
            timeout: Self.probeTimeout, limits: .toolchain)
        var run = await ProcessRunner().run(invocation)
        // Starting can fail for a moment ("text file busy" while the tool is being replaced): once more before blaming the tool.
        if case .spawnFailed = run.termination { run = await ProcessRunner().run(invocation) }
        let command = ([name] + arguments).joined(separator: " ")
        switch run.termination {
        case .exited(0):
            return .working(version: Self.lines(run.stdoutText + "\n" + run.stderrText).first)
        case .exited(let code):
            return .broken(
                error: Self.firstError(stderr: run.stderrText, stdout: run.stdoutText)
                    ?? "`\(command)` exited with status \(code) and printed nothing")
        case .signaled(_, let signal):
            return .broken(error: "`\(command)` was killed by \(signal)")
        case .timedOut:
            return .broken(error: "`\(command)` did not finish within \(Int(Self.probeTimeout.components.seconds)) s")
        case .cancelled:
            return .broken(error: "`\(command)` was cancelled")
        case .spawnFailed(let reason):
            return .broken(error: "`\(command)` could not start: \(reason)")
        case .toolMissing:
            return .missing
        }
    }

    /// The line of a failed probe that says what is wrong: the first mentioning an error,
    /// else the first non-empty line of stderr, then of stdout.
    static func firstError(stderr: String, stdout: String) -> String? {
        let errorLines = lines(stderr)
        return errorLines.first { $0.lowercased().contains("error") } ?? errorLines.first ?? lines(stdout).first
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Why a user other than the owner (the fresh uid, group nogroup, that learner programs run as
    /// under root) cannot start `path`, or nil when it can: a folder on the way, to the path or to
    /// the file it links to, that others may not enter, or the file not executable by others.
    static func othersCannotRun(_ path: String) -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for candidate in Set([path, resolved]).sorted() {
            var folder = URL(fileURLWithPath: candidate).deletingLastPathComponent()
            var folders: [String] = []
            while folder.path != "/" && !folder.path.isEmpty {
                folders.append(folder.path)
                folder = folder.deletingLastPathComponent()
            }
            for folder in folders.reversed() {
                var info = stat()
                if stat(folder, &info) == 0, info.st_mode & S_IXOTH == 0 {
                    return "\(path) is under \(folder), which other users cannot enter"
                }
            }
        }
        var info = stat()
        if stat(resolved, &info) == 0, info.st_mode & S_IXOTH == 0 {
            return "\(path) may be run by its owner only"
        }
        return nil
    }

    /// `path|size|mtime` of the file the path leads to, or nil when it cannot be read.
    ///
    /// A rustup proxy (`rustc`, `cargo` linked to `rustup`) runs whichever toolchain rustup's
    /// settings choose, so its key also covers those settings: `rustup default` changes the tool
    /// without changing the file.
    private func fingerprint(_ path: String) -> String? {
        guard var key = Self.fileKey(path) else { return nil }
        if URL(fileURLWithPath: path).resolvingSymlinksInPath().lastPathComponent == "rustup" {
            let home =
                environment["RUSTUP_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.rustup"
            key += "|rustup \(environment["RUSTUP_TOOLCHAIN"] ?? "-") \(Self.fileKey(home + "/settings.toml") ?? "-")"
        }
        return key
    }

    private static func fileKey(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(path)|\(info.st_size)|\(modified.tv_sec).\(modified.tv_nsec)"
    }

    private func loadKnown() -> [String: String] {
        if let known { return known }
        let loaded =
            cacheFile.flatMap { try? Data(contentsOf: $0) }
            .flatMap { try? JSONDecoder().decode([String: String].self, from: $0) } ?? [:]
        known = loaded
        return loaded
    }

    private func save(_ versions: [String: String]) {
        guard let cacheFile, let data = try? JSONEncoder().encode(versions) else { return }
        try? FileManager.default.createDirectory(at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: cacheFile, options: .atomic)
    }
}

/// Which lessons of a course cannot be checked here, and why: lesson id → the tools its
/// check runs that are not on PATH, those that are but do not work (or that learner programs
/// cannot start), the versions it needs that are newer than installed ("go 1.22, have 1.19"),
/// and, for a lesson whose `platforms` leave this platform out, the short reason ("Linux only").
public struct CourseToolProblems: Sendable, Equatable {
    public var missing: [String: [String]] = [:]
    public var broken: [String: [String]] = [:]
    public var tooOld: [String: [String]] = [:]
    public var otherPlatform: [String: String] = [:]

    public init(
        missing: [String: [String]] = [:], broken: [String: [String]] = [:], tooOld: [String: [String]] = [:],
        otherPlatform: [String: String] = [:]
    ) {
        self.missing = missing
        self.broken = broken
        self.tooOld = tooOld
        self.otherPlatform = otherPlatform
    }
}

extension ToolProbe {
    /// The tool problems of `course`'s lessons, judged by the course's catalog. Each tool is probed
    /// once (a remembered version costs one stat), all side by side. A lesson not for this platform
    /// is not probed for: its check never runs here, whatever is installed.
    public func problems(in course: Course, platform: Platform = .current) async -> CourseToolProblems {
        var problems = CourseToolProblems()
        var runnable: [Lesson] = []
        for lesson in course.lessons {
            if let support = lesson.platformProblem(on: platform) {
                problems.otherPlatform[lesson.id] = support.shortReason
            } else {
                runnable.append(lesson)
            }
        }
        let needed = Dictionary(
            runnable.map { ($0.id, CheckEngine.checkRequirements(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let names = Array(Set(needed.values.joined().map(\.name))).sorted()
        let statuses = await self.statuses(names, in: course.tools)
        for (id, requirements) in needed {
            let found = course.tools.problems(requirements, statuses)
            let broken = found.broken.filter { $0.tooOld == nil }
            let old = found.broken.compactMap(\.tooOld).map { $0.hasPrefix("needs ") ? String($0.dropFirst(6)) : $0 }
            if !found.missing.isEmpty { problems.missing[id] = found.missing.map(\.name) }
            if !broken.isEmpty { problems.broken[id] = broken.map(\.name) }
            if !old.isEmpty { problems.tooOld[id] = old }
        }
        return problems
    }
}
