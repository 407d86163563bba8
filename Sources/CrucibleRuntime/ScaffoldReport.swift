import CrucibleEngine
import Foundation

/// `crucible new`'s output: runs a scaffolding step, then prints the files it created and what to run next.
public enum ScaffoldReport {
    /// `crucible new course DIR`: a course folder with the bundled course's JSON Schemas (when found).
    public static func newCourse(at folder: String) throws {
        let schemas = BundledCourse.schemaFolder()
        if schemas == nil {
            Output.error("crucible: the bundled course's schema folder was not found, so the new course has no schema/")
        }
        let next = { (_: ScaffoldResult) in ["crucible new track \(folder)/SLUG", "crucible lint \(folder)"] }
        try run(next: next) {
            try Scaffold.course(at: URL(fileURLWithPath: folder), schemaSource: schemas)
        }
    }

    /// `crucible new track DIR/SLUG`: a track in the course folder DIR.
    public static func newTrack(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let next = { (track: ScaffoldResult) in ["crucible new lesson \(track.folder.relativePath)/SLUG --kind read|quiz|predict|code"] }
        try run(next: next) {
            try Scaffold.track(in: url.deletingLastPathComponent(), slug: url.lastPathComponent)
        }
    }

    /// `crucible new lesson TRACK/SLUG`: a lesson in TRACK, a track folder or its name without the order prefix.
    public static func newLesson(at path: String, kind: LessonKind, language: TemplateLanguage) throws {
        let url = URL(fileURLWithPath: path)
        let track = Scaffold.resolveTrack(url.deletingLastPathComponent())
        let course = track.deletingLastPathComponent().relativePath
        let next = { (lesson: ScaffoldResult) in
            [
                "crucible lint \(course)", "crucible verify --lessons \(course) \(lesson.id)",
                "crucible show --lessons \(course) \(lesson.id)",
            ]
        }
        try run(next: next) {
            try Scaffold.lesson(in: track, slug: url.lastPathComponent, kind: kind, language: language)
        }
    }

    /// Runs `body`, turning its error into the command's one-sentence failure, and prints what it
    /// created followed by the commands `next` suggests for the result.
    private static func run(next: (ScaffoldResult) -> [String], _ body: () throws -> ScaffoldResult) throws {
        let result: ScaffoldResult
        do { result = try body() } catch let error as ScaffoldError { throw CommandFailure(message: error.message) }
        for file in result.files { Output.print("created \(file.relativePath)") }
        Output.print("id: \(result.id)")
        Output.print("next:")
        for command in next(result) { Output.print("  " + command) }
    }
}

extension BundledCourse {
    /// The JSON Schemas shipped with the bundled course (`Lessons/schema`), ignoring
    /// $CRUCIBLE_LESSONS first, since that may name the author's own course.
    public static func schemaFolder() -> URL? {
        for course in [locate(environment: [:]), locate()].compactMap({ $0 }) {
            let folder = course.appendingPathComponent(Scaffold.schemaFolderName, isDirectory: true)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Scaffold.schemaFiles[0]).path) {
                return folder
            }
        }
        return nil
    }
}
