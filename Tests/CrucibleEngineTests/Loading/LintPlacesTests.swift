import CrucibleEngine
import Foundation
import Testing

extension LoadingTests {
    /// Problems outside one lesson's front matter (issue 12): achievement warnings at their condition's line,
    /// a folder where course.yml should be, and a lesson file that stops being a file after loading.
    @Suite("Lint places")
    struct LintPlacesTests {
        static func temporaryCourse() throws -> URL {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-lint-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("01-t/01-l"), withIntermediateDirectories: true)
            try "id: t\ntitle: T\nsummary: s\n".write(to: root.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
            try "---\nid: t.l\ntitle: L\nkind: predict\npredict:\n  language: c\n  program: p.c\n  answer: x\n---\nGoal.\n"
                .write(to: root.appendingPathComponent("01-t/01-l/lesson.md"), atomically: true, encoding: .utf8)
            try "int main(void) { return 0; }\n".write(to: root.appendingPathComponent("01-t/01-l/p.c"), atomically: true, encoding: .utf8)
            return root
        }

        @Test func achievementWarningsPointAtTheConditionsValue() {
            let text = """
                - id: track
                  title: T
                  description: d
                  condition: { completeTrack: nope }
                - id: lesson
                  title: L
                  description: d
                  condition:
                    passLesson: m.gone
                """
            let loaded = AchievementsFile.parse(text, file: "a.yml")
            #expect(loaded.diagnostics.isEmpty)
            let warnings = AchievementsFile.check(
                loaded.achievements, against: GameFixtures.outline, file: "a.yml",
                positions: loaded.conditionPositions)
            #expect(
                warnings.map { "\($0.line):\($0.column): \($0.message)" } == [
                    "4:31: achievement `track` names track `nope`, which the course does not have, so it cannot be earned yet",
                    "9:17: achievement `lesson` names lesson `m.gone`, which the course does not have, so it cannot be earned yet",
                ])
        }

        @Test func aFolderNamedCourseYmlIsNamedAsAFolderNotMissing() throws {
            let root = try Self.temporaryCourse()
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("course.yml"), withIntermediateDirectories: true)
            let result = CourseLoader.load(from: root)
            #expect(
                result.errors.map { "\($0.file):\($0.line):\($0.column): \($0.message)" } == [
                    root.path + "/course.yml:1:1: course.yml is a folder, not a file; make it the text file"
                ])
        }

        @Test func aFolderNamedAchievementsYmlIsReported() throws {
            let root = try Self.temporaryCourse()
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("achievements.yml"), withIntermediateDirectories: true)
            let result = AchievementsFile.load(courseRoot: root)
            #expect(result.diagnostics.map(\.message) == ["achievements.yml is a folder, not a file; make it the text file or remove it"])
        }

        /// `crucible show` and the lesson screen read the body and program after loading; when they
        /// became something else, the message names the file and says what it is, in plain words.
        @Test func bodyAndProgramThatStoppedBeingFilesAreNamedPlainly() throws {
            let root = try Self.temporaryCourse()
            defer { try? FileManager.default.removeItem(at: root) }
            try "id: c\ntitle: C\nwelcome: w\n".write(to: root.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
            let lesson = try #require(CourseLoader.load(from: root).lesson("t.l"))
            let folder = root.appendingPathComponent("01-t/01-l")
            try FileManager.default.removeItem(at: folder.appendingPathComponent("p.c"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("p.c"), withIntermediateDirectories: true)
            #expect(throws: LessonBodyError.self) { try lesson.loadProgram() }
            do { _ = try lesson.loadProgram() } catch let error as LessonBodyError {
                #expect(error.description == folder.path + "/p.c is a folder, not a file; run `crucible lint`")
            }
            try FileManager.default.removeItem(at: folder.appendingPathComponent("lesson.md"))
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/lesson.md", withDestinationPath: "gone.md")
            do {
                _ = try lesson.loadBody()
                Issue.record("a dangling lesson.md was read")
            } catch let error as LessonBodyError {
                #expect(
                    error.description == folder.path + "/lesson.md is a symbolic link to `gone.md`, which does not exist; "
                        + "run `crucible lint`")
                #expect(!error.description.contains("NSCocoaErrorDomain"))
            }
        }
    }
}
