/// The level curve and the levels' names.
///
/// Reaching level `n` takes `25 · n · (n − 1)` XP: 0, 50, 150, 300, 500, 750… Each level
/// costs 50 XP more than the one before, so early levels come after a few lessons and later
/// ones mark real stretches of the course (the bundled course's 79 lessons give 1,675 XP before
/// bonuses: level 8, and 9 or more with bonuses).
public enum Levels {
    /// A level with its number and name.
    public struct Level: Sendable, Equatable, Hashable {
        public var number: Int
        public var name: String

        public init(number: Int, name: String) {
            self.number = number
            self.name = name
        }
    }

    /// Names along the course's arc: memory first, then concurrency, then performance.
    public static let names = [
        "Fresh Allocation", "Stack Walker", "Heap Explorer", "Leak Hunter", "Borrow Checker",
        "Race Spotter", "Lock Keeper", "Cache Whisperer", "Profiler", "Crucible Master",
    ]

    /// XP needed to reach level `number` (level 1 needs none); `Int.max` past any reachable level.
    public static func threshold(of number: Int) -> Int {
        let n = max(1, number)
        let (product, overflow) = n.multipliedReportingOverflow(by: n - 1)
        guard !overflow, product <= Int.max / 25 else { return Int.max }
        return 25 * product
    }

    /// The level `xp` reaches; XP outside ``NumberBounds/progressXP`` counts as its nearest end.
    public static func level(for xp: Int) -> Level {
        level(number: number(reachedBy: xp))
    }

    /// The level number `xp` reaches: the largest `n` with `25 · n · (n − 1) ≤ xp`, from the
    /// quadratic formula, corrected for rounding.
    static func number(reachedBy xp: Int) -> Int {
        let xp = NumberBounds.progressXP.clamp(xp)
        var number = max(1, Int(((1 + (1 + Double(xp) / 6.25).squareRoot()) / 2).rounded(.down)))
        while threshold(of: number + 1) <= xp { number += 1 }
        while number > 1, threshold(of: number) > xp { number -= 1 }
        return number
    }

    /// Level `number` (clamped to ``NumberBounds/level``) with its name; past the last name,
    /// "Crucible Master II", "III"… The clamp keeps every name under 40 characters.
    public static func level(number: Int) -> Level {
        let n = NumberBounds.level.clamp(number)
        if n <= names.count { return Level(number: n, name: names[n - 1]) }
        return Level(number: n, name: "\(names[names.count - 1]) \(roman(n - names.count + 1))")
    }

    /// XP still needed for the next level (0 at the last one).
    public static func xpToNext(from xp: Int) -> Int {
        let xp = NumberBounds.progressXP.clamp(xp)
        let number = number(reachedBy: xp)
        guard number < NumberBounds.level.upperBound else { return 0 }
        return threshold(of: number + 1) - xp
    }

    private static func roman(_ value: Int) -> String {
        let table = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value, text = ""
        for (amount, letters) in table {
            while rest >= amount { text += letters; rest -= amount }
        }
        return text
    }
}
