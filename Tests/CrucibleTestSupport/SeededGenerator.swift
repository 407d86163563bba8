import Foundation

/// A small seeded random number generator (SplitMix64) for randomized tests: the same seed gives
/// the same inputs, so a failure names its seed and can be replayed with `CRUCIBLE_TEST_SEED=<seed>`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// Seeded from `CRUCIBLE_TEST_SEED` when set (to replay a failure or try other inputs),
    /// otherwise from a fixed seed: a test run must not pass or fail by the luck of its inputs
    /// (`scripts/fuzz` is where new inputs are explored). `CRUCIBLE_TEST_SEED=random` draws one.
    public init() {
        let setting = ProcessInfo.processInfo.environment["CRUCIBLE_TEST_SEED"]
        let seed = setting == "random" ? UInt64.random(in: .min ... .max) : setting.flatMap { UInt64($0) } ?? Self.fixedSeed
        self.init(seed: seed)
    }

    /// The seed a run uses unless told otherwise.
    public static let fixedSeed: UInt64 = 0x5EED_C0DE

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Says how to replay this generator's inputs, for failure messages.
    public var replay: String { "seed \(seed); replay with CRUCIBLE_TEST_SEED=\(seed)" }
}
