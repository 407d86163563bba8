import Foundation

/// A whole course: the contents of `course.yml` plus its tracks in display order.
public struct Course: Sendable, Equatable {
    /// Stable id; progress is kept per course.
    public var id: String
    /// Shown in the header.
    public var title: String
    /// Shown on first launch.
    public var welcome: String
    /// Shown when every lesson is passed.
    public var final: String?
    /// The course folder (the one holding `course.yml`).
    public var root: URL
    /// Tracks in display order (numeric prefix first, then by name).
    public var tracks: [Track]
    /// The built-in tools with those `course.yml` declares under `tools`.
    public var tools: ToolCatalog
    /// Its `scoreboard`: tasks done in several languages, compared by their measured results.
    public var scoreboard: Scoreboard?

    public init(
        id: String, title: String, welcome: String, final: String?, root: URL, tracks: [Track], tools: ToolCatalog = .builtIn,
        scoreboard: Scoreboard? = nil
    ) {
        self.scoreboard = scoreboard
        self.id = id
        self.title = title
        self.welcome = welcome
        self.final = final
        self.root = root
        self.tracks = tracks
        self.tools = tools
    }

    /// Every lesson of every track, in course order.
    public var lessons: [Lesson] { tracks.flatMap(\.lessons) }
}

/// A track: a folder with a `track.yml` and lesson folders.
public struct Track: Sendable, Equatable {
    /// Stable id, unique across the course.
    public var id: String
    /// Shown on the course map.
    public var title: String
    /// One or two sentences shown on the course map.
    public var summary: String
    /// The Markdown of the track's optional `track.md`, shown under the summary on the map and by
    /// `crucible show TRACK`; `nil` when the track has none.
    public var introduction: String?
    /// The track folder.
    public var folder: URL
    /// Lessons in display order; lessons with errors are left out.
    public var lessons: [Lesson]

    public init(
        id: String, title: String, summary: String, introduction: String? = nil, folder: URL, lessons: [Lesson]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.introduction = introduction
        self.folder = folder
        self.lessons = lessons
    }
}
