import Foundation

/// The learner's workspace: one folder per code lesson holding their copy of its starter files.
///
/// Layout: `ROOT/<course-id>/<lesson-id>/` holds the learner's files, plus the dot-file
/// `.crucible-starter.json` recording the hash of each starter file as it was copied. Starter
/// files are copied the first time a lesson is opened and never overwritten afterwards, except
/// by ``reset(_:keepingCopyAs:)``. When the course ships a changed starter, ``prepare(_:)`` reports it and
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
    public static func defaultRoot(
        option: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let named = environment[environmentKey], !named.isEmpty { return URL(fileURLWithPath: named) }
        return BaseFolder.data.crucible(environment: environment).appendingPathComponent("workspace")
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

    /// The largest learner file a check reads. Lesson files are source code; a larger one is
    /// almost surely a mistake (a core dump, a log), and reading it would take seconds and its
    /// size in memory.
    public static let learnerFileLimit: Int64 = 16 << 20

    /// The content of a learner file, read in chunks and refused without reading it when it
    /// is larger than ``learnerFileLimit`` or not a regular file (a pipe would block forever).
    /// The error names the file and the limit.
    public static func readLearnerFile(_ file: URL) throws -> Data {
        try WorkspaceIO.read(file.path, limit: learnerFileLimit)
    }

    /// Makes sure the lesson's folder holds every starter file, copying only those that are
    /// missing, and reports starter files the course changed since they were copied.
    ///
    /// Safe when run by two processes at once: the folder is locked while files are copied,
    /// and each file is copied under a temporary name and linked into place only if absent.
    /// A lesson folder that is a link (to the learner's own folder) is read through but never
    /// written through: if a starter file is missing there, this refuses.
    public func prepare(_ lesson: Lesson) throws -> Preparation {
        guard let code = lesson.code else { throw WorkspaceError(message: "`\(lesson.id)` is not a code lesson") }
        let folder = self.folder(for: lesson.id)
        if WorkspaceIO.entry(folder.path) == .link {
            return try inspectLinkedFolder(folder, starter: code.starter, lesson: lesson)
        }
        try makeLessonFolder(folder)
        let lock = try WorkspaceIO.FolderLock(folder.path)
        defer { withExtendedLifetime(lock) {} }
        var manifest = StarterManifest.read(in: folder)
        var copied: [String] = []
        var changed: [String] = []
        for name in code.starter {
            let source = try starterFile(name, of: lesson)
            let target = folder.appendingPathComponent(name)
            if WorkspaceIO.entry(target.path) != .missing {
                if let recorded = manifest.files[name], try recorded != WorkspaceIO.hash(source) { changed.append(name) }
                continue
            }
            try makeFolders(for: name, in: folder, replacingLinks: false)
            let (temporary, hash) = try WorkspaceIO.copyToTemporary(from: source, in: target.deletingLastPathComponent().path)
            if try WorkspaceIO.placeIfAbsent(temporary, at: target.path) {
                manifest.files[name] = hash
                copied.append(name)
            }
        }
        if !copied.isEmpty { try manifest.write(in: folder) }
        return Preparation(folder: folder, copied: copied, starterChanged: changed)
    }

    /// A lesson folder the learner replaced by a link: usable as long as nothing must be written.
    private func inspectLinkedFolder(_ folder: URL, starter: [String], lesson: Lesson) throws -> Preparation {
        let manifest = StarterManifest.read(in: folder)
        var changed: [String] = []
        for name in starter {
            let source = try starterFile(name, of: lesson)
            guard WorkspaceIO.entry(folder.appendingPathComponent(name).path) != .missing else {
                throw WorkspaceIO.LinkOut(
                    path: folder.path, target: WorkspaceIO.linkTarget(folder.path),
                    needed: "the starter file `\(name)` is missing there")
            }
            if let recorded = manifest.files[name], try recorded != WorkspaceIO.hash(source) { changed.append(name) }
        }
        return Preparation(folder: folder, copied: [], starterChanged: changed)
    }

    /// What ``reset(_:keepingCopyAs:)`` did.
    public struct Reset: Sendable, Equatable {
        /// The lesson's folder, now holding the starter.
        public var folder: URL
        /// The verified copy of the folder as it was, when there was one to keep.
        public var kept: URL?
        /// How many files the kept copy holds.
        public var keptFiles: Int
        /// Where the lesson folder pointed when it was a link; the link was replaced by a real
        /// folder and what it pointed to was left untouched.
        public var replacedLink: String?
    }

    /// Overwrites the learner's files with the current starter. Only on the learner's explicit request.
    ///
    /// With `suffix`, the lesson folder is first copied by content to `<lesson-id><suffix>` beside
    /// it and the copy verified; if that fails nothing is changed. Links on the way (the lesson
    /// folder itself, or a folder inside it) are replaced by real folders rather than written
    /// through, so files outside the workspace are never changed.
    @discardableResult
    public func reset(_ lesson: Lesson, keepingCopyAs suffix: String? = nil) throws -> Reset {
        guard let code = lesson.code else { throw WorkspaceError(message: "`\(lesson.id)` is not a code lesson") }
        let folder = self.folder(for: lesson.id)
        let sources = try code.starter.map { try starterFile($0, of: lesson) }
        try makeCourseFolder()
        var result = Reset(folder: folder, kept: nil, keptFiles: 0, replacedLink: nil)
        let existing = WorkspaceIO.entry(folder.path)
        if existing != .missing, let suffix {
            let copy = folder.deletingLastPathComponent().appendingPathComponent(lesson.id + suffix, isDirectory: true)
            do {
                result.keptFiles = try WorkspaceIO.keepCopy(of: folder.path, at: copy.path)
            } catch {
                throw WorkspaceError(message: "cannot keep a copy of \(folder.path) before restoring it, so nothing was changed: \(error)")
            }
            result.kept = copy
        }
        do {
            try restore(code.starter, from: sources, in: folder, linked: existing == .link, into: &result)
        } catch let error where result.kept != nil {
            throw WorkspaceError(message: "\(error); your files as they were are kept in \(result.kept!.path)")
        }
        return result
    }

    private func restore(_ names: [String], from sources: [String], in folder: URL, linked: Bool, into result: inout Reset) throws {
        if linked {
            result.replacedLink = WorkspaceIO.linkTarget(folder.path)
            guard unlink(folder.path) == 0 else {
                throw WorkspaceError(message: "cannot remove the link \(folder.path): \(WorkspaceIO.describe(errno))")
            }
        }
        try WorkspaceIO.makeRealFolder(folder.path)
        let lock = try WorkspaceIO.FolderLock(folder.path)
        defer { withExtendedLifetime(lock) {} }
        var manifest = StarterManifest()
        for (name, source) in zip(names, sources) {
            let target = folder.appendingPathComponent(name)
            try makeFolders(for: name, in: folder, replacingLinks: true)
            let (temporary, hash) = try WorkspaceIO.copyToTemporary(from: source, in: target.deletingLastPathComponent().path)
            if WorkspaceIO.entry(target.path) == .folder {
                unlink(temporary)
                throw WorkspaceError(
                    message: "\(target.path) is a folder, so the starter file cannot replace it; move it away and reset again")
            }
            try WorkspaceIO.replace(temporary, at: target.path)
            manifest.files[name] = hash
        }
        try manifest.write(in: folder)
    }

    /// The path of starter file `name`, refused when it is a link leading outside the lesson
    /// folder (loading refuses such a lesson too; this covers a link changed since).
    private func starterFile(_ name: String, of lesson: Lesson) throws -> String {
        let path = lesson.folder.appendingPathComponent("starter").appendingPathComponent(name).path
        guard let resolved = WorkspaceIO.realPath(path) else {
            throw WorkspaceError(message: "cannot read the starter file \(path): \(WorkspaceIO.describe(errno))")
        }
        let inside = WorkspaceIO.realPath(lesson.folder.path) ?? lesson.folder.path
        guard resolved.hasPrefix(inside + "/") else {
            throw WorkspaceError(
                message: "the starter file `\(name)` of `\(lesson.id)` is a link to outside the lesson folder "
                    + "(\(resolved)), so it was not copied; copy the file into the lesson folder instead")
        }
        return path
    }

    /// Creates the root if needed (it may be a link: the learner chose it) and the course folder,
    /// which must be a real folder.
    private func makeCourseFolder() throws {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch  where WorkspaceIO.realPath(root.path) != nil {
            // Another process created it meanwhile.
        } catch {
            throw WorkspaceError(message: "cannot create the workspace folder \(root.path): \(error.localizedDescription)")
        }
        try WorkspaceIO.makeRealFolder(root.appendingPathComponent(courseID).path)
    }

    private func makeLessonFolder(_ folder: URL) throws {
        try makeCourseFolder()
        try WorkspaceIO.makeRealFolder(folder.path)
    }

    /// Makes the folders on the way to `name` inside `folder` real; with `replacingLinks`, a
    /// link among them is removed (only the link) and a folder made in its place.
    private func makeFolders(for name: String, in folder: URL, replacingLinks: Bool) throws {
        var path = folder.path
        for component in name.split(separator: "/").dropLast() {
            path += "/" + component
            if replacingLinks, WorkspaceIO.entry(path) == .link, unlink(path) != 0 {
                throw WorkspaceError(message: "cannot remove the link \(path): \(WorkspaceIO.describe(errno))")
            }
            try WorkspaceIO.makeRealFolder(path)
        }
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

    /// Written under a fresh temporary name and renamed, so a link planted at either name is never followed.
    func write(in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let temporary = try WorkspaceIO.writeTemporary(try encoder.encode(self), in: folder.path)
            try WorkspaceIO.replace(temporary, at: folder.appendingPathComponent(Workspace.manifestName).path)
        } catch {
            throw WorkspaceError(message: "cannot record the starter in \(folder.path): \(error)")
        }
    }
}
