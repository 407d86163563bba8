import CrucibleEngine
import Testing

@testable import CrucibleUI

/// The light theme, with colours: snapshots of the map, a lesson with code and the result panel
/// (whose `.styles.txt` record every style run, as every snapshot's do), and every screen is checked for colours that wash
/// out on a white background. Re-record with CRUCIBLE_RECORD_SNAPSHOTS=1.
@Suite struct LightThemeSnapshotTests {
    typealias F = LessonFixture

    /// Colours too pale to read on white; the light palette must draw none of them.
    static let paleOnWhite: Set<Color> = [
        .yellow, .brightYellow, .cyan, .brightCyan, .white, .brightWhite,
        .brightGreen, .brightBlue, .brightMagenta, .brightRed,
    ]

    func light(_ state: AppState) -> AppState {
        var state = state
        state.theme = .light
        return state
    }

    /// Switched with `t` from the dark theme, so the bottom bar says which theme is on.
    @Test func courseMap() {
        var state = MapProgressFixture.state()
        _ = App.update(&state, .input(.key(.character("t"))))
        #expect(state.theme == .light)
        expectSnapshot(App.view(state), named: "light-course-map-80x24")
    }

    @Test func lessonWithCode() {
        var state = light(F.state(opening: F.predict.id))
        _ = App.update(&state, F.key(.enter))
        expectSnapshot(App.view(state), named: "light-predict-code-80x24")
    }

    /// The end of a lesson body: a numbered list, a C code block and wide text.
    @Test func lessonTextWithACodeBlock() {
        let state = light(ASCIILocaleSnapshotTests.state(.readEnd))
        expectSnapshot(App.view(state), named: "light-lesson-end-80x24")
    }

    @Test func passResult() {
        let state = light(ASCIILocaleSnapshotTests.state(.codePass))
        expectSnapshot(App.view(state), named: "light-code-pass-80x24")
    }

    @Test func failedResult() {
        let state = light(ASCIILocaleSnapshotTests.state(.codeFail))
        expectSnapshot(App.view(state), named: "light-code-diff-80x24")
    }

    @Test(arguments: ASCIILocaleSnapshotTests.Screen.allCases)
    func noScreenDrawsAColourThatWashesOutOnWhite(screen: ASCIILocaleSnapshotTests.Screen) {
        let grid = App.view(light(ASCIILocaleSnapshotTests.state(screen)))
        var pale: [String] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width
            where Self.paleOnWhite.contains(grid[x, y].style.foreground)
                || Self.paleOnWhite.contains(grid[x, y].style.background)
            {
                pale.append(
                    "column \(x), row \(y) (\(grid[x, y].character)): \(grid[x, y].style.foreground) on \(grid[x, y].style.background)")
            }
        }
        #expect(pale.isEmpty, "\(screen) in the light theme draws pale colours at \(pale.prefix(5).joined(separator: "; "))")
    }

    /// And the dark theme does use them, so the check above can fail.
    @Test func theDarkThemeDrawsColoursThatWouldWashOut() {
        let grid = App.view(MapProgressFixture.state())
        #expect(grid.cells.contains { Self.paleOnWhite.contains($0.style.foreground) })
    }
}

/// `t` says which theme it switched to, and the help names the theme that is on.
@Suite struct ThemeFeedbackTests {
    @Test func theBottomBarNamesTheNewThemeUntilTheNextKey() {
        var state = MapProgressFixture.state()
        _ = App.update(&state, .input(.key(.character("t"))))
        #expect(App.view(state).rowText(23).hasSuffix("light theme (t to switch)"))
        _ = App.update(&state, .input(.key(.character("t"))))
        #expect(App.view(state).rowText(23).hasSuffix("dark theme (t to switch)"))
        _ = App.update(&state, .input(.key(.down)))
        #expect(!App.view(state).rowText(23).contains("theme"))
    }

    @Test(arguments: [(Theme.standard, "dark"), (Theme.light, "light")])
    func helpNamesTheCurrentTheme(theme: Theme, name: String) {
        var state = MapProgressFixture.state()
        state.theme = theme
        _ = App.update(&state, .input(.key(.character("?"))))
        #expect(App.view(state).plainText().contains("the light theme (now \(name))"))
    }
}
