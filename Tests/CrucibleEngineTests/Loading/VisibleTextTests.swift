import CrucibleEngine
import Foundation
import Testing

extension LoadingTests {
    /// Issue 12: control characters are shown, never written raw, and quoted values are escaped.
    @Suite("Visible text")
    struct VisibleTextTests {
        @Test func linesShowEveryControlButNewlineAndTab() {
            #expect(VisibleText.lines("a\tb\nc\u{1B}]0;t\u{07}\u{1B}[2J\u{9B}31m\u{08}x\ry\u{7F}\u{0}") == "a\tb\nc␛]0;t␇␛[2J␛[31m␈x␍y␡␀")
        }

        @Test func aCRLFLineEndIsALineEndNotAStandIn() {
            #expect(VisibleText.lines("one\r\ntwo\r\n") == "one\ntwo\n")
            #expect(VisibleText.line("one\r\ntwo\tthree\nfour") == "one two three four")
        }

        @Test func cleanTextIsReturnedAsItIs() {
            let text = "plain ASCII, é, 記憶, 👩‍💻 and a \\ backslash"
            #expect(VisibleText.lines(text) == text)
            #expect(VisibleText.line(text) == text)
        }

        @Test func quotedEscapesControlsAndInvisibleFormatCharacters() {
            #expect(VisibleText.quoted("a\nb") == "`a\\nb`")
            #expect(VisibleText.quoted("x\u{1B}[2J\t\r\u{9B}\u{202E}y") == "`x\\u{1B}[2J\\t\\r\\u{9B}\\u{202E}y`")
            #expect(VisibleText.quoted(#"\d+ é"#) == #"`\d+ é`"#)
            #expect("key \(quoted: "k\u{7}")" == "key `k\\u{7}`")
        }

        /// A key with an embedded newline and one with an escape are named escaped, at their line.
        @Test func diagnosticsQuoteHostileKeysEscaped() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-visible-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let lesson = root.appendingPathComponent("01-t/01-read")
            try FileManager.default.createDirectory(at: lesson, withIntermediateDirectories: true)
            try "id: c\ntitle: C\n".write(to: root.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
            try "id: t\ntitle: T\n".write(to: root.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
            try "---\nid: t.read\ntitle: R\nkind: read\n\"new\\nline\": 1\n\"esc\\e]0;x\\a\": 2\n---\nBody\n"
                .write(to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
            let messages = CourseLoader.load(from: root).diagnostics.map { "\($0.line): \($0.message)" }
            #expect(messages.contains { $0.hasPrefix("5: unknown key `new\\nline`") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("6: unknown key `esc\\u{1B}]0;x\\u{7}`") }, "\(messages)")
        }
    }
}
