import CrucibleEngine
import Foundation
import Testing

/// Every kind of bad file: moved aside with a timestamp, the learner told where, and the
/// course continues from the backup when it is good, else from empty.
@Suite struct CorruptProgressTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: Data
        var reason: String
        var testDescription: String { name }
    }

    static let good = """
        {"schemaVersion": 1, "courses": {"crucible": {"xp": 30, "level": 1, "streak": {"current": 1, "best": 1},
        "achievements": {}, "settings": {"watchMode": false}, "lessons": {}}}}
        """

    static let cases: [Case] = [
        Case(name: "truncated", bytes: Data(good.utf8.prefix(70)), reason: "not valid JSON"),
        Case(name: "random bytes", bytes: Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }), reason: "not valid JSON"),
        Case(name: "empty", bytes: Data(), reason: "the file is empty"),
        Case(name: "JSON of the wrong shape", bytes: Data(#"[1, 2, 3]"#.utf8), reason: "the top level is not a JSON object"),
        Case(
            name: "an object without a version", bytes: Data(#"{"courses": {}}"#.utf8),
            reason: "the top level lacks the key `schemaVersion`"),
        Case(
            name: "a field of the wrong type",
            bytes: Data(good.replacingOccurrences(of: #""xp": 30"#, with: #""xp": "lots""#).utf8),
            reason: "`courses.crucible.xp` is not a whole number"),
        Case(
            name: "a field missing",
            bytes: Data(good.replacingOccurrences(of: #""level": 1, "#, with: "").utf8),
            reason: "`courses.crucible` lacks the key `level`"),
    ]

    @Test(arguments: cases)
    func withoutABackupTheCourseStartsEmpty(bad: Case) throws {
        let folder = try ProgressFolder()
        try folder.write(bad.bytes)
        let store = try folder.store()
        #expect(store.current == CourseProgress())
        let aside = try #require(folder.files(startingWith: "progress.json.corrupt-").first)
        #expect(folder.contents(aside) == bad.bytes, "the bad file is kept byte for byte")
        let notice = try #require(store.takeNotices().first).message
        #expect(notice.contains(folder.file.path) && notice.contains(aside) && notice.contains("from empty progress"), "\(notice)")
        #expect(notice.contains(bad.reason), "\(notice)")
        try store.update { $0.xp = 1 }
        #expect(try folder.store().current.xp == 1)
        #expect(folder.contents(aside) == bad.bytes)
    }

    @Test(arguments: cases)
    func withAGoodBackupTheCourseContinuesFromIt(bad: Case) throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        try store.update { $0.xp = 30 }
        try store.update { $0.xp = 40 }  // the backup now holds xp 30
        try folder.write(bad.bytes)
        let reopened = try folder.store()
        #expect(reopened.current.xp == 30)
        #expect(reopened.takeNotices().first?.message.contains("from the backup \(folder.backup.path)") == true)
        #expect(try folder.store().current.xp == 30, "the backup was put back in place at once")
        #expect(folder.files(startingWith: "progress.json.corrupt-").count == 1)
    }

    @Test func aFileCorruptedWhileOpenIsMovedAsideBeforeSaving() throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        try store.update { $0.xp = 5 }
        try store.update { $0.xp = 6 }
        try folder.write(Data("garbage".utf8))
        try store.update { $0.xp += 1 }
        #expect(try folder.store().current.xp == 6, "continued from the backup (5) and applied the change")
        #expect(folder.files(startingWith: "progress.json.corrupt-").count == 1)
        #expect(store.takeNotices().count == 1)
    }

    // Needs a folder this process cannot write to (root without chattr can write anywhere).
    @Test(.enabled(if: ProgressFolder.canBeMadeUnwritable, "cannot make a folder unwritable here"))
    func aBadFileThatCannotBeMovedIsNeverOverwritten() throws {
        let folder = try ProgressFolder()
        try folder.write(Data("garbage".utf8))
        try folder.makeUnwritable()
        let store = try folder.store()
        #expect(store.takeNotices().first?.message.contains("could not be moved aside") == true)
        #expect(throws: ProgressError.self) { try store.update { $0.xp = 1 } }
        #expect(folder.contents() == Data("garbage".utf8))
    }

    @Test func aFolderWhereTheFileShouldBeIsExplained() throws {
        let folder = try ProgressFolder()
        try FileManager.default.createDirectory(at: folder.file, withIntermediateDirectories: true)
        #expect {
            try folder.store()
        } throws: { error in
            "\(error)".contains("cannot use the progress file \(folder.file.path): it is a folder, not a file")
        }
        #expect(FileManager.default.fileExists(atPath: folder.file.path))
    }
}
