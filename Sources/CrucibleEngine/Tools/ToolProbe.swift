import Foundation

/// Whether a tool is installed, where, and which version.
public struct ToolStatus: Codable, Sendable, Equatable {
    public var name: String
    /// The resolved path, or nil when the tool is not on PATH.
    public var path: String?
    /// The first line the tool prints for its version, or nil when it could not be read.
    public var version: String?

    public var found: Bool { path != nil }
}

/// Finds tools on PATH and reads their versions.
///
/// Reading a version starts the tool (`swiftc --version` takes ~100 ms), so versions are
/// remembered per process and, when a cache folder is given, on disk keyed by the
/// executable's path, size and modification time: a cached check then starts no process.
public final class ToolProbe: @unchecked Sendable {
    /// The probe shared by the process, remembering versions in the default cache folder.
    public static let shared = ToolProbe(cacheFile: CheckCache.defaultFolder().deletingLastPathComponent()
        .appendingPathComponent("tool-versions.json"))

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

    /// Where `name` is and its version.
    public func status(_ name: String) async -> ToolStatus {
        guard let path = locate(name) else { return ToolStatus(name: name) }
        let key = Self.fingerprint(path)
        if let key, let version = lock.withLock({ loadKnown()[key] }) {
            return ToolStatus(name: name, path: path, version: version)
        }
        let version = await readVersion(path: path, arguments: ToolCatalog.info(name).versionArguments)
        if let key, let version {
            lock.withLock {
                var versions = loadKnown()
                versions[key] = version
                known = versions
                save(versions)
            }
        }
        return ToolStatus(name: name, path: path, version: version)
    }

    /// The catalog's tools plus `extra`, each with its status, in catalog order.
    public func statuses(_ names: [String]) async -> [ToolStatus] {
        var result: [ToolStatus] = []
        for name in names { result.append(await status(name)) }
        return result
    }

    /// The first non-empty line of `path arguments`, run with a short deadline.
    private func readVersion(path: String, arguments: [String]) async -> String? {
        let run = await ProcessRunner().run(ProcessInvocation(
            executable: path, arguments: arguments, environment: environment, timeout: .seconds(20), limits: .toolchain))
        guard case .exited(0) = run.termination else { return nil }
        return (run.stdoutText + "\n" + run.stderrText).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
    }

    /// `path|size|mtime` of the file the path leads to, or nil when it cannot be read.
    private static func fingerprint(_ path: String) -> String? {
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
        let loaded = cacheFile.flatMap { try? Data(contentsOf: $0) }
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
