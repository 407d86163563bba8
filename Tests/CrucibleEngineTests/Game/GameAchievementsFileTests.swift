import CrucibleEngine
import Foundation
import Testing

@Suite struct GameAchievementsFileTests {
    @Test func parsesEveryCondition() {
        let text = """
            - id: first
              title: First
              description: Pass a lesson.
              condition: { completeLessons: 1 }
            - id: track
              title: Track
              description: All of memory.
              condition:
                completeTrack: memory
            - id: sharp
              title: Sharp
              description: Five first tries.
              condition: { firstTryPasses: 5 }
            - id: daily
              title: Daily
              description: Three days.
              condition: { streakDays: 3 }
            - id: clean
              title: Clean
              description: No hints.
              condition: { trackWithoutHints: memory }
            - id: boss
              title: Boss
              description: The boss.
              condition: { passLesson: memory.boss }
            - id: high
              title: High
              description: Level 4.
              condition: { reachLevel: 4 }
            """
        let result = AchievementsFile.parse(text, file: "achievements.yml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(
            result.achievements.map(\.condition) == [
                .completeLessons(1), .completeTrack("memory"), .firstTryPasses(5), .streakDays(3),
                .trackWithoutHints("memory"), .passLesson("memory.boss"), .reachLevel(4),
            ])
        #expect(
            result.achievements[0]
                == Achievement(
                    id: "first", title: "First", description: "Pass a lesson.",
                    condition: .completeLessons(1)))
    }

    @Test(arguments: [
        ("id: x", "1:1: error: the file must be a list of achievements"),
        ("- id: a\n  title: A\n  description: d\n", "1:3: error: an achievement is missing the required key `condition`"),
        (
            "- id: a\n  title: A\n  description: d\n  condition: { completeLessons: -1 }",
            "4:33: error: `completeLessons` must be a whole number ≥ 0"
        ),
        (
            "- id: a\n  title: A\n  description: d\n  condition: { completeLesson: 1 }",
            "4:16: error: unknown key `completeLesson`; did you mean `completeLessons`?"
        ),
        (
            "- id: a\n  title: A\n  description: d\n  condition: { completeLessons: 1, streakDays: 2 }",
            "4:14: error: a condition has exactly one key"
        ),
        ("- id: a\n  title: A\n  description: d\n  condition: {}", "4:14: error: a condition needs one of"),
        ("- id: Bad Id\n  title: A\n  description: d\n  condition: { streakDays: 1 }", "1:7: error: `Bad Id` is not a valid id"),
        (
            "- id: a\n  title: A\n  description: d\n  condition: { streakDays: 1 }\n- id: a\n  title: B\n  description: d\n  condition: { streakDays: 2 }",
            "5:7: error: achievement id `a` is already used at line 1"
        ),
        ("- id: a\n  title: [A\n", "error: YAML syntax error"),
    ])
    func problemsPointAtTheLine(text: String, expected: String) {
        let result = AchievementsFile.parse(text, file: "achievements.yml")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains(expected) }, "\(messages)")
    }

    @Test func aBadEntryIsLeftOutAndTheRestLoad() {
        let text = "- id: good\n  title: G\n  description: d\n  condition: { streakDays: 1 }\n- id: bad\n  title: B\n"
        let result = AchievementsFile.parse(text, file: "a.yml")
        #expect(result.achievements.map(\.id) == ["good"])
        #expect(result.diagnostics.count == 2, "\(result.diagnostics)")
    }

    @Test func conditionsNamingMissingTracksOrLessonsAreWarned() {
        let achievements = [
            Achievement(id: "t", title: "T", description: "", condition: .completeTrack("nope")),
            Achievement(id: "l", title: "L", description: "", condition: .passLesson("m.boss")),
            Achievement(id: "n", title: "N", description: "", condition: .completeLessons(99)),
        ]
        let warnings = AchievementsFile.check(achievements, against: GameFixtures.outline, file: "a.yml")
        #expect(
            warnings.map(\.message) == [
                "achievement `t` names track `nope`, which the course does not have, so it cannot be earned yet",
                "achievement `n` needs 99 lessons; the course has 5, so it cannot be earned yet",
            ])
    }

    @Test func aCourseWithoutTheFileHasNoAchievements() {
        let result = AchievementsFile.load(courseRoot: URL(fileURLWithPath: "/no/such/course"))
        #expect(result == AchievementsFile.LoadResult(achievements: [], diagnostics: []))
    }

    @Test func theBundledCourseShipsAtLeastTenValidAchievements() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
        let result = AchievementsFile.load(courseRoot: root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.achievements.count >= 10)
        let loaded = CourseLoader.load(from: root)
        let course = try #require(loaded.course)
        let outline = CourseOutline(course)
        // Tracks the syllabus plans but the course does not have yet may be named; lessons and tracks that exist must be spelled right.
        let planned = Set(["orientation", "memory", "concurrency", "performance"])
        for achievement in result.achievements {
            switch achievement.condition {
            case .completeTrack(let track), .trackWithoutHints(let track):
                #expect(planned.contains(track), "\(achievement.id) names unknown track \(track)")
            case .passLesson(let lesson):
                #expect(
                    outline.lesson(lesson) != nil || planned.contains(String(lesson.prefix { $0 != "." })),
                    "\(achievement.id) names \(lesson)")
            default: break
            }
        }
    }
}
