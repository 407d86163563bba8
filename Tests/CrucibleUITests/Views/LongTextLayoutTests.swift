import CrucibleEngine
import Testing

@testable import CrucibleUI

/// Paths stay whole words and code stays whole lines: a long path breaks only between folders,
/// and a long code line wraps with a mark instead of being cut.
@Suite struct LongTextLayoutTests {
    typealias F = LessonFixture
    static let longPath =
        "/home/a-learner-with-a-long-name/.local/share/crucible/workspace/lessons/memory.fix-the-sum/Sources/sum_of_all_numbers.swift"

    @Test(arguments: [10, 20, 37, 60, 76])
    func aLongPathBreaksOnlyAfterASlash(width: Int) {
        let lines = LineBreak.pathLines(Self.longPath, width: width)
        #expect(lines.joined() == Self.longPath)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        let longestName = Self.longPath.split(separator: "/").map(\.count).max()!
        if width > longestName {
            #expect(lines.dropLast().allSatisfy { $0.hasSuffix("/") }, "at \(width): \(lines)")
        }
    }

    @Test func aPathThatFitsStaysOnOneLine() {
        #expect(LineBreak.pathLines("/tmp/a.swift", width: 12) == ["/tmp/a.swift"])
        #expect(LineBreak.pathLines("/tmp/a.swift", width: 11) == ["/tmp/", "a.swift"])
    }

    /// The code lesson's dock at 80x24: the long workspace path shows whole, broken between folders.
    @Test func theDockShowsALongWorkspacePathWhole() {
        var state = F.state(opening: F.code.id)
        _ = App.update(&state, .workspacePrepared(lessonID: F.code.id, .success(WorkspaceFiles(folder: "/w", files: [Self.longPath]))))
        let rows = App.view(state).plainText().split(separator: "\n").map(String.init)
        let first = rows.firstIndex { $0.hasPrefix("    /home/") }
        guard let first else { Issue.record("no path in the dock: \(rows)"); return }
        let pathRows = rows[first...].prefix { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) }
        #expect(pathRows.joined() == Self.longPath)
        #expect(pathRows.dropLast().allSatisfy { $0.hasSuffix("/") }, "\(pathRows)")
    }

    /// Prose (a message, a lesson paragraph) breaks an overlong path between folders too.
    @Test func wrappedTextBreaksAnOverlongPathAtSlashes() {
        let lines = PanelText.wrap("moved to " + Self.longPath, width: 40, theme: .standard).map(\.plainText)
        #expect(lines.first == "moved to")
        #expect(lines.dropFirst().joined() == Self.longPath)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasSuffix("/") }, "\(lines)")
    }

    /// The solution and the program to predict use the same wrapping as lesson code blocks.
    @Test func aLongSolutionLineWrapsWithTheMark() {
        let long = "func sumTo(_ n: Int) -> Int { (0...n).reduce(0, +) /* the long way round, on purpose */ }"
        let lines = SolutionView.lines(
            .loaded([SolutionFile(name: "sum.swift", text: long + "\n")]), lesson: F.code, width: 40, theme: .standard)
        let code = lines.suffix { $0.plainText.hasPrefix("  ") || $0.plainText.hasPrefix("↪ ") }
        #expect(code.map { String($0.plainText.dropFirst(2)) }.joined() == long)
        #expect(!lines.contains { $0.plainText.contains("…") })
    }
}

extension Array {
    fileprivate func suffix(while predicate: (Element) -> Bool) -> ArraySlice<Element> {
        let start = (lastIndex { !predicate($0) }).map { $0 + 1 } ?? startIndex
        return self[start...]
    }
}

extension Array where Element == StyledLine {
    fileprivate func suffix(_ predicate: (StyledLine) -> Bool) -> ArraySlice<StyledLine> { suffix(while: predicate) }
}

/// What a pass earned, on the result panel: no line is cut at the panel's edge.
@Suite struct EarnedEventLayoutTests {
    @Test func aLongAchievementWrapsBetweenWordsAndKeepsEveryWord() {
        let achievement = Achievement(
            id: "heap-tamer", title: "Heap tamer",
            description: "Beat the memory boss, where C and Swift memory bugs hide side by side.",
            condition: .completeLessons(1))
        let lines = GameEventPresentation.lines([.achievementUnlocked(achievement)], width: 40)
        #expect(lines.count > 1)
        for line in lines { #expect(line.displayWidth <= 40, "\(line.plainText)") }
        let words = lines.map(\.plainText).joined(separator: " ").split(separator: " ")
        #expect(words.joined(separator: " ") == "★ Achievement unlocked: Heap tamer — " + achievement.description)
    }
}
