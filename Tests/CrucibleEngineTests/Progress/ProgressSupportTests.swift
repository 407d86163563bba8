import Foundation
import Testing

@testable import CrucibleEngine

@Suite struct ProgressSupportTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256KnownAnswers(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func contentHashChangesWhenLessonOrANamedFileChanges() throws {
        let folder = try ProgressFolder()
        let lessonFolder = folder.url.appendingPathComponent("lesson")
        try FileManager.default.createDirectory(at: lessonFolder.appendingPathComponent("starter"), withIntermediateDirectories: true)
        try "---\nid: a\n---\nBody\n".write(to: lessonFolder.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        try "let x = 1\n".write(to: lessonFolder.appendingPathComponent("starter/main.swift"), atomically: true, encoding: .utf8)
        let lesson = Lesson(
            id: "a", title: "A", kind: .code, folder: lessonFolder, file: lessonFolder.appendingPathComponent("lesson.md"),
            bodyOffset: 0, bodyLine: 1,
            code: CodeExercise(language: "swift", starter: ["main.swift"], solution: ["main.swift"], steps: []))
        let first = LessonContentHash.of(lesson)
        #expect(first.hasPrefix("sha256:") && first.count == 71)
        #expect(LessonContentHash.of(lesson) == first)
        try "let x = 2\n".write(to: lessonFolder.appendingPathComponent("starter/main.swift"), atomically: true, encoding: .utf8)
        let second = LessonContentHash.of(lesson)
        #expect(second != first)
        try "---\nid: a\n---\nBody!\n".write(to: lessonFolder.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        #expect(LessonContentHash.of(lesson) != second)
    }

    @Test(arguments: [
        (["CRUCIBLE_PROGRESS": "/p/mine.json", "XDG_STATE_HOME": "/s", "HOME": "/h"], "/p/mine.json"),
        (["XDG_STATE_HOME": "/s", "HOME": "/h"], "/s/crucible/progress.json"),
        (["XDG_STATE_HOME": "relative/path", "HOME": "/h"], "/h/.local/state/crucible/progress.json"),
        (["CRUCIBLE_PROGRESS": "", "HOME": "/h"], "/h/.local/state/crucible/progress.json"),
    ])
    func defaultLocation(environment: [String: String], path: String) {
        #expect(ProgressLocation.defaultFile(environment: environment).path == path)
    }

    @Test func theOptionWinsOverTheEnvironment() {
        #expect(ProgressLocation.file(option: "/o.json", environment: ["CRUCIBLE_PROGRESS": "/e.json"]).path == "/o.json")
        #expect(ProgressLocation.file(option: nil, environment: ["CRUCIBLE_PROGRESS": "/e.json"]).path == "/e.json")
    }
}
