import Foundation

/// A problem that stops a course, track or lesson from being created, as one sentence with its fix.
public struct ScaffoldError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// What creating a course, track or lesson produced.
public struct ScaffoldResult: Sendable, Equatable {
    /// The new folder.
    public var folder: URL
    /// The id written into the new file.
    public var id: String
    /// Every file written, in the order written.
    public var files: [URL]
}

/// Creates courses, tracks and lessons from templates that already pass `crucible lint` and
/// `crucible verify`, so an author starts from something that works and changes it.
///
/// Tracks and lessons get the next free order prefix (`03-` after `02-`), and every file
/// carries a `yaml-language-server` comment naming the course's JSON Schema under `schema/`.
public enum Scaffold {
    /// The course's schema folder, beside `course.yml`.
    public static let schemaFolderName = "schema"
    /// The schema files a course ships, as named in the templates' `yaml-language-server` comments.
    public static let schemaFiles = [
        "course.schema.json", "track.schema.json", "lesson.schema.json",
        "achievements.schema.json",
    ]

    /// Creates a course in `folder` (which must not exist, or be empty): `course.yml`, `achievements.yml`,
    /// a `README.md` saying how to run it, and the JSON Schemas copied from `schemaSource` when given.
    public static func course(at folder: URL, schemaSource: URL?) throws -> ScaffoldResult {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.filter({ !$0.hasPrefix(".") }).isEmpty else {
            throw ScaffoldError("\(folder.relativePath) already exists and is not empty; choose a new folder for the course")
        }
        let name = folder.standardizedFileURL.lastPathComponent
        let id = slug(fromName: name) ?? "course"
        var writer = FileWriter(root: folder)
        try writer.write("course.yml", CourseTemplate.courseFile(id: id, title: title(fromSlug: id)))
        try writer.write(AchievementsFile.name, CourseTemplate.achievementsFile)
        try writer.write("README.md", CourseTemplate.readme(title: title(fromSlug: id), folder: name))
        if let schemaSource {
            for file in schemaFiles {
                let source = schemaSource.appendingPathComponent(file)
                guard let text = try? String(contentsOf: source, encoding: .utf8) else {
                    throw ScaffoldError("cannot read the schema \(source.path); reinstall Crucible, whose course ships it")
                }
                try writer.write(schemaFolderName + "/" + file, text)
            }
        }
        return ScaffoldResult(folder: folder, id: id, files: writer.written)
    }

    /// Creates track `slug` in `course` (a folder with `course.yml`): `NN-slug/track.yml`.
    public static func track(in course: URL, slug: String) throws -> ScaffoldResult {
        guard exists(course.appendingPathComponent("course.yml")) else {
            throw ScaffoldError(
                "\(course.relativePath) is not a course folder (it has no course.yml); "
                    + "create one with `crucible new course \(course.relativePath)`")
        }
        let (folderName, id) = try orderedFolder(for: slug, in: course, what: "track")
        let folder = course.appendingPathComponent(folderName, isDirectory: true)
        var writer = FileWriter(root: folder)
        try writer.write("track.yml", CourseTemplate.trackFile(id: id, title: title(fromSlug: id)))
        return ScaffoldResult(folder: folder, id: id, files: writer.written)
    }

    /// Creates lesson `slug` of `kind` in `track` (a folder with `track.yml`): `NN-slug/lesson.md` and,
    /// for predict and code lessons, the program, starter, solution, harness and a known-wrong variant
    /// in `language`. The lesson's id is the track's id, a dot, and the slug.
    public static func lesson(
        in track: URL, slug: String, kind: LessonKind,
        language: TemplateLanguage = .swift
    ) throws -> ScaffoldResult {
        let trackFile = track.appendingPathComponent("track.yml")
        guard exists(trackFile) else {
            throw ScaffoldError(
                "\(track.relativePath) is not a track folder (it has no track.yml); "
                    + "create one with `crucible new track COURSE/SLUG`")
        }
        let header = CourseFileParser.track(
            trackFile.path, folder: track.lastPathComponent,
            report: FileReport(file: trackFile.relativePath))
        let (folderName, lessonSlug) = try orderedFolder(for: slug, in: track, what: "lesson")
        let id = header.id + "." + lessonSlug
        let folder = track.appendingPathComponent(folderName, isDirectory: true)
        var writer = FileWriter(root: folder)
        for file in LessonTemplate.files(id: id, title: title(fromSlug: lessonSlug), kind: kind, language: language) {
            try writer.write(file.path, file.text)
        }
        return ScaffoldResult(folder: folder, id: id, files: writer.written)
    }

