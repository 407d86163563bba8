import Foundation

/// A learner playing one of the CLI tests' fixture courses (`Tests/CrucibleCLITests/Fixtures/NAME`)
/// from a temporary folder of their own: workspace, progress file and, unless one is shared,
/// `XDG_CACHE_HOME` (the check cache and the lessons' build caches), so a test never reads or
/// changes the real learner's. Share `cacheHome` across the tests of a class when a lesson's first
/// build is slow (cargo compiling a crate), so only the first test pays for it.
public struct FixtureLearner {
    /// The fixture course.
    public let course: URL
    /// The course's id, which names its folder in the workspace.
    public let courseID: String
    /// This learner's temporary folder, removed by ``remove()``.
    public let root: URL
    /// `XDG_CACHE_HOME` for every command.
    public let cacheHome: URL

    public init(fixture name: String, courseID: String, cacheHome: URL? = nil) throws {
        course = Self.fixture(name)
        self.courseID = courseID
        root = try CrucibleRunner.temporaryFolder()
        self.cacheHome = cacheHome ?? root.appendingPathComponent("cache")
    }

    /// A fixture course of the CLI tests.
    public static func fixture(_ name: String) -> URL {
        CrucibleRunner.packageRoot.appendingPathComponent("Tests/CrucibleCLITests/Fixtures/\(name)")
    }

    public var workspace: URL { root.appendingPathComponent("workspace") }
    public var progress: URL { root.appendingPathComponent("progress.json") }

    /// `--lessons`, `--workspace` and `--progress` for this learner.
    public var options: [String] { ["--lessons", course.path, "--workspace", workspace.path, "--progress", progress.path] }

    /// The learner's copy of `file` of lesson `lessonID` (it exists once the lesson was checked or
    /// a file was put there with ``place(_:of:from:)``).
    public func workspaceFile(_ file: String, of lessonID: String) -> URL {
        workspace.appendingPathComponent(courseID).appendingPathComponent(lessonID).appendingPathComponent(file)
    }

    /// Replaces (or creates) the learner's `file` of `lessonID` with the course's file at
    /// `coursePath` (relative to the course folder, e.g. `01-x/02-y/solution/main.rs`), as a learner
    /// who fixed it would.
    public func place(_ file: String, of lessonID: String, from coursePath: String) throws {
        let destination = workspaceFile(file, of: lessonID)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: course.appendingPathComponent(coursePath), to: destination)
    }

    /// Runs `crucible ARGUMENTS` with this learner's options after them and `XDG_CACHE_HOME`.
    public func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 300
    ) throws -> CrucibleRunner.Result {
        try CrucibleRunner.run(
            arguments + options, in: root,
            environment: ["XDG_CACHE_HOME": cacheHome.path].merging(environment) { $1 }, timeout: timeout)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Whether `tool` is on PATH.
    public static func onPath(_ tool: String, path: String = ProcessInfo.processInfo.environment["PATH"] ?? "") -> Bool {
        path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// A PATH on which `missing` cannot be found but each of `keeping` still can: `folder` gets a
    /// link to each kept tool, and the directories of PATH holding `missing` are left out (with
    /// rustup, `clippy-driver`, `rustc` and `cargo` share one folder).
    public static func path(
        without missing: String, keeping: [String], in folder: URL,
        from path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    ) throws -> String {
        let directories = path.split(separator: ":").map(String.init)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for tool in keeping {
            guard let directory = directories.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") })
            else { continue }
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent(tool).path, withDestinationPath: "\(directory)/\(tool)")
        }
        let rest = directories.filter { !FileManager.default.isExecutableFile(atPath: "\($0)/\(missing)") }
        return ([folder.path] + rest).joined(separator: ":")
    }
}
