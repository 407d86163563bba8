/// The shape of a course the game rules need: tracks, their lessons in order, each
/// lesson's kind and points. Built from a loaded ``Course`` or written out in tests.
public struct CourseOutline: Sendable, Equatable {
    /// One lesson as the rules see it.
    public struct LessonEntry: Sendable, Equatable {
        public var id: String
        public var trackID: String
        public var kind: LessonKind
        /// Base points for passing, from front matter or the kind's default.
        public var xp: Int

        public init(id: String, trackID: String, kind: LessonKind, xp: Int? = nil) {
            self.id = id
            self.trackID = trackID
            self.kind = kind
            self.xp = xp ?? kind.defaultXP
        }
    }

    /// One track's id, title and lesson ids in order.
    public struct TrackEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var lessonIDs: [String]

        public init(id: String, title: String, lessonIDs: [String]) {
            self.id = id
            self.title = title
            self.lessonIDs = lessonIDs
        }
    }

    public var courseID: String
    public private(set) var tracks: [TrackEntry]
    private var lessonsByID: [String: LessonEntry]

    public init(courseID: String, tracks: [TrackEntry], lessons: [LessonEntry]) {
        self.courseID = courseID
        self.tracks = tracks
        self.lessonsByID = Dictionary(lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The outline of a loaded course.
    public init(_ course: Course) {
        self.init(
            courseID: course.id,
            tracks: course.tracks.map { TrackEntry(id: $0.id, title: $0.title, lessonIDs: $0.lessons.map(\.id)) },
            lessons: course.tracks.flatMap { track in
                track.lessons.map { LessonEntry(id: $0.id, trackID: track.id, kind: $0.kind, xp: $0.xp) }
            })
    }

    /// The lesson with `id`, or `nil` when the course does not have it (any more).
    public func lesson(_ id: String) -> LessonEntry? { lessonsByID[id] }

    public func track(_ id: String) -> TrackEntry? { tracks.first { $0.id == id } }

    /// Every lesson id in course order.
    public var lessonIDs: [String] { tracks.flatMap(\.lessonIDs) }
}
