import Foundation
import Testing

@testable import CrucibleEngine

/// The progress file and the files beside it as hostile input: planted links are never written
/// through, unusable files are refused with the reason, and keys this build does not know survive.
@Suite struct HostileProgressFileTests {
    /// A file outside the progress folder that a planted link points at; it must never change.
    final class Victim {
        let folder: URL
        var file: URL { folder.appendingPathComponent("victim.txt") }
        static let contents = Data("not yours to overwrite\n".utf8)

        init(create: Bool = true) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-victim-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if create { try Self.contents.write(to: file) }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        var isUntouched: Bool { FileManager.default.contents(atPath: file.path) == Self.contents }
        var exists: Bool { FileManager.default.fileExists(atPath: file.path) }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    // MARK: Links planted beside the file

    @Test func aLinkPlantedAtTheTemporaryNameIsNeverWrittenThrough() throws {
        let folder = try ProgressFolder(), victim = try Victim()
        try folder.store().update { $0.xp = 1 }
        // The name older versions wrote to, and a leftover-looking name, both pointing at the victim.
        for name in ["progress.json.tmp", "progress.json.tmp-0"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder.url.appendingPathComponent(name).path,
                withDestinationPath: victim.file.path)
        }
        try folder.store().update { $0.xp = 2 }
        #expect(victim.isUntouched, "the link's target keeps its contents")
        #expect(Self.isRegularFile(folder.file.path), "the progress file is a regular file, not a link to the victim")
        #expect(try folder.store().current.xp == 2)
    }

    @Test func aTemporaryFileLeftByAKilledWriterIsRemovedAtTheNextSave() throws {
        let folder = try ProgressFolder()
        try folder.write(Data("half a save".utf8), to: "progress.json.tmp-1234abcd")
        try folder.store().update { $0.xp = 1 }
        #expect(folder.files(startingWith: "progress.json.tmp").isEmpty)
    }

