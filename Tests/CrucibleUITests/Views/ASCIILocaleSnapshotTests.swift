import CrucibleEngine
import Testing

@testable import CrucibleUI

/// Every screen at 80x24 as a terminal outside a UTF-8 locale (`LANG=C`) shows it: through
/// ``CellGrid/inASCII()``, the one place the terminal swaps in ASCII stand-ins.
///
/// Each screen must come out all ASCII, with a `?` only where the screen itself had one or where
/// the lesson content had a character with no stand-in (the fixtures' 記憶 and 🦀). A glyph the UI
/// draws without a stand-in shows up here as a stray `?`. Re-record with CRUCIBLE_RECORD_SNAPSHOTS=1.
@Suite struct ASCIILocaleSnapshotTests {
    typealias F = LessonFixture

    /// Characters of the fixtures' own content that have no ASCII stand-in.
    static let contentWithoutStandIn = Set("記憶🦀")

    enum Screen: String, CaseIterable, Sendable {
        case welcome, map, mapProgress, mapHelp, mapThemeNote, search, searchNone, stats, statsEnd, statsFresh, message
        case lessonLoading, lessonFailed, read, readEnd, lessonHelp, quiz, quizWrong, predictTyping, predictResult
        case codePreparing, codeIdle, codeRunning, codeCancelling, codeCelebrating, codePass, codeFail, codeCompileError
        case hints, solution
    }

    static func key(_ key: Key) -> Action { .input(.key(key)) }

    /// The app showing `screen`, at 80x24.
    static func state(_ screen: Screen) -> AppState {
        func after(_ state: AppState, _ actions: [Action]) -> AppState {
            var state = state
            for action in actions { _ = App.update(&state, action) }
            return state
        }
        let map = MapProgressFixture.state()
        let readLesson = [
            key(.enter), key(.enter),
            .lessonLoaded(lessonID: "basics.stack", .success(LessonSource(body: FixtureCourse.body))),
        ]
        let wrongQuiz = [F.key(.enter), F.key(.character("1")), F.key(.character("1")), F.key(.enter)]
        let check = F.key(.character("c"))
        switch screen {
        case .welcome: return FixtureCourse.state()
        case .map: return after(FixtureCourse.state(), [key(.enter)])
        case .mapProgress: return map
        case .mapHelp: return after(map, [key(.character("?"))])
        case .mapThemeNote: return after(map, [key(.character("t"))])
        case .search: return after(map, [key(.character("/")), key(.character("l")), key(.character("o"))])
        case .searchNone: return after(map, [key(.character("/")), key(.character("z"))])
        case .stats: return after(map, [key(.character("s"))])
        case .statsFresh:
            let fresh = GameState(today: MapProgressFixture.today, calendar: MapProgressFixture.calendar)
            return after(MapProgressFixture.state(game: fresh), [key(.character("s"))])
        case .statsEnd: return after(map, [key(.character("s")), key(.end)])
        case .message: return after(map, [.notice("The progress file /tmp/p.json could not be read; it was moved aside.")])
        case .lessonLoading: return after(FixtureCourse.state(), [key(.enter), key(.enter)])
        case .lessonFailed:
            return after(
                FixtureCourse.state(),
                [
                    key(.enter), key(.enter),
                    .lessonLoaded(lessonID: "basics.stack", .failure(LessonLoadFailure("lesson.md cannot be read"))),
                ])
        case .read: return after(FixtureCourse.state(), readLesson)
        case .readEnd: return after(FixtureCourse.state(), readLesson + [key(.end)])
        case .lessonHelp: return after(FixtureCourse.state(), readLesson + [key(.character("?"))])
        case .quiz: return after(F.state(opening: F.quiz.id), [F.key(.enter), F.key(.down)])
        case .quizWrong: return after(F.state(opening: F.quiz.id), wrongQuiz)
        case .predictTyping: return after(F.state(opening: F.predict.id), [F.key(.enter)] + F.type("0 1 — 記憶"))
        case .predictResult:
            return after(F.state(opening: F.predict.id), [F.key(.enter)] + F.type("1 1") + [F.key(.enter)])
        case .codePreparing:
            var state = AppState(course: F.course, size: TerminalSize(width: 80, height: 24), showWelcome: false)
            state.selection = F.course.lessons.firstIndex { $0.id == F.code.id } ?? 0
            return after(state, [.command(.open), .lessonLoaded(lessonID: F.code.id, .success(LessonSource(body: F.body)))])
        case .codeIdle: return F.state(opening: F.code.id)
        case .codeCancelling:
            return after(F.state(opening: F.code.id), [check, .checkElapsed(lessonID: F.code.id, seconds: 1.5), F.key(.escape)])
        case .codeRunning: return after(F.state(opening: F.code.id), [check, .checkElapsed(lessonID: F.code.id, seconds: 3.2)])
        case .codeCelebrating, .codePass:
            let frames = screen == .codePass ? LessonRules.celebrationFrames : 1
            return after(
                F.state(opening: F.code.id),
                [
                    check, .checkFinished(lessonID: F.code.id, F.pass),
                    .progressRecorded(.checked(lesson: F.code.id, passed: true), events: F.passEvents, progress: CourseProgress()),
                ] + Array(repeating: .timer, count: frames))
        case .codeFail: return after(F.state(opening: F.code.id), [check, .checkFinished(lessonID: F.code.id, F.wrongOutput)])
        case .codeCompileError:
            return after(F.state(opening: F.code.id), [check, .checkFinished(lessonID: F.code.id, F.compileError)])
        case .hints: return after(F.state(opening: F.code.id), [F.key(.character("h")), F.key(.character("h"))])
        case .solution:
            return after(
                F.state(opening: F.code.id),
                [
                    check, .checkFinished(lessonID: F.code.id, F.pass), F.key(.character("s")),
                    .solutionLoaded(
                        lessonID: F.code.id,
                        .success([
                            SolutionFile(
                                name: "sum.swift",
                                text:
                                    "// «sum» — 0…n\nfunc sumTo(_ n: Int) -> Int { n * (n + 1) / 2 } // Gauss: pair the first and the last, then the second and the one before the last\n"
                            )
                        ])),
                ])
        }
    }

