import Dispatch
import Foundation

/// What loading a course produced: the course (when usable), its tracks and every problem found.
public struct CourseLoadResult: Sendable {
    /// The course, or `nil` when `course.yml` is missing or lacks a usable `id`, `title` or `welcome`.
    public var course: Course?
    /// The tracks that loaded, in order; the same as `course?.tracks` when there is a course, and still
    /// filled when there is not, so `crucible list` can show the good lessons of a course being written.
    public var tracks: [Track]
    /// Every problem, sorted by file, then line and column.
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The course, or an untitled one of the tracks that loaded when `course.yml` has errors, so
    /// the full screen still opens and trust still sees every lesson.
    public func courseOrUntitled(root: URL) -> Course {
        course
            ?? Course(
                id: "untitled", title: "Untitled course (course.yml has errors)", welcome: "", final: nil, root: root,
                tracks: tracks)
    }
}

/// Loads a course folder and checks every rule of the lesson format (`Lessons/README.md`).
///
/// Problems never stop loading: each is reported and the rest goes on.
/// - A lesson with any error is left out; its warnings are still reported and it still loads if it has only warnings.
/// - A track whose `track.yml` is missing or broken is reported and still loaded, with its lessons,
///   using the folder name (without its numeric prefix) as a stand-in id and title for each field that
///   cannot be read, so the course stays usable while it is being written.
/// - A missing or broken `course.yml` is reported; `course` is then `nil` but `tracks` is still filled.
/// - Ids must be unique across the course (tracks and lessons alike); the second use is reported,
///   naming the first, and that lesson is left out (a duplicate track id is only reported).
///
/// Lessons are parsed in parallel; the result does not depend on scheduling.
public enum CourseLoader {
    public static func load(from root: URL) -> CourseLoadResult {
        let course = CourseFolder(root: root)
        return course.load()
    }

    /// `course.yml` and the one lesson in `track/lesson` (folder names), parsed as a full load
    /// parses them: what a command about one lesson needs beyond the course index.
    /// Nil when `course.yml` has no usable course or the lesson does not load without errors.
    static func loadOne(from root: URL, track: String, lesson: String) -> (course: Course, lesson: Lesson)? {
        CourseFolder(root: root).loadOne(track: track, lesson: lesson)
    }
}

/// One load of one course folder.
private struct CourseFolder {
    let root: URL
    /// The root's file-system path.
    let path: String
    /// The root as the caller gave it, prefixed to every diagnostic's file.
    let displayPath: String

    init(root: URL) {
        self.root = root
        path = root.standardizedFileURL.path
        var shown = root.relativePath
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        displayPath = shown
    }

    func display(_ relative: String) -> String { displayPath == "/" ? "/" + relative : displayPath + "/" + relative }

