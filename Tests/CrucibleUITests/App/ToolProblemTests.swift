import CrucibleEngine
import Testing

@testable import CrucibleUI

/// A check whose tool is missing or broken never ran: the result says what to do (install,
/// fix, or skip with x), counts no attempt and offers no hint; the map marks such lessons.
@Suite struct ToolProblemTests {
    typealias F = LessonFixture

    static let rustupError =
        "error: rustup could not choose a version of rustc to run, because one wasn't specified explicitly, and no default is configured."

    static var broken: CheckResult {
        var result = CheckResult(
            lessonID: F.code.id, outcome: .toolBroken,
            message: "`swiftc` is installed but does not work, so nothing was checked: " + rustupError)
        result.brokenTools = [ToolCatalog.builtIn.info("swiftc").broken(error: rustupError)]
        return result
    }

    static var missing: CheckResult {
        var result = CheckResult(lessonID: F.code.id, outcome: .toolMissing, message: "this lesson needs `rustc`, which is not installed")
        result.missingTools = [ToolCatalog.builtIn.info("rustc").missing]
        return result
    }

    /// The lesson screen after `c` and the check's `result`, with the effects the result caused.
    func checked(_ result: CheckResult, width: Int = 80, height: Int = 24) -> (AppState, [Effect]) {
        var state = F.state(opening: F.code.id, width: width, height: height)
        _ = App.update(&state, F.key(.character("c")))
        let effects = App.update(&state, .checkFinished(lessonID: F.code.id, result))
        return (state, effects)
    }

    static var otherPlatform: CheckResult {
        CheckResult(
            lessonID: F.code.id, outcome: .otherPlatform,
            message: "this lesson runs on Linux only: its check counts allocations through glibc's `__libc_malloc`")
    }

    @Test(arguments: [broken, missing, otherPlatform])
    func aCheckThatNeverRanIsNoAttemptAndOffersNoHint(result: CheckResult) {
        let (state, effects) = checked(result)
        #expect(effects.isEmpty, "recorded as an attempt: \(effects)")
        #expect(F.screen(state)?.activity.failedChecks == 0)
        #expect(F.screen(state)?.activity.panel == .result)
        let screen = App.view(state).plainText()
        #expect(screen.contains("press x to skip the lesson"), "\(screen)")
        #expect(!screen.contains("Press h"), "a hint is offered:\n\(screen)")
        let label =
            switch result.outcome {
            case .toolBroken: "tool not working (swiftc)"
            case .otherPlatform: "not for this platform"
            default: "tool missing (rustc)"
            }
        #expect(screen.contains(label), "\(screen)")
    }

    @Test func aCheckForAnotherPlatformSaysWhyAndThatItCannotBeCheckedHere() {
        let (state, _) = checked(Self.otherPlatform, width: 100, height: 30)
        let screen = App.view(state).plainText()
        #expect(screen.contains("This lesson runs on Linux only: its check counts allocations"), "\(screen)")
        #expect(screen.contains("It cannot be checked on this machine; press x to skip the lesson."), "\(screen)")
        #expect(!screen.contains("Install it") && !screen.contains("Fix it"), "\(screen)")
    }

    @Test func aBrokenToolsResultGivesTheProbesErrorAndTheFix() {
        var result = Self.broken
        result.brokenTools = [ToolCatalog.builtIn.info("rustc").broken(error: Self.rustupError)]
        let screen = App.view(checked(result, width: 120, height: 40).0).plainText()
        #expect(screen.contains("no default is configured"), "\(screen)")
        #expect(screen.contains("Fix: rustup default stable"), "\(screen)")
    }

    @Test func theInstallHintIsWrappedNotCut() {
        let grid = App.view(checked(Self.missing).0)
        let screen = grid.plainText()
        // The Debian hint is longer than the panel: its last words must still be on screen.
        let hint = ToolCatalog.builtIn.info("rustc").debian
        #expect(DisplayWidth.of(hint) > 60)
        let words = screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" })
        let tail = hint.split(separator: " ").suffix(3).map(String.init)
        #expect(words.map(String.init).joined(separator: " ").contains(tail.joined(separator: " ")), "\(screen)")
        #expect(!screen.contains("…"), "something was cut:\n\(screen)")
    }

    @Test func theMapMarksALessonWhoseToolIsBrokenLikeAMissingOne() {
        var state = MapProgressFixture.state(
            width: 100, height: 30,
            game: GameState(progress: CourseProgress(), today: MapProgressFixture.today))
        #expect(state.game.mark(for: "basics.fix") == .notStarted)
        _ = App.update(&state, .toolsProbed(missing: ["threads.race": ["go"]], broken: ["basics.fix": ["rustc"]]))
        #expect(state.game.mark(for: "basics.fix") == .needsTool)
        let rows = App.view(state).plainText().split(separator: "\n")
        let row = rows.first { $0.contains("Fix a leak") }.map(String.init) ?? ""
        #expect(row.contains("✗") && row.contains("rustc not working"), "\(rows.joined(separator: "\n"))")
        #expect(rows.first { $0.contains("A data race") }?.contains("needs go") == true)
    }

    @Test func theMapMarksALessonForAnotherPlatformLikeAMissingToolWithTheReason() {
        var state = MapProgressFixture.state(
            width: 100, height: 30,
            game: GameState(progress: CourseProgress(), today: MapProgressFixture.today))
        _ = App.update(&state, .toolsProbed(missing: [:], otherPlatform: ["basics.fix": "macOS only"]))
        #expect(state.game.mark(for: "basics.fix") == .needsTool)
        #expect(state.game.toolProblem(for: "basics.fix") == "macOS only")
        let rows = App.view(state).plainText().split(separator: "\n")
        let row = rows.first { $0.contains("Fix a leak") }.map(String.init) ?? ""
        #expect(row.contains("✗") && row.contains("macOS only"), "\(rows.joined(separator: "\n"))")
    }

    @Test func theMapMarksALessonWhoseToolIsTooOldWithBothVersions() {
        var state = MapProgressFixture.state(
            width: 100, height: 30,
            game: GameState(progress: CourseProgress(), today: MapProgressFixture.today))
        _ = App.update(&state, .toolsProbed(missing: [:], tooOld: ["threads.race": ["go 1.22, have 1.19.8"]]))
        #expect(state.game.mark(for: "threads.race") == .needsTool)
        #expect(state.game.toolProblem(for: "threads.race") == "needs go 1.22, have 1.19.8")
        let rows = App.view(state).plainText().split(separator: "\n")
        let row = rows.first { $0.contains("A data race") }.map(String.init) ?? ""
        #expect(row.contains("✗") && row.contains("needs go 1.22, have 1.19.8"), "\(rows.joined(separator: "\n"))")
    }
}