    @Test(arguments: Screen.allCases) func everyCellIsASCIIAndNoStandInIsMissing(screen: Screen) {
        let drawn = App.view(Self.state(screen))
        let ascii = drawn.inASCII()
        for y in 0..<ascii.height {
            for x in 0..<ascii.width {
                let shown = ascii[x, y].character
                #expect(
                    shown.isASCII && !ascii[x, y].isContinuation && (shown == " " || shown.asciiValue! >= 0x21 && shown.asciiValue! < 0x7F),
                    "\(screen): column \(x), row \(y) shows \(shown.debugDescription), which is not one printable ASCII column")
                guard shown == "?" else { continue }
                // The character drawn here in UTF-8: the cell itself, or the wide character it is the right half of.
                let original = drawn[x, y].isContinuation && x > 0 ? drawn[x - 1, y].character : drawn[x, y].character
                #expect(
                    original == "?" || Self.contentWithoutStandIn.contains(original),
                    "\(screen): \(original.debugDescription) at column \(x), row \(y) has no ASCII stand-in; add one to ASCIIFallback.table"
                )
            }
        }
        expectSnapshot(ascii, named: "ascii-\(screen.rawValue)-80x24")
    }

    /// The check is real: a glyph the table lacks does come out as `?`, one per column it takes.
    @Test func aCharacterWithoutStandInBecomesOneQuestionMarkPerColumn() {
        var grid = CellGrid(width: 6, height: 1)
        grid.put("a記☃é", x: 0, y: 0)
        #expect(grid.inASCII().plainText() == "a???e")
        #expect(grid.inASCII()[1, 0].isContinuation == false)
    }

    @Test func lessonPunctuationReadsAsASCII() {
        var grid = CellGrid(width: 20, height: 1)
        grid.put("“a” — b’s → c ≤ 2×3", x: 0, y: 0)
        #expect(grid.inASCII().plainText() == "\"a\" - b's > c < 2x3")
    }
}
