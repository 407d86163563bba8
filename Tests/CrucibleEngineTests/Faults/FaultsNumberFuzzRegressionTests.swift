import Foundation
import Testing

@testable import CrucibleEngine

/// Every input in `Fixtures/fuzz-regressions/progress` and `/rules` (what the progress and
/// game-rules fuzzers found, and hostile seeds) through the same checks the fuzzers make.
@Suite struct FaultsNumberFuzzRegressionTests {
    static func inputs(_ kind: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("fuzz-regressions/" + kind).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(_ kind: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.url("fuzz-regressions/\(kind)/\(name)")))
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs("progress").count >= 5 && Self.inputs("rules").count >= 2)
    }

    @Test(arguments: inputs("progress"))
    func progressInputLoadsWithinBounds(name: String) throws {
        #expect(NumberFuzzing.progressFile(try Self.bytes("progress", name)) == [])
    }

    @Test(arguments: inputs("rules"))
    func rulesInputKeepsNumbersWithinBounds(name: String) throws {
        #expect(NumberFuzzing.gameRules(try Self.bytes("rules", name)) == [])
    }

    /// The check the fuzzers rely on can fail: numbers out of bounds are reported, field by field.
    @Test func outOfBoundsNumbersAreReported() {
        let broken = NumberFuzzing.outOfBounds(CourseProgress(xp: -1, streak: Streak(current: 2_000_000)))
        #expect(broken == ["`xp` -1 is outside 0...1000000000", "`streak.current` 2000000 is outside 0...1000000"])
    }
}