    /// The track folder `path` names: the folder itself when it has `track.yml`, else the track in
    /// its parent folder whose folder name without order prefix, or whose id, is the last component
    /// (so `my-course/basics` finds `my-course/02-basics`).
    public static func resolveTrack(_ path: URL) -> URL {
        if exists(path.appendingPathComponent("track.yml")) { return path }
        let parent = path.deletingLastPathComponent()
        let wanted = path.lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in FolderOrder.sorted(names) where exists(parent.appendingPathComponent(name + "/track.yml")) {
            let trackFile = parent.appendingPathComponent(name + "/track.yml")
            let id = CourseFileParser.track(trackFile.path, folder: name, report: FileReport(file: name)).id
            if FolderOrder.title(fromFolder: name) == wanted || id == wanted {
                return parent.appendingPathComponent(name, isDirectory: true)
            }
        }
        return path
    }

    /// The next free order prefix among the folders in `parent`: one more than the highest, as wide
    /// as the widest (at least two digits); `01-` when none has one.
    public static func nextPrefix(in parent: URL) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        let prefixed = names.filter { FolderOrder.prefixNumber($0) != nil }
        let next = (prefixed.compactMap(FolderOrder.prefixNumber).max() ?? 0) + 1
        let width = max(2, prefixed.map { $0.prefix { $0.isNumber }.count }.max() ?? 0)
        let digits = String(next)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits + "-"
    }

    /// The folder name (with an order prefix) and the slug without it, for a new track or lesson;
    /// rejects a slug that is not a valid id part or is already used in `parent`.
    static func orderedFolder(for given: String, in parent: URL, what: String) throws -> (folder: String, slug: String) {
        let hasPrefix = FolderOrder.prefixNumber(given) != nil
        let bare = hasPrefix ? FolderOrder.title(fromFolder: given) : given
        guard isValidSlug(bare) else {
            throw ScaffoldError(
                "`\(given)` cannot name a \(what): use lower-case letters, digits, `-` and `_`, "
                    + "starting with a letter or digit (for example `retain-cycles`)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        if let taken = names.first(where: { FolderOrder.title(fromFolder: $0) == bare }) {
            throw ScaffoldError("\(parent.appendingPathComponent(taken).relativePath) already exists; choose another name for the \(what)")
        }
        return ((hasPrefix ? "" : nextPrefix(in: parent)) + given, bare)
    }

    /// A slug: an id without dots, so that `track.slug` stays unambiguous.
    static func isValidSlug(_ text: String) -> Bool {
        Identifier.isValid(text) && !text.contains(".")
    }

    /// A slug made from a folder name: `My Course` → `my-course`; `nil` when nothing usable is left.
    static func slug(fromName name: String) -> String? {
        let mapped = name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "-" }
        let slug = String(mapped).split(separator: "-").joined(separator: "-")
        return isValidSlug(slug) ? slug : nil
    }

    /// A title made from a slug: `retain-cycles` → `Retain cycles`.
    static func title(fromSlug slug: String) -> String {
        let words = slug.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
}

/// Writes files under one folder, creating folders on the way, and never overwrites a file.
private struct FileWriter {
    let root: URL
    private(set) var written: [URL] = []

    init(root: URL) { self.root = root }

    mutating func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        let manager = FileManager.default
        guard !manager.fileExists(atPath: url.path) else {
            throw ScaffoldError("\(url.relativePath) already exists; nothing was overwritten")
        }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError("cannot write \(url.relativePath): \(error.localizedDescription)")
        }
        written.append(url)
    }
}