    func load() -> CourseLoadResult {
        var diagnostics: [Diagnostic] = []
        guard isDirectory(path) else {
            diagnostics.append(
                Diagnostic(
                    file: displayPath, line: 1, column: 1, severity: .error,
                    message: "the course folder does not exist; pass a folder holding course.yml"))
            return CourseLoadResult(course: nil, tracks: [], diagnostics: diagnostics)
        }
        let courseReport = FileReport(file: display("course.yml"))
        let header = CourseFileParser.course(path + "/course.yml", report: courseReport)
        diagnostics += courseReport.diagnostics

        let trackFolders = self.trackFolders(&diagnostics)
        var tracks: [(header: TrackHeader, introduction: String?, folder: String, lessons: [LessonLocation])] = []
        for folder in trackFolders {
            let report = FileReport(file: display(folder + "/track.yml"))
            let header = CourseFileParser.track(path + "/" + folder + "/track.yml", folder: folder, report: report)
            diagnostics += report.diagnostics
            let introductionReport = FileReport(file: display(folder + "/track.md"))
            let introduction = TrackIntroduction.read(path + "/" + folder + "/track.md", report: introductionReport)
            diagnostics += introductionReport.diagnostics
            tracks.append((header, introduction, folder, lessonLocations(inTrack: folder)))
        }

        let catalog = ToolCatalog(declared: header?.tools ?? [])
        let outcomes = parseInParallel(tracks.flatMap(\.lessons), tools: catalog)
        var firstUses: [String: Place] = [:]
        var loadedTracks: [Track] = []
        var next = 0
        for track in tracks {
            claim(track.header.id, at: track.header.idPlace, in: &firstUses, &diagnostics, what: "track")
            var lessons: [Lesson] = []
            for location in track.lessons {
                let outcome = outcomes[next]
                next += 1
                diagnostics += outcome.diagnostics
                guard let lesson = outcome.lesson else { continue }
                let place = Place(file: location.displayPath + "/lesson.md", line: outcome.idLine, column: outcome.idColumn)
                if claim(lesson.id, at: place, in: &firstUses, &diagnostics, what: "lesson") { lessons.append(lesson) }
            }
            loadedTracks.append(
                Track(
                    id: track.header.id, title: track.header.title, summary: track.header.summary,
                    introduction: track.introduction, folder: root.appendingPathComponent(track.folder, isDirectory: true), lessons: lessons
                ))
        }

        if let header { diagnostics += ScoreboardParser.check(header.scoreboardReferences, lessons: loadedTracks.flatMap(\.lessons)) }
        diagnostics.sort { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
        let course = header.map {
            Course(
                id: $0.id, title: $0.title, welcome: $0.welcome, final: $0.final, root: root, tracks: loadedTracks, tools: catalog,
                scoreboard: $0.scoreboard)
        }
        return CourseLoadResult(course: course, tracks: loadedTracks, diagnostics: diagnostics)
    }

    func loadOne(track: String, lesson: String) -> (course: Course, lesson: Lesson)? {
        let report = FileReport(file: display("course.yml"))
        guard let header = CourseFileParser.course(path + "/course.yml", report: report) else { return nil }
        let tools = ToolCatalog(declared: header.tools)
        let location = LessonLocation(
            folder: root.appendingPathComponent(track, isDirectory: true).appendingPathComponent(lesson, isDirectory: true),
            path: path + "/" + track + "/" + lesson, displayPath: display(track + "/" + lesson))
        let outcome = LessonParser.parse(location, tools: tools)
        guard let parsed = outcome.lesson, !outcome.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let course = Course(
            id: header.id, title: header.title, welcome: header.welcome, final: header.final, root: root, tracks: [], tools: tools,
            scoreboard: header.scoreboard)
        return (course, parsed)
    }

    /// Records the first use of `id`; reports a later one at `place`, naming the first.
    @discardableResult
    private func claim(
        _ id: String, at place: Place, in firstUses: inout [String: Place],
        _ diagnostics: inout [Diagnostic], what: String
    ) -> Bool {
        guard let first = firstUses[id] else {
            firstUses[id] = place
            return true
        }
        diagnostics.append(
            Diagnostic(
                file: place.file, line: place.line, column: place.column, severity: .error,
                message:
                    "duplicate id \(quoted: id): \(first) already uses it; give this \(what) its own id (ids are unique across the course)")
        )
        return false
    }

    /// Parses every lesson on all cores, keeping results in the order of `locations`.
    private func parseInParallel(_ locations: [LessonLocation], tools: ToolCatalog) -> [LessonOutcome] {
        let empty = LessonOutcome(lesson: nil, diagnostics: [])
        var outcomes = [LessonOutcome](repeating: empty, count: locations.count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one iteration, so the unsynchronised writes cannot race.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: locations.count) { index in
                slots[index] = LessonParser.parse(locations[index], tools: tools)
            }
        }
        return outcomes
    }

    /// Top-level folders that are tracks, in order. Reports lessons found outside any track.
    private func trackFolders(_ diagnostics: inout [Diagnostic]) -> [String] {
        var tracks: [String] = []
        for name in FolderOrder.sorted(subfolders(of: path)) {
            let folder = path + "/" + name
            let hasTrackFile = exists(folder + "/track.yml")
            if exists(folder + "/lesson.md") {
                let message =
                    hasTrackFile
                    ? "this folder has both track.yml and lesson.md, so the lesson is ignored; move the lesson into a folder of its own inside the track"
                    : "this lesson is not inside a track, so it is not loaded; move its folder into a track folder (one with a track.yml)"
                diagnostics.append(
                    Diagnostic(
                        file: display(name + "/lesson.md"), line: 1, column: 1, severity: .error,
                        message: message))
                if !hasTrackFile { continue }
            }
            if hasTrackFile || subfolders(of: folder).contains(where: { exists(folder + "/" + $0 + "/lesson.md") }) {
                tracks.append(name)
            }
        }
        return tracks
    }

    private func lessonLocations(inTrack track: String) -> [LessonLocation] {
        let trackURL = root.appendingPathComponent(track, isDirectory: true)
        // Entries are not checked to be folders here: reading `lesson.md` in parallel finds that out.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path + "/" + track)) ?? []
        return FolderOrder.sorted(names.filter { !$0.hasPrefix(".") }).map { name in
            LessonLocation(
                folder: trackURL.appendingPathComponent(name, isDirectory: true),
                path: path + "/" + track + "/" + name, displayPath: display(track + "/" + name))
        }
    }

    /// Visible subfolders (names not starting with `.`).
    private func subfolders(of folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && isDirectory(folder + "/" + $0) }
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

/// A position in a file, written `file:line:column` in messages.
struct Place: CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var description: String { "\(file):\(line):\(column)" }
}
