import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// The course index: the map's stand-in for a parsed course, used only while every file it
/// came from is as it was, and rebuilt from a full load otherwise.
@Suite struct CourseIndexTests {
    /// A fixture course with an index store in a cache folder of its own.
    private struct IndexedCourse {
        let fixture: CourseFixture
        let store: CourseIndexStore

        init() throws {
            fixture = try CourseFixture()
            store = CourseIndexStore(root: fixture.root, cache: fixture.cacheFolder)
            // As if written an hour ago: a file rewritten in place at its old size within the
            // file system's clock tick keeps its stamp (see ``FileStamp``); a test's edits must not.
            Self.backdate(fixture.root.path)
        }

        private static func backdate(_ path: String) {
            var times = [timespec](repeating: timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), count: 2)
            utimensat(AT_FDCWD, path, &times, 0)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                var info = stat()
                if stat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                    backdate(path + "/" + name)
                } else {
                    utimensat(AT_FDCWD, path + "/" + name, &times, 0)
                }
            }
        }

        /// The lesson ids the index has, in map order; nil when it is not current.
        var indexedLessonIDs: [String]? { store.current()?.course.lessons.map(\.id) }
    }

    private let fixtureIDs = ["t.read", "t.quiz", "t.echo", "t.guess", "t.hold"]

    @Test func aFullLoadKeepsAnIndexThatGivesTheMapsCourse() throws {
        let course = try IndexedCourse()
        defer { course.fixture.remove() }
        #expect(course.store.current() == nil, "no index before the first load")
        let loaded = course.store.load()
        let index = try #require(course.store.current())
        let full = try #require(loaded.course)
        #expect(index.course.id == full.id && index.course.title == full.title && index.course.welcome == full.welcome)
        #expect(index.course.root == full.root)
        #expect(index.course.tracks.map(\.id) == full.tracks.map(\.id))
        #expect(index.course.tracks.map(\.folder) == full.tracks.map(\.folder))
        for (stand, real) in zip(index.course.lessons, full.lessons) {
            #expect(
                [stand.id, stand.title, stand.kind.rawValue, "\(stand.xp)", stand.folder.path, stand.file.path]
                    == [real.id, real.title, real.kind.rawValue, "\(real.xp)", real.folder.path, real.file.path])
            #expect(stand.code == nil && stand.quiz == nil && stand.predict == nil, "a stand-in, never the course")
        }
        #expect(index.course.lessons.map(\.id) == fixtureIDs)
    }

    @Test func textWithTabsNewlinesAndBackslashesRoundTrips() throws {
        let course = try IndexedCourse()
        defer { course.fixture.remove() }
        try course.fixture.write(
            "course.yml",
            "id: session\ntitle: \"A\\ttab \\\\ and more\"\nwelcome: |\n  Line one\n  \\n is not a newline\n\n  end\nfinal: \"Done,\\tnow\"\n"
        )
        try course.fixture.write("01-t/track.yml", "id: t\ntitle: \"Everything \\\\t\"\nsummary: \"One\\nof each\"\n")
        try course.fixture.write("01-t/track.md", "Intro with a\ttab\r\nand CRLF.\n")
        let full = try #require(course.store.load().course)
        let index = try #require(course.store.current())
        #expect(index.course.title == full.title && index.course.title.contains("\t"))
        #expect(index.course.welcome == full.welcome && index.course.welcome.contains("\\n is not"))
        #expect(index.course.final == full.final && full.final == "Done,\tnow")
        #expect(index.course.tracks[0].summary == full.tracks[0].summary)
        #expect(index.course.tracks[0].introduction == full.tracks[0].introduction)
        #expect(index.course.tracks[0].title == full.tracks[0].title)
    }

    @Test(arguments: ["changed", "added", "removed", "broken", "renamed track", "course file"])
    func aChangeToTheCourseMakesTheIndexStaleAndTheNextLoadSeesIt(_ change: String) throws {
        let course = try IndexedCourse()
        defer { course.fixture.remove() }
        _ = course.store.load()
        #expect(course.indexedLessonIDs == fixtureIDs)
        let fixture = course.fixture
        var expected = fixtureIDs
        switch change {
        case "changed":
            // The same size, in place: only the modification time tells.
            try fixture.write("01-t/01-read/lesson.md", "---\nid: t.read\ntitle: Read ME\nkind: read\n---\nREAD BODY\n")
        case "added":
            try fixture.write("01-t/06-new/lesson.md", "---\nid: t.new\ntitle: New\nkind: read\n---\nNEW\n")
            expected.append("t.new")
        case "removed":
            try fixture.removeLesson("01-t/05-hold")
            expected.removeLast()
        case "broken":
            try fixture.write("01-t/01-read/lesson.md", "---\nid: t.read\ntitle: [unclosed\nkind: read\n---\n")
            expected.removeFirst()
        case "renamed track":
            try FileManager.default.moveItem(
                at: fixture.root.appendingPathComponent("01-t"), to: fixture.root.appendingPathComponent("02-t"))
        default:
            try fixture.write("course.yml", "id: session\ntitle: Renamed Course\nwelcome: Welcome to the session course.\n")
        }
        #expect(course.store.current() == nil, "a stale index is not used")
        let loaded = course.store.load()
        let index = try #require(course.store.current(), "the full load rebuilds it")
        #expect(index.course.lessons.map(\.id) == expected)
        switch change {
        case "changed": #expect(index.course.lessons[0].title == "Read ME")
        case "broken":
            #expect(!loaded.errors.isEmpty)
            #expect(index.errors == loaded.errors, "the launch prints the same errors from the index")
        case "renamed track": #expect(index.course.tracks[0].folder.lastPathComponent == "02-t")
        case "course file": #expect(index.course.title == "Renamed Course")
        default: break
        }
    }

    @Test(arguments: [
        "", "garbage\n", "crucible course index 1\n", "crucible course index 2\nroot\t/\t/\n",
        "crucible course index 1\nlesson\tx\tX\tread\t5\tx\n",
    ])
    func aCorruptIndexIsIgnoredAndRebuilt(_ text: String) throws {
        let course = try IndexedCourse()
        defer { course.fixture.remove() }
        _ = course.store.load()
        let good = try String(contentsOf: course.store.file, encoding: .utf8)
        for corrupt in [text, String(good.dropLast(7)), good.replacingOccurrences(of: "\tread\t5\t", with: "\tread\tfive\t")] {
            try Data(corrupt.utf8).write(to: course.store.file)
            #expect(course.store.current() == nil, "used: \(corrupt.prefix(80))")
            _ = course.store.load()
            #expect(try String(contentsOf: course.store.file, encoding: .utf8) == good, "rebuilt as before")
        }
    }

    @Test func anUnreadableOrUnwritableIndexOnlyMeansFullLoads() throws {
        let course = try IndexedCourse()
        defer { course.fixture.remove() }
        // A folder where the file should be: it cannot be read or replaced.
        try FileManager.default.createDirectory(at: course.store.file, withIntermediateDirectories: true)
        #expect(course.store.current() == nil)
        #expect(course.store.load().course?.lessons.map(\.id) == fixtureIDs)
        #expect(course.store.current() == nil)
    }

    @Test func anIndexIsForTheFolderAsItWasNamed() throws {
        let course = try IndexedCourse()
        defer { course.fixture.remove() }
        _ = course.store.load()
        let text = try String(contentsOf: course.store.file, encoding: .utf8)
        let elsewhere = course.fixture.folder.appendingPathComponent("other")
        #expect(CourseIndex(text: text, root: course.fixture.root) != nil)
        #expect(CourseIndex(text: text, root: elsewhere) == nil)
        // The same folder spelled another way prints errors under another name: a full load.
        let spelled = URL(fileURLWithPath: course.fixture.root.path + "/.")
        #expect(CourseIndex(text: text, root: spelled) == nil)
    }
}
