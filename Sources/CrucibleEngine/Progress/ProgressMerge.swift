import Foundation

// Merging (import) and resetting. Merging never lowers what was earned: statuses, counts,
// XP and achievements only go up, and the earliest pass and achievement dates are kept.

extension SavedProgress {
    /// Every course of both, each merged with ``CourseProgress/merged(with:)``.
    public func merged(with other: SavedProgress) -> SavedProgress {
        var result = self
        for (id, course) in other.courses {
            result.courses[id] = courses[id].map { $0.merged(with: course) } ?? course
        }
        return result
    }
}

extension CourseProgress {
    /// Both learners' progress as one: lessons merged one by one, the higher XP and level,
    /// the later streak, every achievement at its earliest date. This machine's position
    /// and settings win unless it has none.
    public func merged(with other: CourseProgress) -> CourseProgress {
        var result = self
        result.lessons = lessons.merging(other.lessons) { $0.merged(with: $1) }
        let earned = result.lessons.values.reduce(0) { NumberBounds.progressXP.adding(NumberBounds.progressXP.clamp($1.xpEarned), to: $0) }
        result.xp = NumberBounds.progressXP.clamp(max(xp, other.xp, earned))
        result.level = NumberBounds.level.clamp(max(level, other.level, Levels.level(for: result.xp).number))
        result.streak = streak.merged(with: other.streak)
        result.achievements = achievements.merging(other.achievements) { min($0, $1) }
        result.position = position ?? other.position
        if settings == LearnerSettings() { result.settings = other.settings }
        return result
    }

    /// Forgets the given lessons' records and takes back the XP they earned; returns that XP.
    /// Achievements already earned and the streak are kept.
    @discardableResult
    public mutating func reset(lessons ids: [String]) -> Int {
        var removed = 0
        for id in ids {
            let earned = NumberBounds.progressXP.clamp(lessons.removeValue(forKey: id)?.xpEarned ?? 0)
            removed = NumberBounds.progressXP.adding(earned, to: removed)
        }
        xp = NumberBounds.progressXP.adding(-removed, to: NumberBounds.progressXP.clamp(xp))
        level = Levels.level(for: xp).number
        if let position, ids.contains(position.lesson) { self.position = ResumePosition(lesson: position.lesson) }
        return removed
    }

    /// Starts the course over, keeping only the learner's settings.
    public mutating func resetAll() {
        self = CourseProgress(settings: settings)
    }
}

extension LessonProgress {
    /// The greater of each field; the earliest first activity and pass; both metric histories,
    /// the latest entries kept.
    public func merged(with other: LessonProgress) -> LessonProgress {
        func earliest(_ a: Date?, _ b: Date?) -> Date? { [a, b].compactMap { $0 }.min() }
        // The record that passed most recently against the lesson's current content decides the hash.
        let hashSource = updatedSincePass && !other.updatedSincePass ? other : (contentHash == nil ? other : self)
        return LessonProgress(
            status: max(status, other.status),
            attempts: max(attempts, other.attempts),
            hintsRevealed: max(hintsRevealed, other.hintsRevealed),
            solutionViewed: solutionViewed || other.solutionViewed,
            firstActivity: earliest(firstActivity, other.firstActivity),
            lastActivity: [lastActivity, other.lastActivity].compactMap { $0 }.max(),
            passedAt: earliest(passedAt, other.passedAt),
            timeSpent: max(timeSpent, other.timeSpent),
            contentHash: hashSource.contentHash,
            passedFirstTry: passedFirstTry || other.passedFirstTry,
            xpEarned: max(xpEarned, other.xpEarned),
            updatedSincePass: hashSource.updatedSincePass,
            lastCheck: [lastCheck, other.lastCheck].compactMap { $0 }.max { $0.at < $1.at },
            metricHistory: (metricHistory + other.metricHistory).latest())
    }
}

extension Streak {
    /// The streak whose last active day is later (the longer one on the same day), with the best of both.
    public func merged(with other: Streak) -> Streak {
        let mine = lastActiveDay.map(\.dayNumber) ?? .min, theirs = other.lastActiveDay.map(\.dayNumber) ?? .min
        var result = mine > theirs || (mine == theirs && current >= other.current) ? self : other
        result.best = max(best, other.best, result.current)
        return result
    }
}
