import Testing

@testable import CrucibleUI

/// The styles given to each token text in the highlighted `code`.
private func highlight(_ code: String, _ language: String) -> [StyledLine] {
    SyntaxHighlighter.lines(for: code, language: language, theme: .standard)
}

/// The style of the first span (on any line) whose text, trimmed, equals `token`.
private func style(of token: String, in lines: [StyledLine]) -> Style? {
    for line in lines {
        for span in line.spans where span.text.trimmingCharacters(in: " ") == token {
            return span.style
        }
    }
    return nil
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return text
    }
}

@Suite struct SyntaxHighlighterTests {
    let theme = Theme.standard

    @Test func swiftKeywordsTypesStringsNumbersAttributes() {
        let lines = highlight("@MainActor func f() -> Int { let s = \"hi \\(x)\"; return 42 } // done", "swift")
        #expect(style(of: "@MainActor", in: lines) == theme.codeAttribute)
        #expect(style(of: "func", in: lines) == theme.codeKeyword)
        #expect(style(of: "Int", in: lines) == theme.codeType)
        #expect(style(of: "\"hi \\(x)\"", in: lines) == theme.codeString)
        #expect(style(of: "42", in: lines) == theme.codeNumber)
        #expect(style(of: "// done", in: lines) == theme.codeComment)
        #expect(lines.map(\.plainText) == ["@MainActor func f() -> Int { let s = \"hi \\(x)\"; return 42 } // done"])
    }

    @Test func swiftMultilineStringsAndNestedComments() {
        let lines = highlight("let a = \"\"\"\n  text \"q\"\n  \"\"\"\n/* a /* b */ c */ let", "swift")
        #expect(lines.count == 4)
        #expect(style(of: "text \"q\"", in: lines) == theme.codeString)
        #expect(style(of: "/* a /* b */ c */", in: lines) == theme.codeComment)
        #expect(style(of: "let", in: [lines[3]]) == theme.codeKeyword)
        #expect(style(of: "#available", in: highlight("if #available(macOS 14, *) {}", "swift")) == theme.codeAttribute)
    }

    @Test func blockCommentsSpanLinesAndAreNotNestedInC() {
        let lines = highlight("int x; /* one\ntwo */ char c = 'a'; */", "c")
        #expect(style(of: "/* one", in: lines) == theme.codeComment)
        #expect(style(of: "two */", in: lines) == theme.codeComment)
        #expect(style(of: "char", in: lines) == theme.codeType)
        #expect(style(of: "'a'", in: lines) == theme.codeString)
        #expect(style(of: "int", in: lines) == theme.codeType)
    }

    @Test func cPreprocessorAndTypedefNames() {
        let lines = highlight("#include <stdio.h>\nsize_t n = 0x1F; return n;", "c")
        #expect(style(of: "#include <stdio.h>", in: lines) == theme.codeAttribute)
        #expect(style(of: "size_t", in: lines) == theme.codeType)
        #expect(style(of: "0x1F", in: lines) == theme.codeNumber)
        #expect(style(of: "return", in: lines) == theme.codeKeyword)
    }

    @Test func rustMacrosAttributesLifetimesAndRawStrings() {
        let lines = highlight("#[derive(Debug)]\nfn f<'a>(s: &'a str) { println!(r#\"raw \"x\"\"#); let c = 'z'; }", "rust")
        #expect(style(of: "#[derive(Debug)]", in: lines) == theme.codeAttribute)
        #expect(style(of: "fn", in: lines) == theme.codeKeyword)
        #expect(style(of: "println!", in: lines) == theme.codeAttribute)
        #expect(style(of: "r#\"raw \"x\"\"#", in: lines) == theme.codeString)
        #expect(style(of: "'z'", in: lines) == theme.codeString)
        #expect(style(of: "str", in: lines) == theme.codeType)
        #expect(lines[1].spans.contains { $0.text == "'a" && $0.style == theme.codeType })
    }

    @Test func goRawStringsBuiltinTypesAndRanges() {
        let lines = highlight("func main() {\n\tvar s string = `a\nb`\n\tfor i := range 10 {}\n}", "go")
        #expect(style(of: "func", in: lines) == theme.codeKeyword)
        #expect(style(of: "string", in: lines) == theme.codeType)
        #expect(style(of: "`a", in: lines) == theme.codeString)
        #expect(style(of: "b`", in: lines) == theme.codeString)
        #expect(style(of: "range", in: lines) == theme.codeKeyword)
        #expect(lines[1].plainText.hasPrefix("    var"))
    }

    @Test func rangesAreNotDecimals() {
        let lines = highlight("for i in 0..<10 {}", "swift")
        #expect(style(of: "0", in: lines) == theme.codeNumber)
        #expect(style(of: "10", in: lines) == theme.codeNumber)
    }

    @Test func unknownLanguagesArePlainAndUnterminatedLiteralsAreSafe() {
        let lines = highlight("let x = \"open\nfunc", "python")
        #expect(lines.allSatisfy { $0.spans.allSatisfy { $0.style == theme.code } })
        for language in ["swift", "c", "rust", "go"] {
            for source in ["\"", "'", "/*", "`", "#", "#[", "r#\"", "@", "0x", "\"\"\"", "b'", "'\\"] {
                #expect(highlight(source, language).map(\.plainText).joined() == source)
            }
        }
    }
}
