import Foundation
import Testing

@testable import CrucibleEngine

/// The `showOutput` step key: it loads, lint checks its value with line and column, and warns
/// where it has no effect (a predict lesson's `run`).
@Suite struct ShowOutputStepTests {
    /// ``loadOneLessonCourse(_:files:)``, with `program.c` beside the lesson.
    private func load(_ frontMatter: String) throws -> (diagnostics: [String], lesson: Lesson?) {
        try loadOneLessonCourse(frontMatter, files: ["program.c": "int main(void) { return 0; }\n"])
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
