import CrucibleEngine
import Testing

@Suite struct GameLevelsTests {
    @Test(arguments: [
        (0, 1, "Fresh Allocation", 50), (49, 1, "Fresh Allocation", 1), (50, 2, "Stack Walker", 100),
        (149, 2, "Stack Walker", 1), (150, 3, "Heap Explorer", 150), (300, 4, "Leak Hunter", 200),
        (500, 5, "Borrow Checker", 250), (2_249, 9, "Profiler", 1), (2_250, 10, "Crucible Master", 500),
        (2_750, 11, "Crucible Master II", 550), (3_899, 12, "Crucible Master III", 1),
    ])
    func levelForXP(xp: Int, number: Int, name: String, toNext: Int) {
        let level = Levels.level(for: xp)
        #expect(level.number == number)
        #expect(level.name == name)
        #expect(Levels.xpToNext(from: xp) == toNext)
    }

    @Test func thresholdsGrowByFiftyMoreEachLevel() {
        let steps = (1...20).map { Levels.threshold(of: $0 + 1) - Levels.threshold(of: $0) }
        #expect(steps == (1...20).map { 50 * $0 })
        #expect(Levels.threshold(of: 1) == 0)
        #expect(Levels.threshold(of: 0) == 0, "levels below 1 are clamped")
    }

    @Test func everyLevelHasADistinctName() {
        let names = (1...30).map { Levels.level(number: $0).name }
        #expect(Set(names).count == names.count)
    }
}
