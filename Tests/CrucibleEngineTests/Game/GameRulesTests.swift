import CrucibleEngine
import Foundation
import Testing

@Suite struct GameRulesTests {
    typealias F = GameFixtures

    static let achievements = [
        Achievement(id: "first", title: "First", description: "", condition: .completeLessons(1)),
        Achievement(id: "boss", title: "Boss", description: "", condition: .passLesson("m.boss")),
    ]

    func apply(_ actions: [LearnerAction], to progress: inout CourseProgress, at now: Date = F.now) -> [GameEvent] {
        actions.flatMap {
            GameRules.apply($0, to: &progress, outline: F.outline, achievements: Self.achievements, now: now, calendar: F.utc)
        }
    }

    @Test func firstTryPassWithoutHintsEarnsBothBonusesAndCelebrates() {
        var progress = CourseProgress()
        let events = apply(
            [.opened(lesson: "m.boss"), .checked(lesson: "m.boss", passed: true, contentHash: "sha256:x")],
            to: &progress)
        #expect(
            events == [
                .streakExtended(days: 1),
                .lessonPassed(lesson: "m.boss"),
                .xpAwarded(lesson: "m.boss", base: 40, bonuses: [XPBonusAward(.firstTry, 20), XPBonusAward(.noHints, 10)]),
                .levelUp(Levels.Level(number: 2, name: "Stack Walker")),
                .achievementUnlocked(Self.achievements[0]),
                .achievementUnlocked(Self.achievements[1]),
            ])
        #expect(progress.xp == 70)
        #expect(progress.level == 2)
        let record = progress[lesson: "m.boss"]
        #expect(record.status == .passed && record.passedFirstTry && record.xpEarned == 70 && record.contentHash == "sha256:x")
        #expect(record.firstActivity == F.now && record.passedAt == F.now)
        #expect(progress.achievements == ["first": F.now, "boss": F.now])
        #expect(progress.position == ResumePosition(lesson: "m.boss"))
    }

    @Test func failedTriesAndHintsCostTheBonuses() {
        var progress = CourseProgress()
        _ = apply([.checked(lesson: "o.code", passed: false), .revealedHint(lesson: "o.code")], to: &progress)
        #expect(progress[lesson: "o.code"].status == .attempted)
        let events = apply([.checked(lesson: "o.code", passed: true)], to: &progress)
        #expect(events.contains(.xpAwarded(lesson: "o.code", base: 20, bonuses: [])))
        #expect(progress.xp == 20 && !progress[lesson: "o.code"].passedFirstTry)
    }

    @Test func passingAgainEarnsNothingMore() {
        var progress = CourseProgress()
        _ = apply([.checked(lesson: "o.quiz", passed: true)], to: &progress)
        let events = apply([.checked(lesson: "o.quiz", passed: true)], to: &progress)
        #expect(events.isEmpty)
        #expect(progress.xp == 17 && progress[lesson: "o.quiz"].attempts == 2)
    }

    @Test func aLessonTheCourseNoLongerHasIsRecordedButEarnsNothing() {
        var progress = CourseProgress()
        let events = apply([.checked(lesson: "gone", passed: true)], to: &progress)
        #expect(events == [.streakExtended(days: 1), .lessonPassed(lesson: "gone")])
        #expect(progress.xp == 0 && progress[lesson: "gone"].isPassed)
    }

    @Test func skippingIsAllowedAndNeverLowersAStatus() {
        var progress = CourseProgress()
        _ = apply([.skipped(lesson: "o.read"), .checked(lesson: "o.quiz", passed: false), .skipped(lesson: "o.quiz")], to: &progress)
        #expect(progress[lesson: "o.read"].status == .skipped)
        #expect(progress[lesson: "o.quiz"].status == .attempted)
        _ = apply([.checked(lesson: "o.read", passed: true)], to: &progress)
        #expect(progress[lesson: "o.read"].status == .passed)
    }

    @Test func timePositionAndSolutionAreRecorded() {
        var progress = CourseProgress()
        _ = apply(
            [
                .spentTime(lesson: "o.code", seconds: 30), .spentTime(lesson: "o.code", seconds: 12.5),
                .spentTime(lesson: "o.code", seconds: -5), .viewedSolution(lesson: "o.code"),
                .moved(to: ResumePosition(lesson: "o.code", scroll: 14)),
            ], to: &progress)
        #expect(progress[lesson: "o.code"].timeSpent == 42.5)
        #expect(progress[lesson: "o.code"].solutionViewed)
        #expect(progress.position == ResumePosition(lesson: "o.code", scroll: 14))
        let events = apply([.checked(lesson: "o.code", passed: true)], to: &progress)
        #expect(events.contains(.xpAwarded(lesson: "o.code", base: 20, bonuses: [])), "the solution was viewed")
    }

    @Test func rePassingAnUpdatedLessonRefreshesItsHash() {
        var progress = CourseProgress()
        _ = apply([.checked(lesson: "o.quiz", passed: true, contentHash: "old")], to: &progress)
        #expect(progress.markUpdatedLessons { $0 == "o.quiz" ? "new" : nil } == ["o.quiz"])
        #expect(progress[lesson: "o.quiz"].updatedSincePass && progress[lesson: "o.quiz"].isPassed)
        _ = apply([.checked(lesson: "o.quiz", passed: true, contentHash: "new")], to: &progress)
        #expect(!progress[lesson: "o.quiz"].updatedSincePass && progress[lesson: "o.quiz"].contentHash == "new")
        #expect(progress.xp == 17)
    }

    @Test func summaryCountsOnlyLessonsTheCourseHas() {
        var progress = CourseProgress()
        _ = apply([.checked(lesson: "o.read", passed: true), .checked(lesson: "gone", passed: true)], to: &progress)
        let summary = ProgressSummary(
            progress: progress, outline: F.outline, achievements: Self.achievements,
            today: LocalDay(F.now, calendar: F.utc))
        #expect(summary.lessonsPassed == 1 && summary.lessonsTotal == 5)
        #expect(summary.tracks.map(\.passed) == [1, 0])
        #expect(summary.lessonsNoLongerInCourse == ["gone"])
        #expect(summary.achievements.map { $0.earned != nil } == [true, false])
        #expect(summary.streak == 1 && summary.xpToNextLevel == 45)
        #expect(summary.nextInOrder == "o.quiz")
    }
}
