import Testing

@testable import CrucibleUI

@Suite struct CellGridTests {
    @Test func putClipsAtRightEdgeAndMaxWidth() {
        var grid = CellGrid(width: 8, height: 2)
        #expect(grid.put("hello world", x: 2, y: 0) == 6)
        #expect(grid.put("abcdef", x: 0, y: 1, maxWidth: 3) == 3)
        expectLines(grid.plainText(), "  hello\nabc")
    }

    @Test func outOfBoundsWritesAreIgnored() {
        var grid = CellGrid(width: 3, height: 1)
        #expect(grid.put("x", x: 0, y: 5) == 0)
        #expect(grid.put("x", x: 9, y: 0) == 0)
        grid.put("abcd", x: -2, y: 0)
        expectLines(grid.plainText(), "cd")
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put("日本", x: 0, y: 0) == 4)
        #expect(grid[1, 0].isContinuation)
        #expect(!grid[2, 0].isContinuation)
        expectLines(grid.plainText(), "日本")
    }

    @Test func wideCharacterThatDoesNotFitBecomesSpace() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("ab😀😀", x: 0, y: 0)
        expectLines(grid.plainText(), "ab😀")
        #expect(grid[4, 0] == Cell(" "))
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("日本", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        expectLines(grid.plainText(), " x本")
        grid.put("y", x: 2, y: 0)
        expectLines(grid.plainText(), " xy")
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var grid = CellGrid(width: 4, height: 1)
        #expect(grid.put("e\u{301}x", x: 0, y: 0) == 2)
        // A control character is drawn as its stand-in, and a combining mark after it joins that.
        grid.put("\u{7}\u{301}", x: 2, y: 0)
        #expect(grid[2, 0].character == "\u{2407}\u{301}")
        expectLines(grid.plainText(), "éx\u{2407}\u{301}")
    }

    @Test func zeroWidthScalarsThatDoNotJoinAreDropped() {
        // U+200B (zero-width space) has width 0 but forms its own grapheme; it must not trap.
        var grid = CellGrid(width: 4, height: 1)
        #expect(grid.put("a\u{200B}b", x: 0, y: 0) == 2)
        expectLines(grid.plainText(), "ab")
    }

    @Test func controlCharactersAreStoredAsVisibleStandIns() {
        var grid = CellGrid(width: 12, height: 1)
        #expect(grid.put("a\u{1B}[b\u{9B}2J\u{7}\r\u{8}", x: 0, y: 0) == 11)
        expectLines(grid.plainText(), "a␛[b␛[2J␇␍␈")
        #expect(!grid.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } })
    }

    @Test func fillAndStyledLinesInRect() {
        var grid = CellGrid(width: 5, height: 3)
        grid.fill(Rect(x: 0, y: 0, width: 5, height: 3), with: ".")
        let lines = [StyledLine("one"), StyledLine([Span("tw"), Span("o!", style: Style(bold: true))]), StyledLine("three")]
        grid.put(lines, in: Rect(x: 1, y: 1, width: 3, height: 2), scroll: 1)
        expectLines(grid.plainText(), ".....\n.two.\n.thr.")
        #expect(grid[3, 1].style.bold)
    }
}
