import CrucibleEngine

/// The rows of the course map, independent of the terminal's width.
///
/// `update` uses it to keep the selection in view and the view to draw, so
/// the two always agree on which row holds which lesson.
public struct CourseMapLayout: Sendable, Equatable {
    public enum Row: Sendable, Equatable {
        case blank
        /// Index into `course.tracks`.
        case trackTitle(Int)
        case trackSummary(Int)
        /// A track without lessons says so.
        case noLessons
        /// Index into the course's lessons in course order.
        case lesson(Int)
    }

    public let rows: [Row]
    /// For each lesson, its row.
    public let lessonRows: [Int]
    /// For each lesson, the first row to show with it: its track's heading for a first lesson, else its own row.
    public let lessonContextRows: [Int]
    /// For each lesson, the index of its track in `course.tracks`.
    public let lessonTracks: [Int]
    /// For each track, its `track.md` parsed once here, so drawing the map does not parse it per frame.
    public let introductions: [MarkdownDocument?]

    public init(course: Course) {
        var rows: [Row] = []
        var lessonRows: [Int] = [], contextRows: [Int] = [], lessonTracks: [Int] = []
        for (trackIndex, track) in course.tracks.enumerated() {
            lessonTracks += Array(repeating: trackIndex, count: track.lessons.count)
            let heading = rows.count
            rows.append(.blank)
            rows.append(.trackTitle(trackIndex))
            if !track.summary.allSatisfy(\.isWhitespace) { rows.append(.trackSummary(trackIndex)) }
            if track.lessons.isEmpty { rows.append(.noLessons) }
            for index in track.lessons.indices {
                contextRows.append(index == track.lessons.startIndex ? heading : rows.count)
                lessonRows.append(rows.count)
                rows.append(.lesson(lessonRows.count - 1))
            }
        }
        self.rows = rows
        self.lessonRows = lessonRows
        lessonContextRows = contextRows
        self.lessonTracks = lessonTracks
        introductions = course.tracks.map { $0.introduction.map { MarkdownDocument.parse($0) } }
    }

    /// The first row to show so that `lesson` is visible in `height` rows, moving as little as possible from `scroll`.
    public func scroll(showing lesson: Int, from scroll: Int, height: Int) -> Int {
        guard lessonRows.indices.contains(lesson) else { return clamp(scroll, height: height) }
        let row = lessonRows[lesson]
        var top = scroll
        if row >= top + height { top = row - height + 1 }
        // Show the track heading with its first lesson when it fits, else the lesson alone.
        let context = row - lessonContextRows[lesson] < height ? lessonContextRows[lesson] : row
        if context < top { top = context }
        return clamp(top, height: height)
    }

    /// `scroll` kept so that the map never scrolls past its last row.
    public func clamp(_ scroll: Int, height: Int) -> Int {
        max(0, min(scroll, rows.count - height))
    }
}
