import CrucibleTestSupport
import Foundation
import Testing

/// Colour in a real terminal, read from tmux with its escapes (`capture-pane -e`): the theme the
/// learner switches to is what the terminal shows, and --no-color shows none.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct FullScreenColourTests {
    /// The SGR parameter lists (`1;36` of `ESC[1;36m`) on `screen`.
    static func sgrParameters(_ screen: String) -> [[Int]] {
        screen.matches(of: /\u{1B}\[([0-9;]*)m/.matchingSemantics(.unicodeScalar)).map { match in
            match.1.split(separator: ";").compactMap { Int($0) }
        }
    }

    /// Parameters that set a colour other than the default (39, 49): 30-38, 40-48, 90-97, 100-107.
    static func colours(_ screen: String) -> Set<Int> {
        Set(sgrParameters(screen).flatMap { $0 }.filter { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) })
    }

    /// The map of a fresh course, past its welcome, with `options` added to the command.
    func launch(_ options: String = "") throws -> (TmuxSession, URL) {
        let course = try FullScreenTests.writeCourse()
        let session = try TmuxSession()
        try session.run(CrucibleRunner.shellCommand(course: course) + options)
        try session.dismissWelcome()
        try session.waitUntil("the course map") { $0.contains("First Track") && !$0.contains("Press any key") }
        return (session, course)
    }

    @Test func tSwitchesTheTerminalToTheLightPaletteWithoutPaleColours() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        let dark = try session.captureWithEscapes()
        #expect(dark.contains("\u{1B}[36mFirst Track"), "the dark theme draws track titles cyan:\n\(dark)")
        try session.send("t")
        try session.waitFor("light theme")
        let light = try session.captureWithEscapes()
        #expect(light.contains("\u{1B}[34mFirst Track"), "the light theme draws track titles blue:\n\(light)")
        // Yellow, cyan, white and the bright colours but grey wash out on a white background.
        let pale = Self.colours(light).intersection([33, 36, 37, 91, 92, 93, 94, 95, 96, 97])
        #expect(pale.isEmpty, "the light theme shows pale colours \(pale.sorted()):\n\(light)")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func noColorShowsNoColourOnlyAttributes() throws {
        let (session, course) = try launch(" --no-color")
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        let screen = try session.captureWithEscapes()
        #expect(Self.colours(screen).isEmpty, "colours \(Self.colours(screen).sorted()) with --no-color:\n\(screen)")
        #expect(Self.sgrParameters(screen).contains { $0.contains(7) }, "the bars are still drawn reversed:\n\(screen)")
        try session.send("q")
        try session.waitFor(TmuxSession.prompt)
    }
}