    @Test(arguments: [true, false])
    func aLinkPlantedAtTheLockFileIsRefusedAndItsTargetNeitherCreatedNorChanged(targetExists: Bool) throws {
        let folder = try ProgressFolder(), victim = try Victim(create: targetExists)
        try folder.store().update { $0.xp = 1 }
        let saved = folder.contents()
        try FileManager.default.removeItem(atPath: folder.file.path + ".lock")
        try FileManager.default.createSymbolicLink(atPath: folder.file.path + ".lock", withDestinationPath: victim.file.path)
        let store = try folder.store()
        #expect {
            try store.update { $0.xp = 2 }
        } throws: { error in
            "\(error)".contains("the lock file \(folder.file.path).lock is a symbolic link")
        }
        #expect(targetExists ? victim.isUntouched : !victim.exists, "the link's target is not created or changed")
        #expect(folder.contents() == saved, "nothing was saved")
        #expect(store.current.xp == 2, "the change is kept for the next save")
    }

    @Test func aLinkPlantedAtTheBackupIsReplacedNotWrittenThrough() throws {
        let folder = try ProgressFolder(), victim = try Victim()
        try folder.store().update { $0.xp = 1 }
        let first = folder.contents()
        try FileManager.default.createSymbolicLink(atPath: folder.backup.path, withDestinationPath: victim.file.path)
        try folder.store().update { $0.xp = 2 }
        #expect(victim.isUntouched)
        #expect(Self.isRegularFile(folder.backup.path) && folder.contents("progress.json.bak") == first)
    }

    @Test func linksPlantedAtTheSetAsideNamesAreSkipped() throws {
        let folder = try ProgressFolder(), victim = try Victim()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        // Every name the set-aside copy could take in the next few seconds is a link to the victim.
        let now = Date()
        var planted: [String] = []
        for second in 0..<5 {
            let name = "progress.json.corrupt-" + formatter.string(from: now.addingTimeInterval(Double(second)))
            try FileManager.default.createSymbolicLink(
                atPath: folder.url.appendingPathComponent(name).path,
                withDestinationPath: victim.file.path)
            planted.append(name)
        }
        let bad = Data("{ not progress".utf8)
        try folder.write(bad)
        let store = try folder.store()
        #expect(victim.isUntouched)
        let asides = folder.files(startingWith: "progress.json.corrupt-").filter { !planted.contains($0) }
        #expect(asides.count == 1, "the bad file went to a free name: \(asides)")
        #expect(asides.first.map { folder.contents($0) == bad } == true, "kept byte for byte")
        #expect(store.takeNotices().first?.message.contains(asides.first ?? "?") == true)
    }

    // MARK: Files that cannot be used: refused, named, untouched

    @Test func aFolderInTheFilesPlaceIsRefusedWithTheReason() throws {
        let folder = try ProgressFolder()
        try FileManager.default.createDirectory(at: folder.file, withIntermediateDirectories: true)
        #expect(throws: ProgressError.unusable(file: folder.file.path, reason: "it is a folder, not a file")) {
            try folder.store()
        }
        #expect(folder.files(startingWith: "progress.json.corrupt-").isEmpty, "the folder is not moved")
    }

    @Test func aFolderInTheLockFilesPlaceIsRefusedWithTheReason() throws {
        let folder = try ProgressFolder()
        try FileManager.default.createDirectory(atPath: folder.file.path + ".lock", withIntermediateDirectories: true)
        let store = try folder.store()
        #expect {
            try store.update { $0.xp = 1 }
        } throws: { error in
            "\(error)".contains("the lock file \(folder.file.path).lock is a folder, not a file")
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedQuicklyWithoutBeingRead() throws {
        let folder = try ProgressFolder()
        // 100 MB: sparse, so making it is instant; reading it would not be.
        FileManager.default.createFile(atPath: folder.file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: folder.file)
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let started = Date()
        #expect {
            try folder.store()
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot use the progress file \(folder.file.path): it is 100 MB, more than the 8 MB")
                && text.contains("move it elsewhere")
        }
        // Guards a hang: reading 100 MB took 14 s before the limit.
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.file.path)[.size] as? Int == 100 << 20, "untouched")
        #expect(folder.files(startingWith: "progress.json.corrupt-").isEmpty)
    }

    @Test func aFileThatGrowsOverTheLimitAfterOpeningIsRefusedOnTheNextSave() throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        try store.update { $0.xp = 1 }
        try Data(count: ProgressFileLimits.maximumSize + 1).write(to: folder.file)
        #expect(throws: ProgressError.self) { try store.update { $0.xp = 2 } }
        #expect(try FileManager.default.attributesOfItem(atPath: folder.file.path)[.size] as? Int == ProgressFileLimits.maximumSize + 1)
    }

    @Test func importRefusesAFileOverTheSizeLimit() throws {
        let folder = try ProgressFolder()
        try Data(count: ProgressFileLimits.maximumSize + 1).write(to: folder.file)
        #expect {
            _ = try ProgressStore.readExport(folder.file)
        } throws: { error in
            "\(error)".contains("cannot import \(folder.file.path): it is 8 MB, more than the 8 MB a progress file may be")
        }
    }

    // MARK: Bad contents, in words

    @Test func aFileNestedTenThousandLevelsDeepIsReportedAsTooDeep() throws {
        let folder = try ProgressFolder()
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        try folder.write(Data(#"{"schemaVersion": 1, "courses": {}, "x": \#(deep)}"#.utf8))
        let notice = try #require(try folder.store().takeNotices().first).message
        #expect(notice.contains("it is nested too deep: more than 64 levels of arrays and objects"), "\(notice)")
        #expect(!notice.contains("not valid JSON"), "\(notice)")
    }

    @Test func braceInsideAStringDoesNotCountAsNesting() throws {
        let folder = try ProgressFolder()
        try folder.store().update { $0.settings.theme = String(repeating: "[{\\\"", count: 100) }
        let store = try folder.store()
        #expect(store.takeNotices().isEmpty)
        #expect(store.current.settings.theme == String(repeating: "[{\\\"", count: 100))
    }

    @Test func aKeyTwiceInOneObjectIsReportedWithItsPlaceAndTheFileSetAside() throws {
        let folder = try ProgressFolder()
        // The decoder and the unknown-key reader each kept a different one of the two
        // `achievements`, so the first save changed what a second load saw (found by the fuzzer).
        try folder.write(
            Data(
                #"{"schemaVersion": 1, "courses": {"c": {"xp": 0, "achievements": {"a": "2026-01-02T03:04:05Z"}, "achievements": {"b": "2026-01-02T03:04:05Z"}}}}"#
                    .utf8))
        let store = try folder.store()
        let notice = try #require(store.takeNotices().first).message
        #expect(notice.contains("the key `achievements` appears twice in one object (in courses → c)"), "\(notice)")
        #expect(store.current.achievements.isEmpty)
    }

    @Test(arguments: [
        #"{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#,  // the same key in different objects
        #"{"a": "x\"a\": 1", "b": 2}"#,  // a key-like text inside a string
    ])
    func keysThatAreNotDuplicatesAreNotReported(_ json: String) {
        #expect(ProgressFileLimits.duplicateKey(in: Data(json.utf8)) == nil)
    }

    @Test func anEscapedDuplicateIsFoundAsTheParserReadsIt() throws {
        let found = try #require(ProgressFileLimits.duplicateKey(in: Data(#"{"s": {"a": 1, "\u0061": 2}}"#.utf8)))
        #expect(found.key == "a" && found.path == ["s"])
    }

    @Test func anUnknownStatusNamesTheLessonAndTheValue() throws {
        let folder = try ProgressFolder()
        try folder.store().update { $0[lesson: "memory.stack"].status = .passed }
        let text = String(decoding: try #require(folder.contents()), as: UTF8.self)
        try folder.write(Data(text.replacingOccurrences(of: "\"passed\"", with: "\"wizard\"").utf8))
        let notice = try #require(try folder.store().takeNotices().first).message
        #expect(
            notice.contains(
                #"unknown status "wizard" for lesson "memory.stack" (a status is one of notStarted, opened, skipped, attempted, passed)"#),
            "\(notice)")
        #expect(!notice.contains("Cannot initialize"), "\(notice)")
    }

    // MARK: Keys this build does not know

    static let withUnknownKeys = """
        {
          "schemaVersion": 1,
          "fromTheFuture": {"flag": true, "list": [1, "two", null]},
          "courses": {
            "crucible": {
              "xp": 10, "level": 1, "badges": ["gold"],
              "streak": {"current": 1, "best": 2, "freezes": 3},
              "achievements": {}, "settings": {"watchMode": false, "fontSize": 14},
              "lessons": {
                "a": {"status": "passed", "attempts": 1, "hintsRevealed": 0, "solutionViewed": false, "timeSpent": 1.5,
                      "passedFirstTry": true, "xpEarned": 10, "updatedSincePass": false, "note": "mine"},
                "b": {"status": "attempted", "attempts": 2, "hintsRevealed": 0, "solutionViewed": false, "timeSpent": 0,
                      "passedFirstTry": false, "xpEarned": 0, "updatedSincePass": false, "note": "gone with the record"}
              }
            }
          }
        }
        """

    @Test func unknownKeysAtEveryLevelSurviveASave() throws {
        let folder = try ProgressFolder()
        try folder.write(Data(Self.withUnknownKeys.utf8))
        let store = try folder.store()
        try store.update { progress in
            progress.xp = 11
            progress.lessons["b"] = nil  // a reset: the record goes, and its unknown keys with it
        }
        let data = try #require(folder.contents())
        let saved = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let future = try #require(saved["fromTheFuture"] as? [String: Any])
        #expect(future["flag"] as? Bool == true)
        #expect((future["list"] as? [Any])?.count == 3)
        let course = try #require((saved["courses"] as? [String: Any])?["crucible"] as? [String: Any])
        #expect(course["xp"] as? Int == 11, "the change is saved")
        #expect(course["badges"] as? [String] == ["gold"])
        #expect((course["streak"] as? [String: Any])?["freezes"] as? Int == 3)
        #expect((course["settings"] as? [String: Any])?["fontSize"] as? Int == 14)
        let lessons = try #require(course["lessons"] as? [String: Any])
        #expect((lessons["a"] as? [String: Any])?["note"] as? String == "mine")
        #expect((lessons["a"] as? [String: Any])?["solutionViewed"] as? Bool == false, "booleans stay booleans")
        #expect(lessons["b"] == nil, "a removed record is not brought back by its unknown keys")
        // And the file still reads, with the known fields as they were.
        let reopened = try folder.store()
        #expect(reopened.takeNotices().isEmpty)
        #expect(reopened.current.xp == 11 && reopened.current[lesson: "a"].timeSpent == 1.5)
        // A second save (from the cached read) keeps them too.
        try reopened.update { $0.xp = 12 }
        #expect(String(decoding: try #require(folder.contents()), as: UTF8.self).contains("\"fromTheFuture\""))
    }

    @Test func aFileWithoutUnknownKeysIsWrittenAsBefore() throws {
        let folder = try ProgressFolder()
        try folder.store().update { $0.xp = 3 }
        let progress = try ProgressCoding.decode(try #require(folder.contents()))
        #expect(progress.unknownKeys.isEmpty)
        #expect(try ProgressCoding.encode(progress.progress) == folder.contents())
    }
}
