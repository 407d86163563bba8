import CrucibleEngine
import Testing

@testable import CrucibleUI

/// The game line above the course map says what it counts in words at every width.
@Suite struct HeaderViewTests {
    /// A first launch on a course with 18 achievements: the case that used to read "streak 0/0  awards 0/18".
    static func freshState(width: Int) -> AppState {
        let achievements = (1...18).map {
            Achievement(id: "a\($0)", title: "A\($0)", description: "", condition: .completeLessons($0))
        }
        let game = GameState(achievements: achievements, today: MapProgressFixture.today, calendar: MapProgressFixture.calendar)
        return AppState(course: FixtureCourse.course, size: TerminalSize(width: width, height: 24), showWelcome: false, game: game)
    }

    @Test func atEightyColumnsTheStreakAndAchievementsAreInWords() {
        let header = App.view(Self.freshState(width: 80)).rowText(1)
        #expect(header.contains("streak 0 (best 0)"), "header: \(header)")
        #expect(header.contains("0/18 ★"), "header: \(header)")
        #expect(!header.contains("awards"), "header: \(header)")
    }

    @Test(arguments: [40, 50, 60, 70, 80, 90, 100, 120])
    func noWidthShowsABareRatio(width: Int) {
        let header = App.view(Self.freshState(width: width)).rowText(1)
        #expect(!header.contains("streak 0/"), "at \(width) columns: \(header)")
        #expect(!header.contains("awards"), "at \(width) columns: \(header)")
        #expect(header.contains("Level 1"), "at \(width) columns: \(header)")
        #expect(DisplayWidth.of(header) < width, "at \(width) columns the header is cut: \(header)")
        if width >= 60 { #expect(header.contains("★") || header.contains("achievements 0/18"), "at \(width) columns: \(header)") }
    }
}
