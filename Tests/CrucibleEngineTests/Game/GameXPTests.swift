import CrucibleEngine
import Testing

@Suite struct GameXPTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var kind: LessonKind
        var base: Int
        var attempts: Int
        var hints: Int
        var solution: Bool
        var bonuses: [XPBonus]
        var total: Int
        var testDescription: String { "\(kind) \(base) XP, \(attempts) tries, \(hints) hints, solution \(solution)" }
    }

    @Test(arguments: [
        Row(kind: .code, base: 20, attempts: 1, hints: 0, solution: false, bonuses: [.firstTry, .noHints], total: 35),
        Row(kind: .code, base: 20, attempts: 2, hints: 0, solution: false, bonuses: [.noHints], total: 25),
        Row(kind: .code, base: 20, attempts: 1, hints: 1, solution: false, bonuses: [.firstTry], total: 30),
        Row(kind: .code, base: 20, attempts: 3, hints: 2, solution: false, bonuses: [], total: 20),
        Row(kind: .code, base: 20, attempts: 1, hints: 0, solution: true, bonuses: [], total: 20),
        Row(kind: .quiz, base: 10, attempts: 1, hints: 0, solution: false, bonuses: [.firstTry, .noHints], total: 17),
        Row(kind: .predict, base: 10, attempts: 2, hints: 0, solution: false, bonuses: [], total: 10),
        Row(kind: .read, base: 5, attempts: 1, hints: 0, solution: false, bonuses: [], total: 5),
        Row(kind: .code, base: 1, attempts: 1, hints: 0, solution: false, bonuses: [.firstTry, .noHints], total: 3),
        Row(kind: .code, base: 0, attempts: 1, hints: 0, solution: false, bonuses: [.firstTry, .noHints], total: 2),
    ])
    func award(row: Row) {
        let awards = GameRules.award(
            kind: row.kind, base: row.base, attempts: row.attempts,
            hintsRevealed: row.hints, solutionViewed: row.solution)
        #expect(awards.map(\.bonus) == row.bonuses)
        #expect(row.base + awards.reduce(0) { $0 + $1.points } == row.total)
    }

    @Test func kindDefaultsApplyWhenFrontMatterSetsNone() {
        let entry = CourseOutline.LessonEntry(id: "x", trackID: "t", kind: .predict)
        #expect(entry.xp == 10)
        #expect(CourseOutline.LessonEntry(id: "y", trackID: "t", kind: .code, xp: 35).xp == 35)
    }
}
