/// The range of every number a course or a progress file can hold, in one place.
///
/// Each bound is far above anything a learner or author reaches, and far enough below
/// `Int.max` that no sum, product or level computed from in-range values can overflow.
/// Lint rejects a lesson `xp` outside ``lessonXP``; a progress file's numbers are clamped on
/// load with a notice (``SavedProgress/clampedToBounds()``); the game rules saturate at them.
/// Lessons/README.md and Lessons/schema repeat these figures.
public enum NumberBounds {
    /// A lesson's `xp`. 1000 is fifty default code lessons; the bonuses add at most 75 % more.
    public static let lessonXP = 0...1000
    /// A course's total XP in the progress file: a million lessons at the highest `xp`.
    public static let progressXP = 0...1_000_000_000
    /// Levels: the one ``progressXP``'s top reaches (6325), which keeps level names short.
    public static let level = 1...Levels.number(reachedBy: progressXP.upperBound)
    /// Streak days, current and best: over two thousand years.
    public static let streakDays = 0...1_000_000
    /// Per-lesson counts: checks run, hints revealed.
    public static let count = 0...1_000_000_000
    /// Seconds spent in one lesson: about 31 years.
    public static let seconds: ClosedRange<Double> = 0...1_000_000_000
    /// The first visible line of a lesson when resuming.
    public static let scroll = 0...10_000_000
    /// A progress file's `schemaVersion`: beyond it the file is damaged, not from a newer Crucible.
    public static let schemaVersion = 0...1_000_000
    /// A metric's median in the progress file's `metricHistory`, in base units (seconds, bytes, a
    /// count, per second): zero or more, and finite.
    public static let metricMedian: ClosedRange<Double> = 0...1e300
    /// Years of a ``LocalDay``: four digits, as the file writes them.
    public static let year = 1...9999
}

extension ClosedRange where Bound: Comparable {
    /// `value` moved into the range: below it becomes the lower bound, above it the upper.
    public func clamp(_ value: Bound) -> Bound {
        Swift.min(Swift.max(value, lowerBound), upperBound)
    }
}

extension ClosedRange where Bound == Int {
    /// `value + amount` kept within the range; never traps, whatever the operands.
    public func adding(_ amount: Int, to value: Int) -> Int {
        let (sum, overflow) = value.addingReportingOverflow(amount)
        if overflow { return amount > 0 ? upperBound : lowerBound }
        return clamp(sum)
    }
}

extension ClosedRange where Bound == Double {
    /// `value + amount` kept within the range; NaN counts as the lower bound.
    public func adding(_ amount: Double, to value: Double) -> Double {
        let sum = value + amount
        return sum.isNaN ? lowerBound : clamp(sum)
    }
}
