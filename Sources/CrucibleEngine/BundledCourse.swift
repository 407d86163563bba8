import Foundation

/// Finds the course that ships with Crucible.
///
/// The binary runs from three kinds of places, and each keeps the course
/// somewhere else:
/// - `swift run` and `.build/<config>/crucible`: the checkout's `Lessons/`,
///   found by walking up from the executable;
/// - after `make install PREFIX=…`: `PREFIX/share/crucible/Lessons`, beside
///   `PREFIX/bin/crucible`;
/// - anything else: `CRUCIBLE_LESSONS`, or `Lessons/` in the current folder.
public enum BundledCourse {
    /// The environment variable that names a course folder, like `--lessons`.
    public static let environmentKey = "CRUCIBLE_LESSONS"

    /// Returns the bundled course folder, or `nil` when none is found.
    ///
    /// - Parameters:
    ///   - environment: the process environment, consulted for `CRUCIBLE_LESSONS`.
    ///   - executable: the running binary; defaults to the resolved path of this process.
    ///   - currentDirectory: the folder relative paths start from.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = currentExecutable(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> URL? {
        if let named = environment[environmentKey], !named.isEmpty {
            return URL(fileURLWithPath: named, relativeTo: currentDirectory).standardizedFileURL
        }
        var candidates: [URL] = []
        if let executable {
            let binFolder = executable.deletingLastPathComponent()
            candidates.append(
                binFolder.deletingLastPathComponent()
                    .appendingPathComponent("share/crucible/Lessons"))
            var folder = binFolder
            while folder.path != "/" {
                candidates.append(folder.appendingPathComponent("Lessons"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(currentDirectory.appendingPathComponent("Lessons"))
        return candidates.first { isCourse($0) }?.standardizedFileURL
    }

    /// Whether `folder` is the course that ships with Crucible, which is always trusted: the one
    /// found beside the binary, never through `CRUCIBLE_LESSONS` or the current folder, which may
    /// name any course.
    public static func isShipped(_ folder: URL, executable: URL? = currentExecutable()) -> Bool {
        guard
            let shipped = locate(
                environment: [:], executable: executable, currentDirectory: URL(fileURLWithPath: "/nonexistent/crucible"))
        else { return false }
        return TrustStore.key(for: shipped) == TrustStore.key(for: folder)
    }

    /// Whether `folder` holds a course file.
    public static func isCourse(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("course.yml").path)
    }

    /// The running binary with symbolic links resolved, so that a link in
    /// `~/bin` still finds the course beside the real file.
    public static func currentExecutable() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
