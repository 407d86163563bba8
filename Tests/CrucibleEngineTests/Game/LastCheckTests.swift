import CrucibleEngine
import Foundation
import Testing

/// The last check kept per lesson, read lessons' passes, and a predict retry's bonus.
@Suite struct LastCheckTests {
    typealias F = GameFixtures

    func apply(_ actions: [LearnerAction], to progress: inout CourseProgress, at now: Date = F.now) -> [GameEvent] {
        actions.flatMap { GameRules.apply($0, to: &progress, outline: F.outline, now: now, calendar: F.utc) }
    }

    static var compileError: CheckResult {
        var result = CheckResult(lessonID: "o.code", outcome: .failed, reason: .compileError, message: "the build failed")
        result.compilerError = try? JSONDecoder().decode(
            CompilerErrorSummary.self,
            from: Data(
                """
                {"file":"sum.swift","line":4,"column":9,"message":"cannot assign to value: 'total' is a 'let' constant\\nmore"}
                """.utf8))
        return result
    }

    @Test func aSummaryIsTheOutcomeAndTheReasonOnOneLine() {
        let summary = CheckSummary(Self.compileError, origin: .commandLine)
        #expect(
            summary
                == CheckSummary(
                    passed: false, outcome: "failed (compile error)",
                    reason: "sum.swift:4:9: cannot assign to value: 'total' is a 'let' constant", origin: .commandLine))
        let long = CheckResult(lessonID: "o.code", outcome: .timedOut, message: String(repeating: "x", count: 500))
        #expect(CheckSummary(long, origin: .watch).reason.count == CheckSummary.reasonLimit)
        #expect(CheckSummary(long, origin: .watch).outcome == "timed out")
    }

    @Test func theLatestCheckIsKeptWithItsTimeAndAChecksWithoutOneKeepsTheLast() {
        var progress = CourseProgress()
        let failed = CheckSummary(Self.compileError, origin: .commandLine)
        let later = F.instant("2026-11-29T11:00:00Z")
        _ = apply([.checked(lesson: "o.code", passed: false, summary: failed)], to: &progress)
        #expect(progress[lesson: "o.code"].lastCheck == LastCheck(failed, at: F.now))
        let passed = CheckSummary(passed: true, outcome: "passed", reason: "every step passed", origin: .fullScreen)
        _ = apply([.checked(lesson: "o.code", passed: true, summary: passed)], to: &progress, at: later)
        #expect(progress[lesson: "o.code"].lastCheck == LastCheck(passed, at: later))
        _ = apply([.checked(lesson: "o.code", passed: false)], to: &progress)
        #expect(progress[lesson: "o.code"].lastCheck == LastCheck(passed, at: later))
    }

    @Test func mergingKeepsTheLaterLastCheck() {
        let early = LessonProgress(
            status: .attempted, attempts: 1,
            lastCheck: LastCheck(CheckSummary(Self.compileError, origin: .commandLine), at: F.now))
        let lateCheck = LastCheck(
            CheckSummary(passed: true, outcome: "passed", reason: "ok", origin: .fullScreen),
            at: F.instant("2026-11-30T09:00:00Z"))
        let late = LessonProgress(status: .passed, attempts: 2, lastCheck: lateCheck)
        #expect(early.merged(with: late).lastCheck == lateCheck)
        #expect(late.merged(with: early).lastCheck == lateCheck)
        #expect(early.merged(with: LessonProgress()).lastCheck == early.lastCheck)
    }

    @Test func aFileWithoutLastChecksStillReadsAndOneWithThemRoundTrips() throws {
        let old = """
            {"schemaVersion":1,"courses":{"c":{"xp":0,"level":1,"streak":{"current":0,"best":0},"achievements":{},
            "settings":{"watchMode":false},"lessons":{"o.code":{"status":"attempted","attempts":1,"hintsRevealed":0,
            "solutionViewed":false,"timeSpent":0,"passedFirstTry":false,"xpEarned":0,"updatedSincePass":false}}}}}
            """
        let decoded = try ProgressCoding.decode(Data(old.utf8)).progress
        #expect(decoded[course: "c"][lesson: "o.code"].attempts == 1)
        #expect(decoded[course: "c"][lesson: "o.code"].lastCheck == nil)
        var saved = decoded
        saved.courses["c"]?.lessons["o.code"]?.lastCheck = LastCheck(CheckSummary(Self.compileError, origin: .watch), at: F.now)
        let text = String(decoding: try ProgressCoding.encode(saved), as: UTF8.self)
        #expect(text.contains("\"origin\" : \"watch\""))
        #expect(try ProgressCoding.decode(Data(text.utf8)).progress == saved)
    }

    @Test func aReadLessonPassesWhenFinishedAndEarnsItsBaseXP() {
        let lesson = Lesson(
            id: "o.read", title: "Read", kind: .read, folder: URL(fileURLWithPath: "/r"),
            file: URL(fileURLWithPath: "/r/lesson.md"), bodyOffset: 0, bodyLine: 1)
        let result = AnswerGrading.read(lesson)
        #expect(result.passed)
        var progress = CourseProgress()
        let events = apply([.checked(lesson: "o.read", passed: result.passed)], to: &progress)
        #expect(events.contains(.xpAwarded(lesson: "o.read", base: 5, bonuses: [])))
        #expect(progress[lesson: "o.read"].isPassed && progress.xp == 5)
        let quiz = Lesson(
            id: "o.quiz", title: "Quiz", kind: .quiz, folder: URL(fileURLWithPath: "/q"),
            file: URL(fileURLWithPath: "/q/lesson.md"), bodyOffset: 0, bodyLine: 1)
        #expect(AnswerGrading.read(quiz).outcome == .engineError)
    }

    @Test func aPredictionPassedOnARetryEarnsNoNoHintsBonus() {
        var progress = CourseProgress()
        _ = apply([.checked(lesson: "m.predict", passed: false)], to: &progress)
        let events = apply([.checked(lesson: "m.predict", passed: true)], to: &progress)
        #expect(events.contains(.xpAwarded(lesson: "m.predict", base: 10, bonuses: [])))
        // Code lessons still earn it after a failure: a failed check does not show the answer.
        #expect(
            GameRules.award(kind: .code, base: 20, attempts: 2, hintsRevealed: 0, solutionViewed: false)
                == [XPBonusAward(.noHints, 5)])
        #expect(
            GameRules.award(kind: .predict, base: 20, attempts: 1, hintsRevealed: 0, solutionViewed: false)
                == [XPBonusAward(.firstTry, 10), XPBonusAward(.noHints, 5)])
    }
}

extension LastCheckTests {
    @Test func finishingAReadLessonIsNoFirstTryPass() {
        var progress = CourseProgress()
        _ = apply([.checked(lesson: "o.read", passed: true), .checked(lesson: "o.quiz", passed: true)], to: &progress)
        #expect(!progress[lesson: "o.read"].passedFirstTry)
        #expect(progress[lesson: "o.quiz"].passedFirstTry)
        #expect(!AchievementCondition.firstTryPasses(2).isMet(by: progress, in: F.outline))
    }
}
