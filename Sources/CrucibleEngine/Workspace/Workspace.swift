import Foundation

/// The learner's workspace: one folder per code lesson holding their copy of its starter files.
///
/// Layout: `ROOT/<course-id>/<lesson-id>/` holds the learner's files, plus the dot-file
/// `.crucible-starter.json` recording the hash of each starter file as it was copied. Starter
/// files are copied the first time a lesson is opened and never overwritten afterwards, except
/// by ``reset(_:)``. When the course ships a changed starter, ``prepare(_:)`` reports it and
/// leaves the learner's copy alone. Hidden check files are never copied here.
public struct Workspace: Sendable {
    /// The environment variable naming the workspace root, like `--workspace DIR`.
    public static let environmentKey = "CRUCIBLE_WORKSPACE"
    /// The dot-file in each lesson folder that records the starter as it was copied.
    public static let manifestName = ".crucible-starter.json"

    /// The folder holding one folder per course.
    public let root: URL
    /// The course whose lessons live under `root/<courseID>`.
    public let courseID: String

    public init(root: URL, courseID: String) {
        self.root = root.standardizedFileURL
        self.courseID = courseID
    }

    /// `--workspace DIR` when given, else `$CRUCIBLE_WORKSPACE`, else
    /// `$XDG_DATA_HOME/crucible/workspace`, else `~/.local/share/crucible/workspace`.
    public static func defaultRoot(option: String? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let named = environment[environmentKey], !named.isEmpty { return URL(fileURLWithPath: named) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("crucible/workspace")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/crucible/workspace")
    }

    /// The folder of lesson `id`.
    public func folder(for id: String) -> URL {
        root.appendingPathComponent(courseID, isDirectory: true).appendingPathComponent(id, isDirectory: true)
    }

    /// What ``prepare(_:)`` did.
    public struct Preparation: Sendable, Equatable {
        /// The lesson's folder in the workspace.
        public var folder: URL
        /// Starter files copied now (all of them on first open; a deleted one is copied again).
        public var copied: [String]
        /// Starter files the course changed since they were copied; the learner's copies were kept.
        public var starterChanged: [String]
    }

    /// Makes sure the lesson's folder holds every starter file, copying only those that are
    /// missing, and reports starter files the course changed since they were copied.
    public func prepare(_ lesson: Lesson) throws -> Preparation {
        guard let code = lesson.code else { throw WorkspaceError(message: "`\(lesson.id)` is not a code lesson") }
        let folder = self.folder(for: lesson.id)
        var manifest = StarterManifest.read(in: folder)
        var copied: [String] = []
        var changed: [String] = []
        for name in code.starter {
            let source = lesson.folder.appendingPathComponent("starter").appendingPathComponent(name)
            let target = folder.appendingPathComponent(name)
            let sourceHash = try fileHash(source)
            if FileManager.default.fileExists(atPath: target.path) {
                if let recorded = manifest.files[name], recorded != sourceHash { changed.append(name) }
                continue
            }
            try copy(source, to: target)
            manifest.files[name] = sourceHash
            copied.append(name)
        }
        if !copied.isEmpty { try manifest.write(in: folder) }
        return Preparation(folder: folder, copied: copied, starterChanged: changed)
    }

    /// Overwrites the learner's files with the current starter. Only on the learner's explicit request.
    @discardableResult
    public func reset(_ lesson: Lesson) throws -> URL {
        guard let code = lesson.code else { throw WorkspaceError(message: "`\(lesson.id)` is not a code lesson") }
        let folder = self.folder(for: lesson.id)
        var manifest = StarterManifest()
        for name in code.starter {
            let source = lesson.folder.appendingPathComponent("starter").appendingPathComponent(name)
            try copy(source, to: folder.appendingPathComponent(name))
            manifest.files[name] = try fileHash(source)
        }
        try manifest.write(in: folder)
        return folder
    }

    private func copy(_ source: URL, to target: URL) throws {
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw WorkspaceError(message: "cannot copy \(source.path) to \(target.path): \(error.localizedDescription)")
        }
    }

    private func fileHash(_ file: URL) throws -> String {
        guard let data = try? Data(contentsOf: file) else {
            throw WorkspaceError(message: "cannot read the starter file \(file.path)")
        }
        return SHA256.hex(data)
    }
}

/// Why the workspace could not be prepared.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The starter files as they were copied: name → SHA-256 of the copied content.
struct StarterManifest: Codable, Equatable {
    var files: [String: String] = [:]

    static func read(in folder: URL) -> StarterManifest {
        let file = folder.appendingPathComponent(Workspace.manifestName)
        return (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode(StarterManifest.self, from: $0) } ?? StarterManifest()
    }

    func write(in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(self).write(to: folder.appendingPathComponent(Workspace.manifestName), options: .atomic)
        } catch {
            throw WorkspaceError(message: "cannot record the starter in \(folder.path): \(error.localizedDescription)")
        }
    }
}
