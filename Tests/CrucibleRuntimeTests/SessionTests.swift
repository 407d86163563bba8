import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import CrucibleUI
import Foundation
import Testing

/// Whole sessions in process: keys into the real run loop through the test terminal, grids out,
/// with real lessons, a real progress file and real check processes.
@Suite struct SessionTests {
    @Test func aCodeLessonChecksAndPassesAndTheProgressFileSaysSo() throws {
        let harness = try SessionHarness()
        defer { harness.end() }
        try harness.open("Echo", body: "ECHO BODY")
        harness.terminal.type("c")
        try harness.terminal.waitUntilScreen(shows: "Passed")
        print(harness.terminal.screen)
        try harness.quit()
        #expect(try harness.fixture.savedProgress()?.lessons["t.echo"]?.isPassed == true)
    }
}
