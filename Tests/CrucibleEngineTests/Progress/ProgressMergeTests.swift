import CrucibleEngine
import Foundation
import Testing

@Suite struct ProgressMergeTests {
    static let early = Date(timeIntervalSince1970: 1_700_000_000), late = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func mergingNeverLowersWhatWasEarned() {
        let here = CourseProgress(
            xp: 35, level: 1, streak: Streak(current: 2, best: 2, lastActiveDay: LocalDay("2026-05-02")),
            achievements: ["a": Self.late], settings: LearnerSettings(theme: "light"),
            lessons: [
                "l1": LessonProgress(status: .passed, attempts: 1, passedAt: Self.late, passedFirstTry: true, xpEarned: 35),
                "l2": LessonProgress(status: .attempted, attempts: 4, hintsRevealed: 2),
            ])
        let there = CourseProgress(
            xp: 20, level: 1, streak: Streak(current: 1, best: 9, lastActiveDay: LocalDay("2026-05-03")),
            achievements: ["a": Self.early, "b": Self.late], position: ResumePosition(lesson: "l3", scroll: 4),
            settings: LearnerSettings(theme: "dark", watchMode: true),
            lessons: [
                "l1": LessonProgress(status: .opened, attempts: 0, firstActivity: Self.early),
                "l2": LessonProgress(status: .passed, attempts: 5, passedAt: Self.early, xpEarned: 20),
                "l3": LessonProgress(status: .skipped),
            ])
        let merged = here.merged(with: there)
        #expect(merged.xp == 55)
        #expect(merged.level == 2)
        #expect(merged.streak == Streak(current: 1, best: 9, lastActiveDay: LocalDay("2026-05-03")))
        #expect(merged.achievements == ["a": Self.early, "b": Self.late])
        #expect(merged.position == ResumePosition(lesson: "l3", scroll: 4))
        #expect(merged.settings == LearnerSettings(theme: "light"), "this machine's settings win")
        #expect(
            merged[lesson: "l1"].status == .passed && merged[lesson: "l1"].passedFirstTry
                && merged[lesson: "l1"].firstActivity == Self.early)
        #expect(merged[lesson: "l2"] == LessonProgress(status: .passed, attempts: 5, hintsRevealed: 2, passedAt: Self.early, xpEarned: 20))
        #expect(merged[lesson: "l3"].status == .skipped)
        // Merging is symmetric in what it keeps, and idempotent.
        #expect(there.merged(with: here).xp == 55)
        #expect(merged.merged(with: there) == merged && merged.merged(with: here) == merged)
    }

    @Test func resetTakesBackTheLessonsXPButKeepsAchievements() {
        var progress = CourseProgress(
            xp: 70, level: 2, achievements: ["a": Self.early],
            position: ResumePosition(lesson: "l1", scroll: 30),
            lessons: ["l1": LessonProgress(status: .passed, xpEarned: 60), "l2": LessonProgress(status: .passed, xpEarned: 10)])
        #expect(progress.reset(lessons: ["l1", "missing"]) == 60)
        #expect(progress.xp == 10 && progress.level == 1 && progress.lessons.keys.sorted() == ["l2"])
        #expect(progress.achievements == ["a": Self.early])
        #expect(progress.position == ResumePosition(lesson: "l1", scroll: 0))
        progress.settings.watchMode = true
        progress.resetAll()
        #expect(progress == CourseProgress(settings: LearnerSettings(watchMode: true)))
    }

    @Test func wholeFilesMergeCourseByCourse() {
        let a = SavedProgress(courses: ["x": CourseProgress(xp: 5), "y": CourseProgress(xp: 1)])
        let b = SavedProgress(courses: ["x": CourseProgress(xp: 3), "z": CourseProgress(xp: 2)])
        #expect(a.merged(with: b).courses.mapValues(\.xp) == ["x": 5, "y": 1, "z": 2])
    }
}
