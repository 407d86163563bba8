import Foundation

/// Something the learner did, fed to ``GameRules/apply(_:to:outline:achievements:now:calendar:)``.
public enum LearnerAction: Sendable, Equatable {
    /// The lesson was shown.
    case opened(lesson: String)
    /// A check ran: a quiz answered, a prediction entered, code checked, a read lesson finished.
    /// `summary`, when given, is kept as the lesson's last check (see ``LessonProgress/lastCheck``);
    /// `measured`, a code check's metrics, is added to its ``LessonProgress/metricHistory``.
    case checked(
        lesson: String, passed: Bool, contentHash: String? = nil, summary: CheckSummary? = nil, measured: CheckMeasurement? = nil)
    case revealedHint(lesson: String)
    case viewedSolution(lesson: String)
    /// The learner moved past the lesson without passing it; the order is recommended, not enforced.
    case skipped(lesson: String)
    /// Time spent in the lesson, reported when the learner leaves it.
    case spentTime(lesson: String, seconds: Double)
    /// Where the learner is, for resuming.
    case moved(to: ResumePosition)
    /// The learner changed a setting (the theme, watch mode).
    case changedSettings(LearnerSettings)
}

/// A bonus on top of a lesson's base XP.
public enum XPBonus: String, Sendable, Equatable, Codable {
    /// Passed on the first check.
    case firstTry
    /// Passed without revealing a hint or viewing the solution.
    case noHints

    /// How the bonus is named to the learner: "first try", "no hints".
    public var label: String {
        switch self {
        case .firstTry: "first try"
        case .noHints: "no hints"
        }
    }

    /// The bonus for a lesson worth `base` XP: half of it for the first try, a quarter
    /// without hints (at least 1 each).
    public func points(base: Int) -> Int {
        switch self {
        case .firstTry: max(1, base / 2)
        case .noHints: max(1, base / 4)
        }
    }
}

/// Something the UI can celebrate, produced by the game rules.
public enum GameEvent: Sendable, Equatable {
    /// A lesson was passed for the first time.
    case lessonPassed(lesson: String)
    /// Points for a pass: the lesson's base XP and each bonus with its points.
    case xpAwarded(lesson: String, base: Int, bonuses: [XPBonusAward])
    case levelUp(Levels.Level)
    /// The daily streak grew to `days` (1 when it starts).
    case streakExtended(days: Int)
    /// A day was missed; the streak had reached `previous` and starts again at 1.
    case streakBroken(previous: Int)
    case achievementUnlocked(Achievement)
}

extension GameEvent {
    /// The XP an `xpAwarded` event gives in all, base and bonuses; nil for any other event.
    public var xpTotal: Int? {
        guard case .xpAwarded(_, let base, let bonuses) = self else { return nil }
        return base + bonuses.reduce(0) { $0 + $1.points }
    }
}

/// One bonus and the points it gave.
public struct XPBonusAward: Sendable, Equatable {
    public var bonus: XPBonus
    public var points: Int

    public init(_ bonus: XPBonus, _ points: Int) {
        self.bonus = bonus
        self.points = points
    }
}
