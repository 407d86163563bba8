import Testing

@testable import CrucibleUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnAndControlsZero() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("a\tb\u{1B}") == 2)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
    }

    @Test func wideCharactersAndEmojiAreTwo() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("❤️")) == 2)
        #expect(DisplayWidth.of(Character("🇫🇷")) == 2)
        #expect(DisplayWidth.of(Character("👩‍💻")) == 2)
    }

    @Test func combiningMarksAreZero() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("café") == 4)
    }

    @Test func printableReplacesWhitespaceAndShowsOtherControls() {
        #expect(DisplayWidth.printable("a\tb\nc\u{1B}[31m\u{85}d\r\ne\rf\u{7F}") == "a b c␛[31m␛Ed e␍f␡")
        #expect(DisplayWidth.printable("plain é") == "plain é")
    }
}
