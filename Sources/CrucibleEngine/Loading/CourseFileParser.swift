import Yams

/// The fields of `course.yml`.
struct CourseHeader {
    var id: String
    var title: String
    var welcome: String
    var final: String?
    /// The tools it declares under `tools`.
    var tools: [ToolInfo] = []
    /// Its `scoreboard`, if any, with where each lesson id was written (checked once lessons load).
    var scoreboard: Scoreboard?
    var scoreboardReferences: [ScoreboardParser.LessonReference] = []
}

/// The fields of `track.yml`, with stand-ins for fields that could not be read.
struct TrackHeader {
    var id: String
    var title: String
    var summary: String
    /// Where the id was read from (or the track file's first line), for duplicate-id messages.
    var idPlace: Place
}

/// Reads `course.yml` and `track.yml`.
enum CourseFileParser {
    /// Keys of `course.yml`.
    static let courseKeys = ["id", "title", "welcome", "final", "tools", "scoreboard"]
    /// Keys of `track.yml`.
    static let trackKeys = ["id", "title", "summary"]

    /// The course header, or `nil` when the file is missing or lacks a usable `id`, `title` or `welcome`.
    static func course(_ path: String, report: FileReport) -> CourseHeader? {
        let missing = "the course file is missing; create course.yml with `id`, `title` and `welcome`"
        guard
            let fields = fields(
                path, what: "course.yml", known: courseKeys,
                missing: missing, report: report)
        else { return nil }
        let id = fields.id("id")
        let title = fields.string("title", required: true)
        let welcome = fields.string("welcome", required: true)
        let final = fields.string("final")
        let tools = ToolDeclarationParser(report: report).tools(fields)
        let scoreboard = ScoreboardParser(report: report).scoreboard(fields)
        guard let id, let title, let welcome else { return nil }
        return CourseHeader(
            id: id, title: title, welcome: welcome, final: final, tools: tools, scoreboard: scoreboard?.scoreboard,
            scoreboardReferences: scoreboard?.references ?? [])
    }

    /// The track header; fields that cannot be read fall back to the folder name
    /// (`02-memory` gives id `memory` and title `memory`) and an empty summary.
    static func track(_ path: String, folder: String, report: FileReport) -> TrackHeader {
        let missing =
            "the track file is missing; create track.yml with `id`, `title` and `summary` "
            + "(meanwhile the track is named after its folder)"
        let fields = fields(path, what: "track.yml", known: trackKeys, missing: missing, report: report)
        var place = Place(file: report.file, line: 1, column: 1)
        if let mark = fields?.value("id")?.mark { place = Place(file: report.file, line: mark.line, column: mark.column) }
        return TrackHeader(
            id: fields?.id("id") ?? Identifier.fallback(fromFolder: folder),
            title: fields?.string("title", required: true) ?? FolderOrder.title(fromFolder: folder),
            summary: fields?.string("summary", required: true) ?? "",
            idPlace: place)
    }

    private static func fields(
        _ path: String, what: String, known: [String], missing: String,
        report: FileReport
    ) -> Fields? {
        guard let text = TextFile.readText(path, into: report, missing: missing) else { return nil }
        guard let root = report.compose(text) else {
            if !report.hasErrors {
                report.error("\(what) is empty; add " + known.prefix(3).map { "\(quoted: $0)" }.joined(separator: ", "))
            }
            return nil
        }
        return Fields(root, what: what, known: known, report: report)
    }
}
