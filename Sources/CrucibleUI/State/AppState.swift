import CrucibleEngine

/// The terminal's size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal the screens are laid out for; below it only a message is drawn.
    public static let minimum = TerminalSize(width: 40, height: 10)

    /// Whether the terminal is narrower or shorter than ``minimum``.
    public var isTooSmall: Bool { width < Self.minimum.width || height < Self.minimum.height }

    /// Rows between the top bar and the bottom bar, where a screen's content goes.
    public var contentHeight: Int { max(1, height - 2) }
}

/// A lesson's Markdown body and, for a predict lesson, its program: what opening it reads from disk.
public struct LessonSource: Sendable, Equatable {
    public var body: String
    public var program: String?

    public init(body: String, program: String? = nil) {
        self.body = body
        self.program = program
    }
}

/// What the lesson screen has to show.
public enum LessonContent: Sendable, Equatable {
    /// The body is being read (``Effect/loadLessonBody(lessonID:)`` is pending).
    case loading
    /// The body could not be read; the message says why.
    case failed(String)
    /// The body, and its lines laid out for `width` columns (redone on resize).
    case loaded(LessonSource, lines: [StyledLine], width: Int)
}

/// One open lesson: which one, how far it is scrolled, and its text.
public struct LessonScreen: Sendable, Equatable {
    public var lessonID: String
    /// Index of the first line shown.
    public var scroll: Int
    public var content: LessonContent
    /// Answers, checks, hints and the panel shown (see `Update+Lesson.swift`).
    public var activity = LessonActivity()

    public init(lessonID: String, scroll: Int = 0, content: LessonContent = .loading) {
        self.lessonID = lessonID
        self.scroll = scroll
        self.content = content
    }

    /// The laid-out lines, empty until the body has loaded.
    public var lines: [StyledLine] {
        if case .loaded(_, let lines, _) = content { return lines }
        return []
    }
}

/// One entry of the screen stack. Overlays draw over the screen beneath them.
public enum Screen: Sendable, Equatable {
    case courseMap
    case lesson(LessonScreen)
    /// The course's welcome text in a box; any key dismisses it.
    case welcome
    /// Every key of the screen beneath.
    case help
    /// XP by day, active days, tracks and achievements; scrolled to line `scroll`.
    case stats(scroll: Int)
    /// The learner's measured results per task and language (`scoreboard` in course.yml); scrolled to line `scroll`.
    case scoreboard(scroll: Int)
    /// The course map filtered by what the learner types.
    case search(MapSearch)
    /// A message for the learner in a box; any key dismisses it.
    case message(String)
    /// "Trust this course and run its checks?", asked before the first check of lesson `lessonID`.
    case trustQuestion(lessonID: String)

    /// Whether the screen draws over the one beneath instead of replacing it.
    public var isOverlay: Bool {
        switch self {
        case .welcome, .help, .message, .trustQuestion: true
        case .courseMap, .lesson, .stats, .scoreboard, .search: false
        }
    }
}

/// Everything the full-screen UI shows; changed only by ``App/update(_:_:)``.
public struct AppState: Sendable, Equatable {
    public private(set) var course: Course
    /// How many times the course was reloaded: the run loop compares it to notice a new course.
    public private(set) var courseGeneration = 0
    /// Every lesson in course order; ``selection`` indexes it.
    public private(set) var lessons: [Lesson]
    /// Rows of the course map, computed when the course is loaded or reloaded.
    public private(set) var map: CourseMapLayout
    /// Bottom first; the first entry is always ``Screen/courseMap``.
    public var screens: [Screen]
    /// The selected lesson on the course map, an index into ``lessons``.
    public var selection = 0
    /// The first course-map row shown.
    public var mapScroll = 0
    public var size: TerminalSize
    public var theme: Theme
    /// A note for the bottom bar in place of the screen's status, such as which theme `t` switched to;
    /// the next key clears it.
    public var statusNote: String?
    /// The learner's progress, achievements and missing tools, as the map and stats show them.
    public var game: GameState {
        didSet { if game.passedLessons != oldValue.passedLessons { countPassedLessons() } }
    }
    /// Track id → its passed lessons, counted when the progress or the course changes: the map's and
    /// the stats' track bars read it at every frame (10,000 lookups a frame on a large course).
    public private(set) var passedPerTrack: [String: Int] = [:]
    /// What to ask before the course runs anything; nil when it is trusted.
    public var untrusted: TrustPrompt?

    /// The course map, with the welcome box over it when the course has welcome text and `showWelcome` is set,
    /// and the selection on the lesson `game`'s progress left off at.
    public init(
        course: Course, size: TerminalSize, showWelcome: Bool = true, game: GameState = GameState(),
        theme: Theme = .standard
    ) {
        self.course = course
        lessons = course.lessons
        map = CourseMapLayout(course: course)
        let hasWelcome = !course.welcome.allSatisfy(\.isWhitespace)
        screens = showWelcome && hasWelcome ? [.courseMap, .welcome] : [.courseMap]
        self.size = size
        self.theme = theme
        self.game = game
        countPassedLessons()
        App.selectResumeLesson(&self)
    }

    /// Swaps in a reloaded course (an author saved a lesson file); see ``App/reloadCourse(_:diagnostics:on:)``.
    mutating func replaceCourse(_ course: Course) {
        self.course = course
        courseGeneration += 1
        lessons = course.lessons
        map = CourseMapLayout(course: course)
        countPassedLessons()
    }

    /// How many of `track`'s lessons are passed.
    public func passedCount(in track: Track) -> Int { passedPerTrack[track.id] ?? 0 }

    private mutating func countPassedLessons() {
        let passed = game.passedLessons
        passedPerTrack = Dictionary(
            course.tracks.map { track in (track.id, track.lessons.reduce(0) { $0 + (passed.contains($1.id) ? 1 : 0) }) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The screen that receives keys.
    public var top: Screen { screens[screens.count - 1] }

    /// The topmost screen that is not an overlay: what fills the terminal.
    public var base: Screen { screens.last { !$0.isOverlay } ?? .courseMap }

    /// The open lesson screen, if the base screen is one.
    public var openLesson: LessonScreen? {
        if case .lesson(let screen) = base { return screen }
        return nil
    }

    /// The lesson with `id`.
    public func lesson(withID id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }
}
