import Foundation

/// The game's rules: pure functions from progress and an action to new progress and the
/// events the UI can celebrate. No clock, zone or file is read here; callers pass them in.
/// Every count saturates at its ``NumberBounds`` limit: no record, however large, can trap here.
public enum GameRules {
    /// Records `action` in `progress` and returns what happened, in the order a UI would
    /// show it: pass, XP, level, streak, achievements.
    ///
    /// - Parameters:
    ///   - outline: the course as it is now; a lesson it lacks is recorded but earns nothing.
    ///   - achievements: the course's achievements; each is unlocked once, dated `now`.
    ///   - calendar: carries the learner's current time zone, which decides the local day.
    public static func apply(
        _ action: LearnerAction, to progress: inout CourseProgress, outline: CourseOutline,
        achievements: [Achievement] = [], now: Date, calendar: Calendar
    ) -> [GameEvent] {
        var events: [GameEvent] = []
        switch action {
        case .opened(let id):
            touch(id, in: &progress, now: now) { record in
                if record.status == .notStarted { record.status = .opened }
            }
            if progress.position?.lesson != id { progress.position = ResumePosition(lesson: id) }
        case .checked(let id, let passed, let contentHash, let summary, let measured):
            var record = progress[lesson: id]
            record.attempts = NumberBounds.count.adding(1, to: record.attempts)
            if let summary { record.lastCheck = LastCheck(summary, at: now) }
            if let measured {
                record.metricHistory = (record.metricHistory + [MetricHistoryEntry(measured, passed: passed, at: now)]).latest()
            }
            if let streakEvent = recordActiveDay(&progress.streak, today: LocalDay(now, calendar: calendar)) {
                events.append(streakEvent)
            }
            if passed, record.isPassed {
                // Passing again after the lesson changed refreshes the hash it was passed with.
                if let contentHash { record.contentHash = contentHash }
                record.updatedSincePass = false
            } else if passed {
                events += pass(id, record: &record, progress: &progress, outline: outline, contentHash: contentHash, now: now)
            } else {
                record.status = max(record.status, .attempted)
            }
            progress[lesson: id] = record
            touch(id, in: &progress, now: now) { _ in }
        case .revealedHint(let id):
            touch(id, in: &progress, now: now) { record in
                record.hintsRevealed = NumberBounds.count.adding(1, to: record.hintsRevealed)
                record.status = max(record.status, .opened)
            }
        case .viewedSolution(let id):
            touch(id, in: &progress, now: now) { record in
                record.solutionViewed = true
                record.status = max(record.status, .opened)
            }
        case .skipped(let id):
            touch(id, in: &progress, now: now) { record in record.status = max(record.status, .skipped) }
        case .spentTime(let id, let seconds):
            touch(id, in: &progress, now: now) { record in
                record.timeSpent = NumberBounds.seconds.adding(max(0, seconds), to: record.timeSpent)
            }
        case .moved(var position):
            position.scroll = NumberBounds.scroll.clamp(position.scroll)
            progress.position = position
        case .changedSettings(let settings):
            progress.settings = settings
        }
        events += unlockAchievements(in: &progress, outline: outline, achievements: achievements, now: now)
        return events
    }

    /// The base XP and bonuses a pass earns for a lesson worth `base` points. Read lessons get
    /// no bonuses (there is nothing to try); viewing the solution forfeits both. A predict
    /// lesson passed on a retry gets no "no hints" bonus either: the failed answer showed what
    /// the program prints, which is more than any hint.
    public static func award(
        kind: LessonKind, base: Int, attempts: Int, hintsRevealed: Int,
        solutionViewed: Bool
    ) -> [XPBonusAward] {
        guard kind != .read, !solutionViewed else { return [] }
        var bonuses: [XPBonusAward] = []
        if attempts == 1 { bonuses.append(XPBonusAward(.firstTry, XPBonus.firstTry.points(base: base))) }
        let answerShown = kind == .predict && attempts > 1
        if hintsRevealed == 0 && !answerShown { bonuses.append(XPBonusAward(.noHints, XPBonus.noHints.points(base: base))) }
        return bonuses
    }

    /// Moves the streak to `today`: the same day (or an earlier one, after flying west) changes
    /// nothing, the next day extends it, and a gap of a whole day or more starts it again.
    public static func recordActiveDay(_ streak: inout Streak, today: LocalDay) -> GameEvent? {
        let gap = streak.lastActiveDay.map { today.daysSince($0) } ?? 1
        if gap <= 0 { return nil }
        let previous = streak.current
        streak.current = gap == 1 ? NumberBounds.streakDays.adding(1, to: streak.current) : 1
        streak.best = NumberBounds.streakDays.clamp(max(streak.best, streak.current))
        streak.lastActiveDay = today
        return gap == 1 || previous == 0 ? .streakExtended(days: streak.current) : .streakBroken(previous: previous)
    }

    /// Unlocks every achievement whose condition `progress` now meets, dated `now`.
    public static func unlockAchievements(
        in progress: inout CourseProgress, outline: CourseOutline,
        achievements: [Achievement], now: Date
    ) -> [GameEvent] {
        var events: [GameEvent] = []
        for achievement in achievements where progress.achievements[achievement.id] == nil {
            if achievement.condition.isMet(by: progress, in: outline) {
                progress.achievements[achievement.id] = now
                events.append(.achievementUnlocked(achievement))
            }
        }
        return events
    }

    private static func pass(
        _ id: String, record: inout LessonProgress, progress: inout CourseProgress,
        outline: CourseOutline, contentHash: String?, now: Date
    ) -> [GameEvent] {
        record.status = .passed
        record.passedAt = now
        record.contentHash = contentHash
        record.passedFirstTry = record.attempts == 1
        record.updatedSincePass = false
        var events: [GameEvent] = [.lessonPassed(lesson: id)]
        guard let lesson = outline.lesson(id) else { return events }
        // Finishing a read lesson is not a try: it counts for no first-try achievement either.
        if lesson.kind == .read { record.passedFirstTry = false }
        // Lint keeps `xp` in range; an outline built some other way is held to the same bound.
        let base = NumberBounds.lessonXP.clamp(lesson.xp)
        let bonuses = award(
            kind: lesson.kind, base: base, attempts: record.attempts,
            hintsRevealed: record.hintsRevealed, solutionViewed: record.solutionViewed)
        let award = GameEvent.xpAwarded(lesson: id, base: base, bonuses: bonuses)
        let earned = award.xpTotal ?? base
        record.xpEarned = earned
        progress.xp = NumberBounds.progressXP.adding(earned, to: progress.xp)
        events.append(award)
        let level = Levels.level(for: progress.xp)
        if level.number > progress.level { events.append(.levelUp(level)) }
        progress.level = level.number
        return events
    }

    /// Applies `change` to lesson `id`'s record and stamps its first and last activity.
    private static func touch(
        _ id: String, in progress: inout CourseProgress, now: Date,
        _ change: (inout LessonProgress) -> Void
    ) {
        var record = progress[lesson: id]
        change(&record)
        if record.firstActivity == nil { record.firstActivity = now }
        record.lastActivity = now
        progress[lesson: id] = record
    }
}
