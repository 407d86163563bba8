/// `course.yml`'s `scoreboard`: tasks solved in several languages, whose measured results the
/// scoreboard screen and `crucible scoreboard` set side by side.
public struct Scoreboard: Sendable, Equatable {
    /// Shown as the screen's heading, such as "Arena: Rust vs Go".
    public var title: String
    /// In file order.
    public var tasks: [ScoreboardTask]

    public init(title: String, tasks: [ScoreboardTask]) {
        self.title = title
        self.tasks = tasks
    }

    /// The languages the scoreboard compares, in the order they first appear in the file.
    public var languages: [String] {
        var seen: [String] = []
        for task in tasks {
            for entry in task.lessons where !seen.contains(entry.language) { seen.append(entry.language) }
        }
        return seen
    }
}

/// One task of the scoreboard: the same job done by one lesson per language.
public struct ScoreboardTask: Sendable, Equatable {
    /// Such as "JSON endpoint".
    public var name: String
    /// One lesson per language, in file order.
    public var lessons: [Entry]

    public struct Entry: Sendable, Equatable, Codable {
        /// Such as `go` or `rust`.
        public var language: String
        public var lessonID: String

        public init(language: String, lessonID: String) {
            self.language = language
            self.lessonID = lessonID
        }
    }

    public init(name: String, lessons: [Entry]) {
        self.name = name
        self.lessons = lessons
    }

    /// The lesson solving this task in `language`, if any.
    public func lesson(in language: String) -> String? { lessons.first { $0.language == language }?.lessonID }
}
