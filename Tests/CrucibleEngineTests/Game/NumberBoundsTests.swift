import CrucibleEngine
import Foundation
import Testing

/// Numbers at and beyond ``NumberBounds``: the game rules saturate, levels and their names stay
/// small, and a progress file's numbers are clamped on load with a notice naming each field.
@Suite struct NumberBoundsTests {
    typealias F = GameFixtures

    /// An outline whose one lesson is worth `xp`, built without lint (as a test or a future caller might).
    static func outline(xp: Int) -> CourseOutline {
        CourseOutline(
            courseID: "big", tracks: [.init(id: "t", title: "T", lessonIDs: ["t.a"])],
            lessons: [.init(id: "t.a", trackID: "t", kind: .code, xp: xp)])
    }

    @Test func passingAtTheXPCeilingSaturatesInsteadOfOverflowing() {
        var progress = CourseProgress(xp: NumberBounds.progressXP.upperBound - 5, level: NumberBounds.level.upperBound)
        _ = GameRules.apply(
            .checked(lesson: "t.a", passed: true), to: &progress, outline: Self.outline(xp: .max),
            now: F.now, calendar: F.utc)
        #expect(progress.xp == NumberBounds.progressXP.upperBound)
        #expect(progress.level == NumberBounds.level.upperBound)
        #expect(progress[lesson: "t.a"].xpEarned == 1000 + 500 + 250, "the lesson's xp is held to the lint bound")
    }

