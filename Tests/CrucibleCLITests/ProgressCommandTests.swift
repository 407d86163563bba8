import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible progress` and `crucible reset`, driven through the real binary.
@Suite struct ProgressCommandTests {
    static let passedAt = Date(timeIntervalSince1970: 1_790_000_000)

    /// A progress file in a fresh folder, holding `course` for the bundled course.
    static func progressFile(_ course: CourseProgress) throws -> (folder: URL, file: URL) {
        let folder = try CrucibleRunner.temporaryFolder()
        let file = folder.appendingPathComponent("progress.json")
        try ProgressCoding.encode(SavedProgress(courses: ["crucible": course])).write(to: file)
        return (folder, file)
    }

    static func read(_ file: URL) throws -> CourseProgress {
        try ProgressCoding.decode(try Data(contentsOf: file)).progress[course: "crucible"]
    }

    static let someProgress = CourseProgress(
        xp: 60, level: 2, streak: Streak(current: 1, best: 4, lastActiveDay: LocalDay("2026-01-01")),
        achievements: ["first-light": passedAt], position: ResumePosition(lesson: "orientation.first-fix", scroll: 3),
        settings: LearnerSettings(theme: "dark", watchMode: true),
        lessons: [
            "orientation.first-fix": LessonProgress(status: .passed, attempts: 1, passedAt: passedAt, passedFirstTry: true, xpEarned: 35),
            "orientation.warm-up-quiz": LessonProgress(status: .passed, attempts: 2, passedAt: passedAt, xpEarned: 25),
            "orientation.retired-lesson": LessonProgress(status: .passed, xpEarned: 0),
        ])

    @Test func summaryShowsLevelStreakTracksAndAchievements() throws {
        let (folder, file) = try Self.progressFile(Self.someProgress)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(["progress", "--progress", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        for line in [
            "Level 2 · Stack Walker · 60 XP · 90 XP to level 3", "Streak: 0 days (best 4)",
            "[█████████████░░░░░░░]  2/3", "✓ First light: Pass your first lesson. (earned",
            "· Oriented: Finish the orientation track.", "Kept but not counted (no longer in the course): orientation.retired-lesson",
            "Resume at: orientation.first-fix", "Next in the recommended order: orientation.how-crucible-works",
            "Progress file: \(file.path)",
        ] {
            #expect(result.stdout.contains(line), "missing \(line) in:\n\(result.stdout)")
        }
        // Track titles are padded to the longest, so the bars line up whatever the titles are.
        let orientation = result.stdout.split(separator: "\n").first { $0.contains("2/3") }
        #expect(orientation?.hasPrefix("Orientation ") == true, "\(result.stdout)")
    }

    @Test func summaryAsJSON() throws {
        let (folder, file) = try Self.progressFile(Self.someProgress)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The environment variable names the file as well as the option does.
        let result = try CrucibleRunner.run(["progress", "--json"], environment: ["CRUCIBLE_PROGRESS": file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["xp"] as? Int == 60 && json["level"] as? Int == 2 && json["levelName"] as? String == "Stack Walker")
        #expect(json["xpToNextLevel"] as? Int == 90 && json["bestStreak"] as? Int == 4)
        let tracks = try #require(json["tracks"] as? [[String: Any]])
        #expect(tracks.first?["id"] as? String == "orientation" && tracks.first?["passed"] as? Int == 2)
        #expect((json["achievements"] as? [Any])?.count ?? 0 >= 10)
    }

    @Test func aCorruptFileIsMovedAsideAndTheUserToldWhere() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        let garbage = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: file)
        let result = try CrucibleRunner.run(["--progress", file.path, "progress"])
        #expect(result.status == 0, "\(result.stderr)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(aside.count == 1)
        #expect(result.stderr.contains("could not be read") && result.stderr.contains(aside.first ?? "?"), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(aside.first ?? "").path) == garbage)
    }

    @Test func aNewerFileIsLeftUntouchedWithAClearMessage() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        let newer = Data(#"{"schemaVersion": 99, "courses": {"crucible": {"xp": "many"}}}"#.utf8)
        try newer.write(to: file)
        let result = try CrucibleRunner.run(["progress", "--progress", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("newer version of Crucible (progress schema 99"), "\(result.stderr)")
        #expect(try Data(contentsOf: file) == newer)
    }

    @Test func resetAskesFirstAndTakesBackTheXP() throws {
        let (folder, file) = try Self.progressFile(Self.someProgress)
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try CrucibleRunner.run(["reset", "orientation.first-fix", "--progress", file.path])
        #expect(refused.status == 2 && refused.stderr.contains("pass --yes"), "\(refused.stderr)")
        #expect(try Self.read(file) == Self.someProgress)

        let lesson = try CrucibleRunner.run(["reset", "orientation.first-fix", "--yes", "--progress", file.path])
        #expect(lesson.status == 0, "\(lesson.stderr)")
        var progress = try Self.read(file)
        #expect(progress.xp == 25 && progress.lessons["orientation.first-fix"] == nil && progress.achievements.count == 1)

        let track = try CrucibleRunner.run(["reset", "--track", "orientation", "-y", "--progress", file.path])
        #expect(track.status == 0, "\(track.stderr)")
        progress = try Self.read(file)
        #expect(progress.xp == 0 && progress.lessons.keys.sorted() == ["orientation.retired-lesson"])

        let all = try CrucibleRunner.run(["reset", "--all", "--yes", "--progress", file.path])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try Self.read(file) == CourseProgress(settings: LearnerSettings(theme: "dark", watchMode: true)))
        #expect(FileManager.default.fileExists(atPath: file.path + ".bak"), "the state before the last reset is kept")
    }

    @Test(arguments: [["reset"], ["reset", "x", "--all"], ["reset", "--track", "orientation", "--all"]])
    func resetNeedsExactlyOneTarget(arguments: [String]) throws {
        let result = try CrucibleRunner.run(arguments + ["--progress", "/nonexistent/p.json"])
        #expect(result.status == 2 && result.stderr.contains("exactly one"), "\(result.stderr)")
    }

    @Test func resetNamesUnknownLessonsAndTracks() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.json").path
        let lesson = try CrucibleRunner.run(["reset", "orientation.frist-fix", "--yes", "--progress", file])
        #expect(lesson.status == 2 && lesson.stderr.contains("did you mean `orientation.first-fix`?"), "\(lesson.stderr)")
        let track = try CrucibleRunner.run(["reset", "--track", "memroy", "--yes", "--progress", file])
        #expect(track.status == 2 && track.stderr.contains("`memory`"), "\(track.stderr)")
    }

    @Test func resetFilesRestoresTheStarterAndKeepsACopy() throws {
        let (folder, file) = try Self.progressFile(Self.someProgress)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("workspace")
        let lessonFolder = workspace.appendingPathComponent("crucible/orientation.first-fix")
        try FileManager.default.createDirectory(at: lessonFolder, withIntermediateDirectories: true)
        try "my edits\n".write(to: lessonFolder.appendingPathComponent("sum.swift"), atomically: true, encoding: .utf8)
        let result = try CrucibleRunner.run([
            "reset", "orientation.first-fix", "--files", "--yes", "--progress", file.path,
            "--workspace", workspace.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let starter = CrucibleRunner.bundledLessons.appendingPathComponent("00-orientation/03-first-fix/starter/sum.swift")
        #expect(try Data(contentsOf: lessonFolder.appendingPathComponent("sum.swift")) == Data(contentsOf: starter))
        let copies = try FileManager.default.contentsOfDirectory(atPath: lessonFolder.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("orientation.first-fix.before-reset-") }
        #expect(copies.count == 1, "\(result.stdout)")
        let kept = lessonFolder.deletingLastPathComponent().appendingPathComponent(copies.first ?? "").appendingPathComponent("sum.swift")
        #expect((try? String(contentsOf: kept, encoding: .utf8)) == "my edits\n")
    }

    @Test func exportAndImportMoveProgressWithoutLoweringIt() throws {
        let (folder, file) = try Self.progressFile(Self.someProgress)
        defer { try? FileManager.default.removeItem(at: folder) }
        let exported = folder.appendingPathComponent("export.json")
        let export = try CrucibleRunner.run(["progress", "export", exported.path, "--progress", file.path])
        #expect(export.status == 0, "\(export.stderr)")
        let again = try CrucibleRunner.run(["progress", "export", exported.path, "--progress", file.path])
        #expect(again.status == 1 && again.stderr.contains("--force"), "an existing file is not replaced silently")

        // The other machine passed a different lesson and has a longer best streak.
        var other = CourseProgress(streak: Streak(current: 0, best: 9, lastActiveDay: LocalDay("2025-12-01")))
        other[lesson: "orientation.how-crucible-works"] = LessonProgress(status: .passed, attempts: 1, passedAt: Self.passedAt, xpEarned: 5)
        other.xp = 5
        let otherFile = folder.appendingPathComponent("other.json")
        try ProgressCoding.encode(SavedProgress(courses: ["crucible": other, "third-party": CourseProgress(xp: 7)])).write(to: otherFile)
        let result = try CrucibleRunner.run(["progress", "import", exported.path, "--progress", otherFile.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("XP 5 → 65"), "\(result.stdout)")
        #expect(result.stdout.contains("Achievement unlocked: Oriented"), "all three orientation lessons are now passed:\n\(result.stdout)")
        let merged = try ProgressCoding.decode(try Data(contentsOf: otherFile)).progress
        #expect(merged[course: "crucible"].xp == 65 && merged[course: "crucible"].streak.best == 9)
        #expect(merged[course: "third-party"].xp == 7)
        let twice = try CrucibleRunner.run(["progress", "import", exported.path, "--progress", otherFile.path])
        #expect(twice.status == 0)
        #expect(try ProgressCoding.decode(try Data(contentsOf: otherFile)).progress[course: "crucible"] == merged[course: "crucible"])
    }

    @Test func importRefusesAFileThatIsNotProgress() throws {
        let (folder, file) = try Self.progressFile(Self.someProgress)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = folder.appendingPathComponent("bogus.json")
        try Data(#"{"hello": "world"}"#.utf8).write(to: bogus)
        let before = try Data(contentsOf: file)
        let result = try CrucibleRunner.run(["progress", "import", bogus.path, "--progress", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot import \(bogus.path): it is not a Crucible progress file"), "\(result.stderr)")
        #expect(result.stderr.contains("Your progress is unchanged"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aFullDiskLosesNothing() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        let first = try CrucibleRunner.run(["progress", "__stress", file.path, "--count", "1", "--padding", "0"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: file)
        // A 2 KiB file size limit: the next save (padded to ~40 KiB) cannot be written.
        let limited = try CrucibleRunner.run(
            ["-c", "ulimit -f 4 && exec \"$0\" progress __stress \"$1\" --count 1 --padding 200", CrucibleRunner.binary.path, file.path],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(limited.status == 1, "\(limited.stdout)\(limited.stderr)")
        #expect(limited.stderr.contains("cannot save progress to \(file.path): a file size limit was reached"), "\(limited.stderr)")
        #expect(limited.stderr.contains("progress saved before is unchanged"))
        #expect(try Data(contentsOf: file) == before)
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("progress.json.tmp") }
        #expect(temporaries.isEmpty, "the partial temporary file is removed: \(temporaries)")
        let after = try CrucibleRunner.run(["progress", "__stress", file.path, "--count", "1", "--padding", "0"])
        #expect(after.status == 0 && after.stdout == "2\n", "\(after.stdout)\(after.stderr)")
    }
}

/// A progress file that cannot be used or saved, through the real binary: `check` still shows its
/// result, then says in a sentence why the attempt was not recorded and exits non-zero;
/// `progress` says why it shows nothing. Never Swift debug text.
@Suite struct ProgressFileFailureCommandTests {
    static let lesson = "orientation.how-crucible-works"

    static func folder() throws -> (folder: URL, file: URL) {
        let folder = try CrucibleRunner.temporaryFolder()
        return (folder, folder.appendingPathComponent("progress.json"))
    }

    static func check(_ file: URL, timeout: TimeInterval = 60) throws -> CrucibleRunner.Result {
        try CrucibleRunner.run(["check", lesson, "--progress", file.path], timeout: timeout)
    }

    static func expectUnrecorded(
        _ result: CrucibleRunner.Result, because reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, "exit status \(result.status)", sourceLocation: sourceLocation)
        #expect(
            result.stdout.contains("✓ passed  \(lesson)"), "the check's own result still shows: \(result.stdout)",
            sourceLocation: sourceLocation)
        #expect(
            result.stderr.contains("crucible: the check ran, but this attempt was not recorded in your progress: "),
            "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(reason), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            !result.stderr.contains("CommandFailure") && !result.stderr.contains("status:"), "\(result.stderr)",
            sourceLocation: sourceLocation)
    }

    @Test func theFileIsAFolder() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        Self.expectUnrecorded(try Self.check(file), because: "cannot use the progress file \(file.path): it is a folder, not a file")
        let progress = try CrucibleRunner.run(["progress", "--progress", file.path])
        #expect(progress.status != 0 && progress.stdout.isEmpty)
        #expect(progress.stderr.contains("cannot use the progress file \(file.path): it is a folder, not a file"), "\(progress.stderr)")
        #expect(progress.stderr.contains("move it elsewhere"), "the way out: \(progress.stderr)")
    }

    @Test func theLockFileIsAFolder() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(atPath: file.path + ".lock", withIntermediateDirectories: true)
        Self.expectUnrecorded(try Self.check(file), because: "the lock file \(file.path).lock is a folder, not a file")
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func theLockIsHeldPastTheTimeout() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // This process holds the lock, as another Crucible stuck in a save would, for the whole check (10 s timeout).
        let fd = open(file.path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        defer { close(fd) }
        Self.expectUnrecorded(try Self.check(file, timeout: 120), because: "another Crucible process has been saving progress for 10 s")
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func theFileIsFromANewerCrucible() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let newer = Data(#"{"schemaVersion": 99, "courses": {}}"#.utf8)
        try newer.write(to: file)
        Self.expectUnrecorded(try Self.check(file), because: "was written by a newer version of Crucible (progress schema 99")
        #expect(try Data(contentsOf: file) == newer)
    }

    @Test func aFileOfAHundredMegabytesIsRefusedQuickly() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 100 << 20)  // sparse: instant to make, slow only to read
        try handle.close()
        let started = Date()
        let progress = try CrucibleRunner.run(["progress", "--progress", file.path], timeout: 30)
        #expect(Date().timeIntervalSince(started) < 5, "refused by its size, not read (reading took 14 s)")
        #expect(progress.status != 0)
        #expect(progress.stderr.contains("it is 100 MB, more than the 8 MB a progress file may be"), "\(progress.stderr)")
        Self.expectUnrecorded(try Self.check(file), because: "it is 100 MB")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == 100 << 20, "not grown, not moved")
    }

    @Test func aLinkPlantedAtTheLockFileIsNotFollowed() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep me\n".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: file.path + ".lock", withDestinationPath: victim.path)
        Self.expectUnrecorded(
            try Self.check(file), because: "the lock file \(file.path).lock is a symbolic link, and Crucible never writes through one")
        #expect(try Data(contentsOf: victim) == Data("keep me\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test(arguments: [
        (
            #""status" : "passed""#, #""status" : "wizard""#,
            #"unknown status "wizard" for lesson "orientation.how-crucible-works" (a status is one of notStarted"#
        ),
        (
            #""attempts" : 1,"#,
            #""attempts" : 1, "deep" : "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ",",
            "it is nested too deep: more than 64 levels of arrays and objects"
        ),
    ])
    func aBrokenFileIsExplainedInWords(target: String, replacement: String, reason: String) throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.check(file).status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(target))
        try text.replacingOccurrences(of: target, with: replacement).write(to: file, atomically: true, encoding: .utf8)
        let result = try CrucibleRunner.run(["progress", "--progress", file.path])
        #expect(result.status == 0, "the course goes on from empty progress: \(result.stderr)")
        #expect(result.stderr.contains("could not be read (") && result.stderr.contains(reason), "\(result.stderr)")
        #expect(!result.stderr.contains("not valid JSON") && !result.stderr.contains("Cannot initialize"), "\(result.stderr)")
    }

    @Test func unknownKeysSurviveACheckAndAnExport() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.check(file).status == 0)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        json["addedByANewerTool"] = ["kept": true]
        var courses = try #require(json["courses"] as? [String: Any])
        var course = try #require(courses["crucible"] as? [String: Any])
        var lessons = try #require(course["lessons"] as? [String: Any])
        var lesson = try #require(lessons[Self.lesson] as? [String: Any])
        lesson["learnerNote"] = "re-read the part about workspaces"
        lessons[Self.lesson] = lesson
        course["lessons"] = lessons
        courses["crucible"] = course
        json["courses"] = courses
        try JSONSerialization.data(withJSONObject: json).write(to: file)

        let again = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "3", "1,2,4", "--progress", file.path])
        #expect(again.status == 0, "\(again.stderr)")
        let exported = folder.appendingPathComponent("export.json")
        #expect(try CrucibleRunner.run(["progress", "export", exported.path, "--progress", file.path]).status == 0)
        for saved in [file, exported] {
            let text = try String(contentsOf: saved, encoding: .utf8)
            #expect(text.contains("\"addedByANewerTool\" : {\n    \"kept\" : true"), "\(saved.lastPathComponent): \(text)")
            #expect(text.contains("\"learnerNote\" : \"re-read the part about workspaces\""), "\(saved.lastPathComponent)")
            #expect(text.contains("orientation.warm-up-quiz"), "the check was recorded too")
        }
    }

    @Test func aLinkPlantedAtTheTemporaryNameIsNotWrittenThrough() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep me\n".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: file.path + ".tmp", withDestinationPath: victim.path)
        let result = try Self.check(file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: victim) == Data("keep me\n".utf8))
        var info = stat()
        #expect(lstat(file.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG, "the progress file is a regular file")
        let saved = try ProgressCoding.decode(try Data(contentsOf: file)).progress[course: "crucible"]
        #expect(saved[lesson: Self.lesson].isPassed)
    }
}
