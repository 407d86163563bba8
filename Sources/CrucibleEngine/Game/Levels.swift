/// The level curve and the levels' names.
///
/// Reaching level `n` takes `25 · n · (n − 1)` XP: 0, 50, 150, 300, 500, 750… Each level
/// costs 50 XP more than the one before, so early levels come after a few lessons and later
/// ones mark real stretches of the course (the bundled course's ~60 lessons reach about 8–9).
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

    /// XP needed to reach level `number` (level 1 needs none).
    public static func threshold(of number: Int) -> Int {
        let n = max(1, number)
        return 25 * n * (n - 1)
    }

    /// The level `xp` reaches.
    public static func level(for xp: Int) -> Level {
        var number = 1
        while threshold(of: number + 1) <= xp { number += 1 }
        return level(number: number)
    }

    /// Level `number` with its name; past the last name, "Crucible Master II", "III"…
    public static func level(number: Int) -> Level {
        let n = max(1, number)
        if n <= names.count { return Level(number: n, name: names[n - 1]) }
        return Level(number: n, name: "\(names[names.count - 1]) \(roman(n - names.count + 1))")
    }

    /// XP still needed for the next level.
    public static func xpToNext(from xp: Int) -> Int {
        threshold(of: level(for: xp).number + 1) - xp
    }

    private static func roman(_ value: Int) -> String {
        let table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                     (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, text = ""
        for (amount, letters) in table {
            while rest >= amount { text += letters; rest -= amount }
        }
        return text
    }
}