    @Test func aLessonXPThatLintAcceptsCannotOverflowTheSum() {
        // 6148914691236517206 · 1.75 overflowed Int before the bound existed.
        var progress = CourseProgress()
        let events = GameRules.apply(
            .checked(lesson: "t.a", passed: true), to: &progress,
            outline: Self.outline(xp: 6_148_914_691_236_517_206), now: F.now, calendar: F.utc)
        #expect(
            events.contains(.xpAwarded(lesson: "t.a", base: 1000, bonuses: [XPBonusAward(.firstTry, 500), XPBonusAward(.noHints, 250)])))
        #expect(progress.xp == 1750)
    }

    @Test func countsStreaksAndTimeSaturate() {
        var progress = CourseProgress(
            streak: Streak(current: Int.max, best: Int.max, lastActiveDay: LocalDay(year: 2026, month: 11, day: 28)))
        progress[lesson: "t.a"] = LessonProgress(attempts: Int.max, hintsRevealed: Int.max, timeSpent: .greatestFiniteMagnitude)
        let actions: [LearnerAction] = [
            .checked(lesson: "t.a", passed: false), .revealedHint(lesson: "t.a"),
            .spentTime(lesson: "t.a", seconds: .infinity), .spentTime(lesson: "t.a", seconds: .nan),
        ]
        for action in actions {
            _ = GameRules.apply(action, to: &progress, outline: Self.outline(xp: 10), now: F.now, calendar: F.utc)
        }
        let record = progress[lesson: "t.a"]
        #expect(record.attempts == NumberBounds.count.upperBound)
        #expect(record.hintsRevealed == NumberBounds.count.upperBound)
        #expect(record.timeSpent == NumberBounds.seconds.upperBound)
        #expect(progress.streak.current == NumberBounds.streakDays.upperBound)
        #expect(progress.streak.best == NumberBounds.streakDays.upperBound)
    }

    @Test func mergeAndResetSaturateWhateverTheRecordsHold() {
        let huge = LessonProgress(status: .passed, xpEarned: .max), negative = LessonProgress(status: .passed, xpEarned: .min)
        var progress = CourseProgress(xp: .min, lessons: ["a": huge, "b": huge, "c": negative])
        let merged = progress.merged(with: CourseProgress(xp: .max, lessons: ["d": huge]))
        #expect(merged.xp == NumberBounds.progressXP.upperBound)
        #expect(NumberBounds.level.contains(merged.level))
        #expect(progress.reset(lessons: ["a", "b", "c"]) == NumberBounds.progressXP.upperBound)
        #expect(progress.xp == 0)
    }

    @Test(arguments: [Int.min, -1, 0, 1_000_000_000, 1_000_000_000_000_000_000, Int.max])
    func levelsOfAnyXPHaveShortNames(xp: Int) {
        let level = Levels.level(for: xp)
        #expect(NumberBounds.level.contains(level.number))
        #expect(level.name.count < 40, "\(level.name.prefix(80))")
        #expect(Levels.xpToNext(from: xp) >= 0)
        #expect(Levels.level(number: xp).name.count < 40)
    }

    @Test func theLevelCurveMatchesTheLoopItReplaced() {
        // Every threshold up to level 300 and one either side of it.
        for number in 1...300 {
            let threshold = Levels.threshold(of: number)
            #expect(Levels.level(for: threshold).number == number)
            if threshold > 0 { #expect(Levels.level(for: threshold - 1).number == number - 1) }
        }
        #expect(NumberBounds.level.upperBound == 6325)
        #expect(Levels.threshold(of: .max) == .max)
    }

    @Test func dayNumbersOfAnyDayAreComputed() {
        let extreme = LocalDay(year: .max, month: .min, day: .max)
        #expect(extreme.daysSince(LocalDay(year: .min, month: .max, day: .min)) > 0)
        #expect(LocalDay("9223372036854775807-01-01") == nil)
        #expect(LocalDay("9999-12-31") != nil)
    }

    /// A one-course progress file with `course` as the course's JSON object.
    static func file(_ course: String) -> Data {
        Data(#"{"schemaVersion": 1, "courses": {"c": \#(course)}}"#.utf8)
    }

    static func course(
        xp: String = "0", level: String = "1", current: String = "0", best: String = "0",
        lesson: String = ""
    ) -> String {
        #"{"xp": \#(xp), "level": \#(level), "streak": {"current": \#(current), "best": \#(best)}, "achievements": {}, "#
            + #""settings": {"watchMode": false}, "lessons": {\#(lesson)}}"#
    }

    @Test(arguments: [
        (
            "9223372036854775807", 1_000_000_000,
            "course `c`: `xp` was out of range (9223372036854775807 or more, above the maximum 1000000000); set to 1000000000"
        ),
        (
            "1e300", 1_000_000_000,
            "course `c`: `xp` was out of range (9223372036854775807 or more, above the maximum 1000000000); set to 1000000000"
        ),
        (
            "99999999999999999999", 1_000_000_000,
            "course `c`: `xp` was out of range (9223372036854775807 or more, above the maximum 1000000000); set to 1000000000"
        ),
        ("-1e300", 0, "course `c`: `xp` was negative (-9223372036854775808 or less); set to 0"),
        ("-7", 0, "course `c`: `xp` was negative (-7); set to 0"),
    ])
    func outOfRangeXPIsClampedWithANotice(xp: String, clamped: Int, notice: String) throws {
        let decoded = try ProgressCoding.decode(Self.file(Self.course(xp: xp)))
        #expect(decoded.progress[course: "c"].xp == clamped)
        #expect(decoded.clamped == [notice])
    }

    @Test func aNegativeStreakIsSetToZeroAndSaysSo() throws {
        let decoded = try ProgressCoding.decode(Self.file(Self.course(current: "-5", best: "-9223372036854775808")))
        #expect(decoded.progress[course: "c"].streak == Streak(current: 0, best: 0))
        #expect(
            decoded.clamped == [
                "course `c`: `streak.current` was negative (-5); set to 0",
                "course `c`: `streak.best` was negative (-9223372036854775808 or less); set to 0",
            ])
    }

    @Test func lessonNumbersAreClampedNamingTheLesson() throws {
        let lesson =
            #""t.a": {"status": "passed", "attempts": -3, "hintsRevealed": 1e19, "solutionViewed": false, "timeSpent": 1e300, "#
            + #""passedFirstTry": false, "xpEarned": 2e9, "updatedSincePass": false}"#
        let decoded = try ProgressCoding.decode(Self.file(Self.course(level: "1e300", lesson: lesson)))
        let record = decoded.progress[course: "c"][lesson: "t.a"]
        #expect(record.attempts == 0 && record.hintsRevealed == NumberBounds.count.upperBound)
        #expect(record.timeSpent == NumberBounds.seconds.upperBound && record.xpEarned == NumberBounds.progressXP.upperBound)
        #expect(decoded.progress[course: "c"].level == NumberBounds.level.upperBound)
        #expect(
            decoded.clamped == [
                "course `c`: `level` was out of range (9223372036854775807 or more, above the maximum 6325); set to 6325",
                "course `c`, lesson `t.a`: `attempts` was negative (-3); set to 0",
                "course `c`, lesson `t.a`: `hintsRevealed` was out of range (9223372036854775807 or more, above the maximum 1000000000); set to 1000000000",
                "course `c`, lesson `t.a`: `xpEarned` was out of range (2000000000, above the maximum 1000000000); set to 1000000000",
                "course `c`, lesson `t.a`: `timeSpent` was out of range (above 1000000000 seconds); set to 1000000000",
            ])
    }

    @Test func fractionalCountsAreStillRejectedWithTheirPlace() {
        #expect(throws: ProgressDecodingFailure.unreadable("`courses.c.xp` is not a whole number")) {
            try ProgressCoding.decode(Self.file(Self.course(xp: "2.5")))
        }
    }

    @Test func aNumberBeyondEveryNumberTypeIsNamedWithItsLine() {
        let file = "{\n  \"schemaVersion\": 1,\n  \"courses\": {\"c\": " + Self.course(xp: "1e400") + "}\n}\n"
        #expect(throws: ProgressDecodingFailure.unreadable("the number 1e400 on line 3 is out of range")) {
            try ProgressCoding.decode(Data(file.utf8))
        }
    }

    @Test(arguments: ["1e300", "-1", "1000001"])
    func aSchemaVersionOutOfRangeIsDamageNotANewerFile(version: String) {
        let file = Data(#"{"schemaVersion": \#(version), "courses": {}}"#.utf8)
        #expect(throws: ProgressDecodingFailure.self) { try ProgressCoding.decode(file) }
        do { _ = try ProgressCoding.decode(file) } catch {
            guard case ProgressDecodingFailure.unreadable(let reason) = error else {
                Issue.record("\(version) was taken for a newer schema: \(error)")
                return
            }
            #expect(reason.hasPrefix("`schemaVersion` ") && reason.hasSuffix(" is out of range (0 to 1000000)"), "\(reason)")
        }
    }

    @Test func theSchemaAndTheGuideStateTheLessonXPBound() throws {
        let schema = try JSONSerialization.jsonObject(
            with: Data(contentsOf: SchemaTests.lessons.appendingPathComponent("schema/lesson.schema.json")))
        let xp = ((schema as? [String: Any])?["properties"] as? [String: Any])?["xp"] as? [String: Any]
        #expect(xp?["minimum"] as? Int == NumberBounds.lessonXP.lowerBound && xp?["maximum"] as? Int == NumberBounds.lessonXP.upperBound)
        let guide = try String(contentsOf: SchemaTests.lessons.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(guide.contains("| `xp` | integer from \(NumberBounds.lessonXP.lowerBound) to \(NumberBounds.lessonXP.upperBound) |"))
    }

    @Test func manyClampedNumbersAreSummedUp() throws {
        let lessons = (0..<10).map {
            #""l\#($0)": {"status": "opened", "attempts": -1, "hintsRevealed": 0, "solutionViewed": false, "timeSpent": 0, "passedFirstTry": false, "xpEarned": 0, "updatedSincePass": false}"#
        }
        let decoded = try ProgressCoding.decode(Self.file(Self.course(lesson: lessons.joined(separator: ","))))
        #expect(decoded.clamped.count == 6)
        #expect(decoded.clamped.last == "5 more numbers were out of range and clamped the same way")
    }

    @Test func theStoreShowsClampNoticesWithTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        try Self.file(Self.course(xp: "9223372036854775807")).write(to: file)
        let store = try ProgressStore(courseID: "c", file: file)
        #expect(store.current.xp == NumberBounds.progressXP.upperBound)
        #expect(
            store.takeNotices().map(\.message) == [
                "progress file \(file.path): course `c`: `xp` was out of range (9223372036854775807 or more, above the maximum 1000000000); set to 1000000000"
            ])
    }
}
