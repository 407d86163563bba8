import CrucibleEngine

/// What the learner is doing in an open lesson besides reading it: answering, checking,
/// reading hints, results and the solution. Kept in ``LessonScreen/activity``.
public struct LessonActivity: Sendable, Equatable {
    /// The lesson, so the keymap can tell its kind and quiz questions without the app state.
    public var lesson: Lesson?
    /// What fills the lesson screen.
    public var panel: LessonPanel = .text
    /// The first line shown of a panel other than ``LessonPanel/text`` (the text keeps ``LessonScreen/scroll``).
    public var panelScroll = 0
    /// Answers picked so far, for a quiz lesson.
    public var quiz = QuizAnswers()
    /// The prediction being typed, for a predict lesson.
    public var prediction = TextField()
    /// The code lesson's files in the workspace, once ``Effect/prepareWorkspace(lessonID:)`` answered.
    public var workspace: WorkspaceFiles?
    /// Whether a check (or a predict lesson's program) is running, and for how long.
    public var check: CheckStatus = .idle
    /// The latest check or answer, shown on the result panel.
    public var result: CheckResult?
    /// What the game made of the latest pass (XP, bonuses, level-ups, achievements).
    public var events: [GameEvent] = []
    /// Frame of the pass celebration, counted up by ``Action/timer``; nil when not animating.
    public var celebrationFrame: Int?
    /// Hints revealed so far, shown in order.
    public var hintsRevealed = 0
    /// Checks and answers in this visit that did not pass; opens the solution at ``LessonRules/failuresBeforeSolution``.
    public var failedChecks = 0
    /// Whether the lesson was passed in this visit.
    public var passed = false
    /// The reference solution, once loaded for the solution panel.
    public var solution: SolutionContent = .notLoaded
    /// Whether saving a workspace file re-runs the check.
    public var watching = false
    /// A one-line message under the lesson (the editor could not start, the solution is not open yet).
    public var notice: String?

    public init(lesson: Lesson? = nil) {
        self.lesson = lesson
    }
}

/// The lesson screen's panels.
public enum LessonPanel: Sendable, Equatable {
    /// The lesson's text, with the code lesson's files and check status docked below.
    case text
    /// Picking quiz choices, one question at a time.
    case quiz
    /// Typing what the program prints.
    case predict
    /// The latest result: celebration or the reason for a failure, then the details.
    case result
    case hints
    case solution
}

/// A running check, or none.
public enum CheckStatus: Sendable, Equatable {
    case idle
    /// Running for `elapsed` seconds (the run loop reports it with ``Action/checkElapsed(lessonID:seconds:)``).
    case running(elapsed: Double)
    /// Esc was pressed, or a reload changed the lesson (`reason` says so); waiting for the killed
    /// process group to be reaped.
    case cancelling(elapsed: Double, reason: String? = nil)

    public var isActive: Bool { self != .idle }
}

/// Quiz choices being picked: the question shown, the highlighted choice, and the picks per question.
public struct QuizAnswers: Sendable, Equatable {
    /// Index of the question shown.
    public var question = 0
    /// Index of the highlighted choice.
    public var cursor = 0
    /// 0-based choices picked, per question (empty until the quiz is started).
    public var picked: [Set<Int>] = []

    public init() {}
}

/// A code lesson's workspace folder and the full paths of the files to edit.
public struct WorkspaceFiles: Sendable, Equatable {
    public var folder: String
    public var files: [String]
    /// Starter files the course changed since they were copied (the learner's copies are kept).
    public var starterChanged: [String]

    public init(folder: String, files: [String], starterChanged: [String] = []) {
        self.folder = folder
        self.files = files
        self.starterChanged = starterChanged
    }
}

/// One file of a lesson's reference solution.
public struct SolutionFile: Sendable, Equatable {
    /// The path under `solution/`.
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// The reference solution as the solution panel shows it.
public enum SolutionContent: Sendable, Equatable {
    case notLoaded
    case loading
    case loaded([SolutionFile])
    case failed(String)
}

/// Rules of the lesson screen that are policy rather than mechanics.
public enum LessonRules {
    /// Failed checks or answers in one visit after which the reference solution may be viewed
    /// without passing: enough tries to learn from the failures, not so many that a stuck
    /// learner gives up. Viewing it forfeits the XP bonuses (``GameRules/award(kind:base:attempts:hintsRevealed:solutionViewed:)``).
    public static let failuresBeforeSolution = 3

    /// Frames of the pass celebration; one per ``Action/timer``.
    public static let celebrationFrames = 8

    /// Whether the solution panel may open: after a pass, or after enough failures.
    public static func solutionAvailable(_ activity: LessonActivity) -> Bool {
        activity.passed || activity.failedChecks >= failuresBeforeSolution
    }
}
