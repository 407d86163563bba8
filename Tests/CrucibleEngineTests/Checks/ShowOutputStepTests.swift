import Foundation
import Testing

@testable import CrucibleEngine

/// The `showOutput` step key: it loads, lint checks its value with line and column, and warns
/// where it has no effect (a predict lesson's `run`).
@Suite struct ShowOutputStepTests {
    /// Loads a one-lesson course whose lesson front matter is `frontMatter` (with `program.c` and
    /// `x.txt` beside it), and returns its diagnostics as `line:column: severity: message` and the lesson if it loaded.
    private func load(_ frontMatter: String) throws -> (diagnostics: [String], lesson: Lesson?) {
        let course = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        let lessonFolder = course.appendingPathComponent("01-track/01-lesson")
        for sub in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: lessonFolder.appendingPathComponent(sub), withIntermediateDirectories: true)
            try "".write(to: lessonFolder.appendingPathComponent("\(sub)/x.txt"), atomically: true, encoding: .utf8)
        }
        try "int main(void) { return 0; }\n".write(to: lessonFolder.appendingPathComponent("program.c"), atomically: true, encoding: .utf8)
        try "id: course\ntitle: Course\n".write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: track\ntitle: Track\nsummary: One lesson.\n".write(
            to: course.appendingPathComponent("01-track/track.yml"), atomically: true, encoding: .utf8)
        try ("---\n" + frontMatter + "---\nYou will learn one thing.\n").write(
            to: lessonFolder.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        let result = CourseLoader.load(from: course)
        let diagnostics = result.diagnostics.filter { $0.file.hasSuffix("lesson.md") }
            .map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
        return (diagnostics, result.tracks.flatMap(\.lessons).first)
    }

    private static let code =
        "id: track.lesson\ntitle: Lesson\nkind: code\ncode:\n  language: text\n  starter: [x.txt]\n  solution: [x.txt]\n"

    @Test func showOutputLoads() throws {
        let (diagnostics, lesson) = try load(
            Self.code + """
                  steps:
                    - name: build
                      run: [sh, -c, "true"]
                    - name: run
                      run: [sh, -c, "echo hello"]
                      showOutput: true

                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(lesson?.code?.steps.map(\.showOutput) == [false, true])
    }

    @Test func lintReportsAWrongValueWithLineAndColumn() throws {
        let (diagnostics, lesson) = try load(
            Self.code + """
                  steps:
                    - run: [sh, -c, "echo hello"]
                      showOutput: yes please

                """)
        #expect(diagnostics == ["11:19: error: `showOutput` must be `true` or `false`, found string `yes please`"], "\(diagnostics)")
        #expect(lesson == nil)
    }

    @Test func lintWarnsThatAPredictLessonIgnoresIt() throws {
        let (diagnostics, lesson) = try load(
            """
            id: track.lesson
            title: Lesson
            kind: predict
            predict:
              language: c
              program: program.c
              answer: "0"
              run:
                - run: [sh, -c, "echo 0"]
                  showOutput: true

            """)
        #expect(
            diagnostics == [
                "11:19: warning: `showOutput` shows a step's output when a code lesson's check passes; a predict lesson "
                    + "already shows the program's real output after an answer, so remove it here"
            ], "\(diagnostics)")
        #expect(lesson != nil)
    }
}
