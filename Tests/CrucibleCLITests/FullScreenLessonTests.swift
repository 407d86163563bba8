import CrucibleTestSupport
import Foundation
import Testing

/// The lesson interactions in a real terminal (tmux): a quiz answered wrongly then rightly,
/// a code lesson edited in `$EDITOR` and checked, and a runaway check cancelled with Esc.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct FullScreenLessonTests {
    /// A unique word in the runaway lesson's command, to find its processes in /proc.
    let marker = "crucible-runaway-\(UUID().uuidString.prefix(8))"

    /// A course with a quiz, a code lesson checked by `grep`, and a code lesson whose check never ends.
    func writeCourse() throws -> URL {
        let root = try CrucibleRunner.temporaryFolder()
        func write(_ path: String, _ text: String) throws { try CrucibleRunner.write(path, text, in: root) }
        try write("course.yml", "id: lessontmux\ntitle: Lesson Tmux Course\nwelcome: Welcome to the lesson course.\n")
        try write("01-t/track.yml", "id: t\ntitle: Interactions\nsummary: Answer, edit, check.\n")
        try write(
            "01-t/01-quiz/lesson.md",
            """
            ---
            id: t.quiz
            title: Quiz lesson
            kind: quiz
            xp: 10
            hints: [Think of the collector.]
            questions:
              - prompt: Which language traces the heap with a garbage collector?
                choices:
                  - text: C
                    explanation: EXPLAIN-C you call free yourself.
                  - text: Go
                    explanation: Right, Go's collector traces.
                answer: 2
            ---
            QUIZ BODY
            """ + "\n")
        try write(
            "01-t/02-fix/lesson.md",
            """
            ---
            id: t.fix
            title: Fix lesson
            kind: code
            xp: 20
            explanation: FIXED-EXPLANATION grep found the word.
            code:
              language: c
              starter: [fix.txt]
              solution: [fix.txt]
              steps:
                - name: look
                  run: [sh, "-c", "grep -q right fix.txt"]
            ---
            FIX BODY
            """ + "\n")
        try write("01-t/02-fix/starter/fix.txt", "wrong\n")
        try write("01-t/02-fix/solution/fix.txt", "right\n")
        try write(
            "01-t/03-loop/lesson.md",
            """
            ---
            id: t.loop
            title: Loop lesson
            kind: code
            code:
              language: c
              starter: [loop.txt]
              solution: [loop.txt]
              steps:
                - name: spin
                  run: [sh, "-c", "while :; do :; done # \(marker)"]
                  timeout: 600
            ---
            LOOP BODY
            """ + "\n")
        try write("01-t/03-loop/starter/loop.txt", "x\n")
        try write("01-t/03-loop/solution/loop.txt", "x\n")
        return root
    }

    /// tmux running `crucible` on a fresh course, with its own progress file, workspace and check cache.
    func launch(environment: String = "") throws -> (TmuxSession, URL) {
        let course = try writeCourse()
        let session = try TmuxSession(width: 100, height: 30)
        let cache = course.appendingPathComponent(".state/cache").path
        try session.run("XDG_CACHE_HOME='\(cache)' \(environment)\(CrucibleRunner.shellCommand(course: course))")
        try session.dismissWelcome()
        try session.waitUntil("the course map") { $0.contains("Quiz lesson") && !$0.contains("Press any key") }
        return (session, course)
    }

    @Test func aWrongQuizAnswerExplainsThenARightOneEarnsXP() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.send("Enter")
        try session.waitFor("QUIZ BODY")
        try session.send("Enter")
        try session.waitFor("Question 1 of 1")
        try session.send("1")
        let wrong = try session.waitFor("EXPLAIN-C")
        #expect(wrong.contains("not right"))
        try session.send("r")
        try session.waitFor("Question 1 of 1")
        try session.send("2")
        let passed = try session.waitFor("Passed!")
        try session.waitFor("XP")
        #expect(passed.contains("Quiz lesson"))
        try session.send("q", "q", "q")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func theEditorFixesTheCodeAndTheCheckPasses() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The "editor" copies the reference solution over the file it is given.
        let editor = folder.appendingPathComponent("editor.sh")
        let (session, course) = try launch(environment: "EDITOR='\(editor.path)' ")
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        let solution = course.appendingPathComponent("01-t/02-fix/solution/fix.txt").path
        try "#!/bin/sh\ncp '\(solution)' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        try session.send("j", "Enter")
        let lesson = try session.waitFor("Your files")
        // The full path, which may be broken across dock lines.
        #expect(lesson.replacingOccurrences(of: "\n    ", with: "").contains(".state/workspace/lessontmux/t.fix/fix.txt"))
        try session.send("e")
        let workspaceFile = course.appendingPathComponent(".state/workspace/lessontmux/t.fix/fix.txt")
        #expect(
            poll { (try? String(contentsOf: workspaceFile, encoding: .utf8)) == "right\n" },
            "the editor did not write \(workspaceFile.path)")
        try session.waitFor("FIX BODY")
        try session.send("c")
        let passed = try session.waitFor("Passed!", timeout: 30)
        #expect(passed.contains("XP"))
        try session.waitFor("FIXED-EXPLANATION")
        try session.send("q", "q", "q")
        try session.waitFor(TmuxSession.prompt)
    }

    @Test func escCancelsARunawayCheckAndKillsItsProcesses() throws {
        let (session, course) = try launch()
        defer { session.close(); try? FileManager.default.removeItem(at: course) }
        try session.send("G", "Enter")
        try session.waitFor("LOOP BODY")
        try session.send("c")
        try session.waitFor("Checking…")
        #expect(poll { !processes(containing: marker).isEmpty }, "the runaway check never started")
        // The spinner's elapsed time moves while the check runs.
        try session.waitFor("1.")
        try session.send("Escape")
        try session.waitFor("Check cancelled")
        #expect(poll { processes(containing: marker).isEmpty }, "processes of the cancelled check are still running")
        try session.send("q", "q")
        try session.waitFor(TmuxSession.prompt)
    }
}
