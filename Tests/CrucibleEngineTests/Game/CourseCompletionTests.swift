import CrucibleEngine
import Foundation
import Testing

/// Every lesson of the bundled course has a way to be passed, so every track can reach 100 %:
/// read lessons by finishing them, quizzes and predictions by the right answer, code lessons
/// by a check that has a reference solution to pass it (run by `crucible verify`).
@Suite struct CourseCompletionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")

    /// The result of completing `lesson` the way a learner would; nil for code lessons, which need their check run.
    static func completion(of lesson: Lesson) -> CheckResult? {
        switch lesson.kind {
        case .read: AnswerGrading.read(lesson)
        case .quiz: AnswerGrading.quiz(lesson, choices: (lesson.quiz?.questions ?? []).map { $0.answers.sorted().map { $0 + 1 } })
        case .predict: AnswerGrading.predict(lesson, answer: lesson.predict?.answer ?? "")
        case .code: nil
        }
    }

    @Test func everyLessonKindHasACompletionPath() throws {
        let course = try #require(CourseLoader.load(from: Self.root).course)
        #expect(Set(course.lessons.map(\.kind)) == [.read, .quiz, .predict, .code])
        for lesson in course.lessons {
            if let result = Self.completion(of: lesson) {
                #expect(result.passed, "\(lesson.id) (\(lesson.kind)) cannot be passed: \(result.message)")
                continue
            }
            let code = try #require(lesson.code, "\(lesson.id) is a code lesson without code")
            #expect(!code.steps.isEmpty, "\(lesson.id) has no check steps")
            #expect(!code.solution.isEmpty, "\(lesson.id) has no reference solution")
            for file in code.solution {
                let path = lesson.folder.appendingPathComponent("solution").appendingPathComponent(file).path
                #expect(FileManager.default.fileExists(atPath: path), "\(lesson.id): \(path) is missing")
            }
        }
    }

    @Test func passingEveryLessonCompletesEveryTrackAndItsAchievements() throws {
        let course = try #require(CourseLoader.load(from: Self.root).course)
        let outline = CourseOutline(course)
        let achievements = AchievementsFile.load(courseRoot: Self.root).achievements
        var progress = CourseProgress()
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        for lesson in course.lessons {
            // A code lesson passes when its reference solution passes its check (see the test above).
            let passed = Self.completion(of: lesson)?.passed ?? true
            _ = GameRules.apply(
                .checked(lesson: lesson.id, passed: passed), to: &progress, outline: outline,
                achievements: achievements, now: now, calendar: Calendar(identifier: .gregorian))
        }
        let summary = ProgressSummary(
            progress: progress, outline: outline, achievements: achievements,
            today: LocalDay(now, calendar: Calendar(identifier: .gregorian)))
        for track in summary.tracks {
            #expect(track.passed == track.total && track.total > 0, "\(track.id): \(track.passed)/\(track.total)")
        }
        #expect(summary.nextInOrder == nil)
        // Read lessons earn their base XP like any pass.
        let read = try #require(course.lessons.first { $0.kind == .read })
        #expect(progress[lesson: read.id].xpEarned == read.xp)
        for achievement in achievements {
            switch achievement.condition {
            case .completeTrack, .passLesson, .completeLessons:
                #expect(progress.achievements[achievement.id] != nil, "\(achievement.id) was not unlocked")
            default:
                break
            }
        }
    }
}
