import Testing

@testable import CrucibleEngine

/// ``CheckResult/countsAsAttempt``: every outcome, fresh or from the cache, against a table
/// written out by hand (not the rule's own formula), so changing the rule changes this table.
@Suite struct AttemptRuleTests {
    /// outcome → (counts when fresh, counts when cached). Tools or the platform stopped and engine errors judged
    /// nothing; a cached failure was counted when its files were first checked; a pass always counts.
    static let table: [CheckOutcome: (fresh: Bool, cached: Bool)] = [
        .passed: (true, true),
        .failed: (true, false),
        .timedOut: (true, false),
        .resourceLimit: (true, false),
        .crashed: (true, false),
        .toolMissing: (false, false),
        .toolBroken: (false, false),
        .otherPlatform: (false, false),
        .engineError: (false, false),
    ]

    @Test func theTableCoversEveryOutcome() {
        #expect(Set(Self.table.keys) == Set(CheckOutcome.allCases))
    }

    @Test(arguments: CheckOutcome.allCases, [false, true])
    func countsAsAttempt(outcome: CheckOutcome, fromCache: Bool) throws {
        var result = CheckResult(lessonID: "t.fix", outcome: outcome, reason: outcome == .failed ? .wrongOutput : nil, message: "m")
        result.fromCache = fromCache
        let expected = try #require(Self.table[outcome])
        #expect(
            result.countsAsAttempt == (fromCache ? expected.cached : expected.fresh),
            "\(outcome) \(fromCache ? "from the cache" : "fresh")")
    }
}
