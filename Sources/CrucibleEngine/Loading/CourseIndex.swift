import Foundation

/// What the course map shows of a course, kept between launches so the first frame needs no
/// lesson parsed: the course's and tracks' titles, each loaded lesson's id, title, kind and
/// points, the load's errors, and a stamp of every file and folder they came from.
///
/// An index is a stand-in, never the course: lessons built from it have no check, quiz or
/// program, so the full screen loads the course in full right after the first frame and puts
/// the real one in its place. An index whose stamps no longer match the files is not used at all.
/// `lint`, `check` and live reload always read every file.
public struct CourseIndex: Sendable, Equatable {
    /// The course, its tracks and lessons as the map shows them.
    public var course: Course
    /// The errors the full load reported, printed again before the full screen starts.
    public var errors: [Diagnostic]
    /// Every file and folder the index was made from, as it was just before the full load read it.
    public var stamps: [FileStamp]

    /// The index of a course just loaded in full; `stamps` must be taken before that load.
    /// Nil when the load has no usable course.
    public init?(_ loaded: CourseLoadResult, stamps: [FileStamp]) {
        guard let course = loaded.course else { return nil }
        self.course = course
        errors = loaded.errors
        self.stamps = stamps
    }

    /// The course as the index has it, for the first frame: lessons without their checks.
    public var loadResult: CourseLoadResult {
        CourseLoadResult(course: course, tracks: course.tracks, diagnostics: errors)
    }

    /// Whether every stamped file and folder is still as it was.
    public var isCurrent: Bool {
        let root = course.root.path
        return stamps.allSatisfy { $0 == FileStamp(root: root, path: $0.path) }
    }

    /// Stamps of what a load of the course at `root` reads to build the map: the course's and
    /// tracks' folders (a lesson added, removed or renamed changes them) and `course.yml`, each
    /// `track.yml` and `track.md`, and each lesson's `lesson.md` (editors that save by rename
    /// change the folder too).
    public static func stamps(ofCourseAt root: URL) -> [FileStamp] {
        let rootPath = root.standardizedFileURL.path
        var paths = ["", "course.yml"]
        for track in visibleFolders(in: rootPath) {
            paths += [track, track + "/track.yml", track + "/track.md"]
            paths += visibleFolders(in: rootPath + "/" + track).map { track + "/" + $0 + "/lesson.md" }
        }
        return paths.map { FileStamp(root: rootPath, path: $0) }
    }

    private static func visibleFolders(in path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { name in
            var info = stat()
            return !name.hasPrefix(".") && stat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }.sorted()
    }
}

/// A file or folder as `stat` sees it: enough to tell that it changed, was replaced or vanished.
///
/// A file rewritten in place, at the same size, within one tick of the file system's clock
/// (a few milliseconds) of the stamp keeps its stamp; the index is then one launch behind, and
/// that launch's full load, right after its first frame, shows the file as it is.
public struct FileStamp: Sendable, Equatable {
    /// Relative to the course folder; empty for the folder itself.
    public var path: String
    /// Nil when nothing is there.
    public var size: Int64?
    public var modified: Int64
    public var inode: UInt64

