import CrucibleUI
import Testing

@Suite struct TerminalCapabilitiesTests {
    @Test(arguments: [
        ([:], false, true),
        (["LANG": "en_US.UTF-8"], true, true),
        (["LANG": "C.utf8", "NO_COLOR": "1"], true, false),
        (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false, true),
        (["LC_CTYPE": "de_DE.UTF-8", "LANG": "C"], true, true),
        (["LANG": "en_US.UTF-8", "NO_COLOR": ""], true, true),
    ])
    func environmentDecidesUnicodeAndColour(environment: [String: String], unicode: Bool, color: Bool) {
        #expect(TerminalCapabilities.fromEnvironment(environment) == TerminalCapabilities(color: color, unicode: unicode))
    }

    @Test func asciiStandInsKeepTheWidth() {
        #expect(ASCIIFallback.replacement(for: "╭", width: 1) == "+")
        #expect(ASCIIFallback.replacement(for: "█", width: 1) == "#")
        #expect(ASCIIFallback.replacement(for: "✓", width: 1) == "v")
        #expect(ASCIIFallback.replacement(for: "a", width: 1) == "a")
        #expect(ASCIIFallback.replacement(for: "日", width: 2) == "??")
    }

    /// Outside a UTF-8 locale the map's marks must still tell the statuses apart.
    @Test func everyLessonMarkHasItsOwnASCIIStandIn() {
        let standIns = LessonMark.allCases.map { ASCIIFallback.text($0.symbol) }
        #expect(!standIns.contains("?"), "\(standIns)")
        #expect(Set(standIns).count == LessonMark.allCases.count, "two marks look the same: \(standIns)")
        #expect(standIns.allSatisfy { $0.count == 1 && $0.utf8.allSatisfy { $0 < 0x80 } }, "\(standIns)")
    }

    @Test func asciiTextReplacesEachCharacterAndKeepsEscapes() {
        #expect(ASCIIFallback.text("\u{1B}[1m✓ passed\u{1B}[0m · 日") == "\u{1B}[1mv passed\u{1B}[0m . ??")
        #expect(ASCIIFallback.text("plain") == "plain")
    }
}
