import CrucibleEngine
import Foundation
import Testing

@Suite struct ProgressStoreTests {
    @Test func savesAndReopensPrettyPrintedWithSortedKeys() throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        #expect(store.current == CourseProgress())
        try store.update { progress in
            progress.xp = 25
            progress.settings = LearnerSettings(theme: "dark", watchMode: true)
            progress.position = ResumePosition(lesson: "memory.value-and-reference", scroll: 12)
            progress.achievements["first-light"] = Date(timeIntervalSince1970: 1_800_000_000)
            progress[lesson: "orientation.first-fix"] = LessonProgress(
                status: .passed, attempts: 2, passedAt: Date(timeIntervalSince1970: 1_800_000_000))
        }
        let reopened = try folder.store()
        #expect(reopened.current == store.current)
        #expect(reopened.current.position == ResumePosition(lesson: "memory.value-and-reference", scroll: 12))
        let text = String(decoding: try #require(folder.contents()), as: UTF8.self)
        #expect(
            text.hasPrefix(
                "{\n  \"courses\" : {\n    \"crucible\" : {\n      \"achievements\" : {\n        \"first-light\" : \"2027-01-15T08:00:00Z\""
            ), "\(text)")
        #expect(text.hasSuffix("  \"schemaVersion\" : 1\n}\n"), "\(text)")
    }

    @Test func keepsThePreviousGoodFileAsBackup() throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        try store.update { $0.xp = 1 }
        #expect(folder.contents("progress.json.bak") == nil, "no previous file yet")
        let first = folder.contents()
        try store.update { $0.xp = 2 }
        #expect(folder.contents("progress.json.bak") == first)
        #expect(folder.files(startingWith: "progress.json.tmp").isEmpty)
    }

    @Test func coursesKeepSeparateProgress() throws {
        let folder = try ProgressFolder()
        try folder.store("crucible").update { $0.xp = 10 }
        try folder.store("third-party").update { $0.xp = 99 }
        #expect(try folder.store("crucible").current.xp == 10)
        #expect(try folder.store("third-party").current.xp == 99)
        #expect(try folder.store("other").current == CourseProgress())
    }

    @Test func updatesApplyToWhatIsOnDiskNow() throws {
        let folder = try ProgressFolder()
        let first = try folder.store(), second = try folder.store()
        try first.update { $0.xp += 5 }
        try second.update { $0.xp += 7 }  // second read before first saved; it must not undo it
        #expect(second.current.xp == 12)
        #expect(try folder.store().current.xp == 12)
    }

    @Test func concurrentUpdatesFromTwoStoresLoseNothing() async throws {
        let folder = try ProgressFolder()
        let stores = [try folder.store(), try folder.store()]
        await withTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for _ in 0..<100 { try? store.update(attempt("lesson-\(index)")) }
                }
            }
        }
        let final = try folder.store().current
        #expect(final[lesson: "lesson-0"].attempts == 100)
        #expect(final[lesson: "lesson-1"].attempts == 100)
    }

    @Test func aLockHeldTooLongIsExplained() throws {
        let folder = try ProgressFolder()
        let store = try folder.store(lockTimeout: 0.2)
        let fd = open(store.lockFile.path, O_RDWR | O_CREAT, 0o600)
        #expect(flock(fd, LOCK_EX) == 0)
        #expect {
            try store.update { $0.xp = 1 }
        } throws: { error in
            "\(error)".contains("another Crucible process") && "\(error)".contains(store.lockFile.path)
        }
        #expect(folder.contents() == nil)
        close(fd)
        try store.update { $0.settings.watchMode = true }
        #expect(try folder.store().current.xp == 1, "the change that waited in vain is saved with the next one")
    }

    @Test func aNewerSchemaIsLeftUntouched() throws {
        let folder = try ProgressFolder()
        let newer = Data(#"{"schemaVersion": 7, "whatever": [1, 2]}"#.utf8)
        try folder.write(newer)
        #expect {
            _ = try folder.store()
        } throws: { error in
            (error as? ProgressError) == .newerSchema(file: folder.file.path, version: 7)
                && "\(error)".contains("newer version of Crucible") && "\(error)".contains("left untouched")
        }
        #expect(folder.contents() == newer)
    }

    @Test func aNewerSchemaWrittenWhileOpenIsNotOverwritten() throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        try store.update { $0.xp = 1 }
        let newer = Data(#"{"schemaVersion": 2, "courses": {}}"#.utf8)
        try folder.write(newer)
        #expect(throws: ProgressError.newerSchema(file: folder.file.path, version: 2)) { try store.update { $0.xp = 2 } }
        #expect(folder.contents() == newer)
    }

    @Test func anOlderSchemaIsMigratedAndTheOriginalKept() throws {
        let folder = try ProgressFolder()
        // A made-up schema 0 that called XP "points", migrated by a step given to the store.
        let old = Data(
            #"{"schemaVersion": 0, "courses": {"crucible": {"points": 40, "level": 1, "streak": {"current": 0, "best": 0}, "achievements": {}, "settings": {"watchMode": false}, "lessons": {}}}}"#
                .utf8)
        try folder.write(old)
        let rename = ProgressMigration(from: 0) { object in
            guard var courses = object["courses"] as? [String: Any] else { return }
            for (id, value) in courses {
                guard var course = value as? [String: Any] else { continue }
                course["xp"] = course.removeValue(forKey: "points")
                courses[id] = course
            }
            object["courses"] = courses
        }
        let store = try folder.store(migrations: [rename])
        #expect(store.current.xp == 40)
        try store.update { $0.xp += 1 }
        #expect(store.takeNotices().contains { $0.message.contains("schema 0") && $0.message.contains("progress.json.schema-0") })
        #expect(folder.contents("progress.json.schema-0") == old)
        #expect(try folder.store().current.xp == 41)
    }

    @Test func aSchemaWithNoMigrationIsReportedNotGuessed() throws {
        let folder = try ProgressFolder()
        try folder.write(Data(#"{"schemaVersion": 0, "courses": {}}"#.utf8))
        let store = try folder.store()
        #expect(store.takeNotices().first?.message.contains("schema version 0 is not one this Crucible can migrate") == true)
    }

    // Needs a folder this process cannot write to (root without chattr can write anywhere).
    @Test(.enabled(if: ProgressFolder.canBeMadeUnwritable, "cannot make a folder unwritable here"))
    func aFailedSaveKeepsTheChangeAndTheFile() throws {
        let folder = try ProgressFolder()
        let store = try folder.store()
        try store.update { $0.xp = 10 }
        let before = folder.contents()
        try folder.makeUnwritable()
        #expect {
            try store.update { $0.xp += 5 }
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot save progress to \(folder.file.path)") && text.contains("not writable")
                && text.contains("progress saved before is unchanged")
        }
        #expect(folder.contents() == before)
        #expect(store.current.xp == 15 && store.hasUnsavedChanges, "the change is kept in memory")
        #expect(try folder.store().current.xp == 10)
        folder.makeWritable()
        try store.update { $0.settings.watchMode = true }
        #expect(!store.hasUnsavedChanges)
        let reopened = try folder.store().current
        #expect(reopened.xp == 15 && reopened.settings.watchMode, "the earlier change was saved with the next one")
    }

    // Needs a folder this process cannot write to (root without chattr can write anywhere).
    @Test(.enabled(if: ProgressFolder.canBeMadeUnwritable, "cannot make a folder unwritable here"))
    func anUnwritableFolderStillReads() throws {
        let folder = try ProgressFolder()
        try folder.store().update { $0.xp = 3 }
        try folder.makeUnwritable()
        #expect(try folder.store().current.xp == 3)
    }

    @Test func aMissingFolderIsCreated() throws {
        let folder = try ProgressFolder()
        let file = folder.url.appendingPathComponent("state/crucible/progress.json")
        try ProgressStore(courseID: "c", file: file).update { $0.xp = 1 }
        #expect(try ProgressStore(courseID: "c", file: file).current.xp == 1)
    }
}

@Suite struct ProgressReloadTests {
    @Test func reloadIfChangedSeesAnotherWritersSaveAndNothingElse() throws {
        let folder = try ProgressFolder()
        let watcher = try folder.store(), writer = try folder.store()
        #expect(try watcher.reloadIfChanged() == false, "no file yet")
        try writer.update { $0.xp = 4 }
        #expect(try watcher.reloadIfChanged())
        #expect(watcher.current.xp == 4)
        #expect(try watcher.reloadIfChanged() == false)
        try watcher.update { $0.xp += 1 }
        #expect(try watcher.reloadIfChanged() == false, "its own save is not a change")
        #expect(try writer.reloadIfChanged() && writer.current.xp == 5)
    }

    /// The full screen asks before every key; a file just opened must not be read twice.
    @Test func aFileJustOpenedIsNotAChange() throws {
        let folder = try ProgressFolder()
        try folder.store().update { $0.xp = 3 }
        let opened = try folder.store()
        #expect(try opened.reloadIfChanged() == false)
        try folder.store().update { $0.xp = 7 }
        #expect(try opened.reloadIfChanged() && opened.current.xp == 7)
    }
}