    public init(path: String, size: Int64?, modified: Int64, inode: UInt64) {
        self.path = path
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of `path` under `root` now.
    init(root: String, path: String) {
        self.path = path
        var info = stat()
        guard stat(path.isEmpty ? root : root + "/" + path, &info) == 0 else {
            (size, modified, inode) = (nil, 0, 0)
            return
        }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

// MARK: - The file

/// The index's file: one record per line, fields separated by tabs, with `\`, tab and newline
/// escaped. Read with a split, not a JSON or YAML parser, because it is read before the first frame.
extension CourseIndex {
    /// The first line; a file that does not start with it (older, newer or not an index) is ignored.
    static let header = "crucible course index 1"

    /// The file's text.
    public var text: String {
        var lines = [Self.header]
        func record(_ fields: String...) { lines.append(fields.map(Self.escape).joined(separator: "\t")) }
        record("root", course.root.standardizedFileURL.path, course.root.relativePath)
        record("course", course.id, course.title, course.welcome, course.final.map { "+" + $0 } ?? "")
        for stamp in stamps {
            record(
                "stamp", stamp.path, stamp.size.map(String.init) ?? "-", String(stamp.modified), String(stamp.inode))
        }
        for error in errors {
            record("error", error.file, String(error.line), String(error.column), error.message)
        }
        for track in course.tracks {
            record(
                "track", track.id, track.title, track.summary, track.introduction.map { "+" + $0 } ?? "",
                track.folder.lastPathComponent)
            for lesson in track.lessons {
                record("lesson", lesson.id, lesson.title, lesson.kind.rawValue, String(lesson.xp), lesson.folder.lastPathComponent)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads an index's text for the course at `root`, spelled as the caller spells it (the
    /// errors' file names start with it); nil for anything that is not a whole index of this
    /// version made from that folder so spelled.
    public init?(text: String, root: URL) {
        // Split as bytes: splitting a 10,000-lesson index as a String took five times as long.
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.first.map({ String(decoding: $0, as: UTF8.self) }) == Self.header, lines.last?.isEmpty == true else { return nil }
        lines = Array(lines.dropFirst().dropLast())
        var sameRoot = false
        var header: (id: String, title: String, welcome: String, final: String?)?
        var stamps: [FileStamp] = []
        var errors: [Diagnostic] = []
        var tracks: [Track] = []
        var trackPaths: [String] = []
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                Self.unescape(String(decoding: $0, as: UTF8.self))
            }
            switch (fields.first, fields.count) {
            case ("root", 3):
                sameRoot = fields[1] == root.standardizedFileURL.path && fields[2] == root.relativePath
            case ("course", 5):
                header = (fields[1], fields[2], fields[3], Self.optional(fields[4]))
            case ("stamp", 5):
                guard let modified = Int64(fields[3]), let inode = UInt64(fields[4]) else { return nil }
                let size = Int64(fields[2])
                guard size != nil || fields[2] == "-" else { return nil }
                stamps.append(FileStamp(path: fields[1], size: size, modified: modified, inode: inode))
            case ("error", 5):
                guard let line = Int(fields[2]), let column = Int(fields[3]) else { return nil }
                errors.append(Diagnostic(file: fields[1], line: line, column: column, severity: .error, message: fields[4]))
            case ("track", 6):
                guard sameRoot else { return nil }
                trackPaths.append(root.appendingPathComponent(fields[5], isDirectory: true).relativePath)
                tracks.append(
                    Track(
                        id: fields[1], title: fields[2], summary: fields[3], introduction: Self.optional(fields[4]),
                        folder: root.appendingPathComponent(fields[5], isDirectory: true), lessons: []))
            case ("lesson", 6):
                guard let kind = LessonKind(rawValue: fields[3]), let xp = Int(fields[4]), !tracks.isEmpty else { return nil }
                // URLs from whole paths: appending a component to a URL costs twice as much.
                let folder = trackPaths[trackPaths.count - 1] + "/" + fields[5]
                tracks[tracks.count - 1].lessons.append(
                    Lesson(
                        id: fields[1], title: fields[2], kind: kind, xp: xp, folder: URL(fileURLWithPath: folder, isDirectory: true),
                        file: URL(fileURLWithPath: folder + "/lesson.md", isDirectory: false), bodyOffset: 0, bodyLine: 1))
            default:
                return nil
            }
        }
        guard sameRoot, let header, !stamps.isEmpty else { return nil }
        course = Course(id: header.id, title: header.title, welcome: header.welcome, final: header.final, root: root, tracks: tracks)
        self.errors = errors
        self.stamps = stamps
    }

    /// "+text" is a present value (perhaps empty), "" an absent one.
    private static func optional(_ field: String) -> String? {
        field.hasPrefix("+") ? String(field.dropFirst()) : nil
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        var escaped = ""
        for character in field {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\r\n": escaped += "\\r\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func unescape(_ field: String) -> String {
        guard field.utf8.contains(UInt8(ascii: "\\")) else { return field }
        var text = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "t": text += "\t"
                case "n": text += "\n"
                case "r": text += "\r"
                default: text.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                text.append(character)
            }
        }
        return text
    }
}

/// Where a course's index is kept: one file per course folder in the cache
/// (`$XDG_CACHE_HOME/crucible/course-index`, else `~/.cache/crucible/course-index`).
/// The cache is disposable: a file that is missing, unreadable, corrupt or stale is ignored and
/// written again after the next full load.
public struct CourseIndexStore: Sendable {
    /// The course folder, as the caller spells it.
    public var root: URL
    /// The index file.
    public var file: URL

    public init(root: URL, cache: URL = BuildCache.defaultRoot()) {
        self.root = root
        let name = SHA256.hex(Array(root.standardizedFileURL.path.utf8)).prefix(24)
        file = cache.appendingPathComponent("course-index/\(name).index")
    }

    /// The index when there is one and it still matches the course's files.
    public func current() -> CourseIndex? {
        guard case .bytes(let data) = AtomicFile.read(file, limit: 64 << 20),
            let index = CourseIndex(text: String(decoding: data, as: UTF8.self), root: root), index.isCurrent
        else { return nil }
        return index
    }

    /// Loads the course in full, stamping its files first, and keeps its index for the next launch.
    /// A cache that cannot be written only means the next launch loads in full too.
    public func load() -> CourseLoadResult {
        let stamps = CourseIndex.stamps(ofCourseAt: root)
        let loaded = CourseLoader.load(from: root)
        if let index = CourseIndex(loaded, stamps: stamps) { try? save(index) }
        return loaded
    }

    /// The course for a command about lesson `id` alone (`crucible check`): the index's
    /// stand-in course with `course.yml` and that lesson read from their files, so the other
    /// lessons are not parsed. Nil when the index is not current, lacks the lesson, or the files
    /// no longer give it without errors: the caller then loads in full, which explains.
    public func course(withLessonLoadedInFull id: String) -> CourseLoadResult? {
        guard var index = current(),
            let track = index.course.tracks.firstIndex(where: { $0.lessons.contains { $0.id == id } }),
            let position = index.course.tracks[track].lessons.firstIndex(where: { $0.id == id })
        else { return nil }
        let stand = index.course.tracks[track].lessons[position]
        guard
            let (header, lesson) = CourseLoader.loadOne(
                from: root, track: index.course.tracks[track].folder.lastPathComponent, lesson: stand.folder.lastPathComponent),
            lesson.id == id, header.id == index.course.id
        else { return nil }
        index.course.tracks[track].lessons[position] = lesson
        index.course.tools = header.tools
        index.course.scoreboard = header.scoreboard
        return index.loadResult
    }

    /// Writes `index` unless the file already holds the same.
    func save(_ index: CourseIndex) throws {
        let text = index.text
        if case .bytes(let data) = AtomicFile.read(file, limit: 64 << 20), data == Data(text.utf8) { return }
        try AtomicFile.createFolder(file.deletingLastPathComponent())
        try AtomicFile.write(Data(text.utf8), to: file)
    }
}
