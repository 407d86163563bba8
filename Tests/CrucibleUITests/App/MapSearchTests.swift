import CrucibleEngine
import Foundation
import Testing

@testable import CrucibleUI

/// The map's search: every word of the query, in any case, anywhere in a lesson's title or id.
@Suite struct MapSearchTests {
    private let lessons = [
        ("memory.stack", "Stack and heap"), ("memory.cafe", "Café: the heap's menu"),
        ("concurrency.race", "A first data race"), ("go.escape", "Go: escape analysis"),
    ].map { id, title in
        Lesson(
            id: id, title: title, kind: .read, folder: URL(fileURLWithPath: "/l/" + id),
            file: URL(fileURLWithPath: "/l/\(id)/lesson.md"), bodyOffset: 0, bodyLine: 1)
    }

    private func matches(_ query: String) -> [String] {
        MapSearch(in: lessons).searching(query).matches.map { lessons[$0].id }
    }

    @Test func everyWordInAnyCaseInTitleOrID() {
        #expect(matches("") == lessons.map(\.id))
        #expect(matches("HEAP") == ["memory.stack", "memory.cafe"])
        #expect(matches("heap stack") == ["memory.stack"])
        #expect(matches("memory race").isEmpty)
        #expect(matches("concurrency.") == ["concurrency.race"])
        #expect(matches("CAFÉ") == ["memory.cafe"], "non-ASCII letters are lowered too")
        #expect(matches("é: the") == ["memory.cafe"])
    }

    @Test func typingOnNarrowsAndDeletingWidensAgain() {
        let search = MapSearch(in: lessons).searching("a")
        #expect(search.matches.count == 4)
        let narrowed = search.searching("an")
        #expect(narrowed.matches.map { lessons[$0].id } == ["memory.stack", "go.escape"])
        #expect(narrowed.searching("a").matches.count == 4)
    }

    @Test func foldingLowersASCIIBytewiseAndEverythingElseAsStringsDo() {
        for text in ["Stack AND Heap", "go.Escape_2", "Café ÉTÉ", "ǅungla", "İstanbul", "ΣΊΣΥΦΟΣ", ""] {
            #expect(MapSearch.folded(text) == Array(text.lowercased().utf8), "\(text)")
        }
    }

    @Test func byteSearchFindsOnlyWholeRuns() {
        #expect(MapSearch.bytes(Array("abcabd".utf8), contain: Array("abd".utf8)))
        #expect(!MapSearch.bytes(Array("abcab".utf8), contain: Array("abd".utf8)))
        #expect(!MapSearch.bytes(Array("ab".utf8), contain: Array("abc".utf8)))
        #expect(MapSearch.bytes([], contain: []))
    }
}

/// The track bars' counts come from the passed ids GameState keeps with its progress, counted
/// per track by AppState whenever the progress or the course changes.
@Suite struct PassedCountTests {
    @Test func theCountFollowsEveryProgressChange() {
        let lessons = ["a", "b", "c"].map { id in
            Lesson(
                id: id, title: id, kind: .read, folder: URL(fileURLWithPath: "/l/" + id),
                file: URL(fileURLWithPath: "/l/\(id)/lesson.md"), bodyOffset: 0, bodyLine: 1)
        }
        let track = Track(id: "t", title: "T", summary: "", folder: URL(fileURLWithPath: "/l"), lessons: lessons)
        let course = Course(id: "c", title: "C", welcome: "", final: nil, root: URL(fileURLWithPath: "/l"), tracks: [track])
        var progress = CourseProgress()
        progress[lesson: "a"] = LessonProgress(status: .passed, attempts: 1, xpEarned: 5)
        progress[lesson: "b"] = LessonProgress(status: .attempted, attempts: 1)
        var state = AppState(course: course, size: TerminalSize(width: 80, height: 24), game: GameState(progress: progress))
        #expect(state.passedCount(in: track) == 1)
        state.game.progress[lesson: "b"] = LessonProgress(status: .passed, attempts: 2, xpEarned: 5)
        #expect(state.passedCount(in: track) == 2)
        state.game = GameState()
        #expect(state.passedCount(in: track) == 0)
        var fewer = course
        fewer.tracks[0].lessons.removeLast()
        state.game.progress = progress
        state.replaceCourse(fewer)
        #expect(state.passedCount(in: fewer.tracks[0]) == 1)
    }
}
