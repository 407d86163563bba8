import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// The `t` key on the course map: dark and light themes, remembered in the learner's settings.
@Suite struct ThemeToggleTests {
    @Test func tSwitchesThemeAndAsksToSaveTheSetting() {
        var state = FixtureCourse.state(welcome: false)
        #expect(state.theme == .standard)
        let effects = App.update(&state, .input(.key(.character("t"))))
        #expect(state.theme == .light)
        #expect(effects == [.recordProgress(.changedSettings(LearnerSettings(theme: "light")))])
        _ = App.update(&state, .input(.key(.character("t"))))
        #expect(state.theme == .standard)
        #expect(state.game.progress.settings.theme == "dark")
    }

    @Test func savedSettingsReachTheProgress() {
        var progress = CourseProgress()
        let events = GameRules.apply(
            .changedSettings(LearnerSettings(theme: "light", watchMode: true)), to: &progress,
            outline: CourseOutline(FixtureCourse.course), now: Date(), calendar: Calendar(identifier: .gregorian))
        #expect(events.isEmpty)
        #expect(progress.settings == LearnerSettings(theme: "light", watchMode: true))
    }

    @Test(arguments: [("light", Theme.light), ("LIGHT", Theme.light), ("dark", Theme.standard), (nil, Theme.standard)])
    func namedTheme(name: String?, theme: Theme) {
        #expect(Theme.named(name) == theme)
    }
}
