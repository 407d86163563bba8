import CrucibleEngine
import Foundation
import Testing

/// A corpus of broken progress files, as crashes, full disks, editors and other programs leave
/// them: each is set aside byte for byte and reported, never overwritten, and saving goes on.
@Suite struct FaultsCorruptProgressCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: Data
        /// Words the notice must give as the reason, where the case has one the learner can act on.
        var reason: String? = nil
        var testDescription: String { name }
    }

    /// A realistic good file: two courses, a dozen lessons, dates, achievements.
    static let good: Data = {
        let folder = try! ProgressFolder()
        for course in ["crucible", "other"] {
            let store = try! folder.store(course)
            try! store.update { progress in
                progress.xp = 240
                progress.achievements["first-fix"] = Date(timeIntervalSince1970: 1_700_000_000)
                for index in 0..<12 {
                    progress[lesson: "memory.lesson-\(index)"] = LessonProgress(
                        status: index % 3 == 0 ? .attempted : .passed, attempts: index + 1,
                        passedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 3600))
                }
            }
        }
        return folder.contents()!
    }()

    static func text(_ string: String) -> Data { Data(string.utf8) }

    static func replacing(_ target: String, with replacement: String) -> Data {
        let original = String(decoding: good, as: UTF8.self)
        precondition(original.contains(target), "the good file has no \(target)")
        return text(original.replacingOccurrences(of: target, with: replacement))
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        // A write cut short anywhere: what a file system without atomic rename could leave.
        for tenth in 1...9 {
            cases.append(Case(name: "truncated at \(tenth)0%", bytes: good.prefix(good.count * tenth / 10)))
        }
        cases += [
            Case(
                name: "the final brace missing",
                bytes: {
                    var bytes = good
                    while let last = bytes.last, last == 0x0A || last == 0x20 { bytes.removeLast() }
                    return bytes.dropLast()
                }()),
            Case(name: "zero-filled, the good file's size", bytes: Data(count: good.count)),
            Case(name: "zero-filled page", bytes: Data(count: 4096)),
            Case(name: "one NUL byte", bytes: Data([0])),
            Case(name: "empty", bytes: Data()),
            Case(name: "only whitespace", bytes: text(" \n\t\n")),
            Case(name: "an open brace", bytes: text("{")),
            Case(name: "JSON null", bytes: text("null")),
            Case(name: "a JSON string", bytes: text("\"progress\"")),
            Case(name: "a JSON number", bytes: text("42")),
            Case(name: "a JSON array", bytes: text("[]")),
            Case(name: "trailing garbage", bytes: good + text("garbage")),
            Case(name: "two files concatenated", bytes: good + good),
            Case(
                name: "deeply nested arrays", bytes: text(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))),
            Case(
                name: "deeply nested objects",
                bytes: text(String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000))),
            Case(name: "schemaVersion is text", bytes: replacing("\"schemaVersion\" : 1", with: "\"schemaVersion\" : \"1\"")),
            Case(name: "xp overflows", bytes: replacing("\"xp\" : 240", with: "\"xp\" : 1e400")),
            Case(name: "xp is fractional", bytes: replacing("\"xp\" : 240", with: "\"xp\" : 2.5")),
            Case(
                name: "lessons is an array",
                bytes: text(
                    #"{"schemaVersion": 1, "courses": {"crucible": {"xp": 0, "level": 1, "streak": {"current": 0, "best": 0}, "achievements": {}, "settings": {"watchMode": false}, "lessons": []}}}"#
                )),
            Case(name: "a date that is not a date", bytes: replacing("2023-11-14T22:13:20Z", with: "yesterday")),
            Case(
                name: "invalid UTF-8 inside a string",
                bytes: {
                    var bytes = replacing("memory.lesson-1\"", with: "memory.lesson-\u{1}\"")
                    bytes[bytes.firstIndex(of: 0x01)!] = 0xFF
                    return bytes
                }()),
            Case(name: "binary noise", bytes: Data(FaultsLessonCorpus.noise(64 * 1024, seed: 7))),
            Case(name: "five megabytes of spaces then garbage", bytes: Data(repeating: 0x20, count: 5 << 20) + text("x")),
            Case(name: "a lesson file saved over it", bytes: text("---\nid: a\ntitle: A\nkind: read\n---\nBody\n")),
            Case(
                name: "ten thousand levels deep inside a lesson",
                bytes: replacing(
                    "\"attempts\" : 2,",
                    with: "\"deep\" : " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ","),
                reason: "it is nested too deep: more than 64 levels"),
            Case(
                name: "a lesson with an unknown status", bytes: replacing("\"status\" : \"passed\"", with: "\"status\" : \"wizard\""),
                reason: #"unknown status "wizard" for lesson "memory.lesson-"#),
            Case(
                name: "a status and a lesson id holding terminal escapes",
                bytes: {
                    // Every lesson id gets an OSC title sequence and every status a clear-screen one.
                    let original = String(decoding: good, as: UTF8.self)
                    return text(
                        original.replacingOccurrences(of: "\"memory.", with: "\"\\u001b]0;pwned\\u0007memory.")
                            .replacingOccurrences(of: "\"status\" : \"", with: "\"status\" : \"\\u001b[2J"))
                }(), reason: #"for lesson "\u{1B}]0;pwned\u{07}memory.lesson-"#),
        ]
        return cases
    }()

    @Test func theCorpusIsLargeAndItsCasesAreDistinct() {
        #expect(Self.cases.count >= 30)
        #expect(Set(Self.cases.map(\.bytes)).count == Self.cases.count, "every case is a different file")
        #expect(Set(Self.cases.map(\.bytes)).isDisjoint(with: [Self.good]))
    }

    /// First without a backup (the course starts empty), then, after two saves made one, with it.
    @Test(arguments: cases)
    func theFileIsSetAsideReportedAndNeverOverwritten(bad: Case) throws {
        let folder = try ProgressFolder()
        try folder.write(bad.bytes)
        let store = try folder.store()
        let aside = try #require(folder.files(startingWith: "progress.json.corrupt-").first, "not set aside")
        #expect(folder.contents(aside) == bad.bytes, "the bad file is kept byte for byte")
        let notices = store.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.message.contains(aside) == true, "the notice names where the file went: \(notices)")
        #expect(
            notices.allSatisfy { !$0.message.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" } },
            "no control character from the file reaches the notice: \(notices)")
        #expect(
            notices.allSatisfy { !$0.message.contains("Cannot initialize") && !$0.message.contains("Too many nested") },
            "the reason is in words: \(notices)")
        if let reason = bad.reason {
            #expect(notices.first?.message.contains(reason) == true, "the notice says \(reason): \(notices)")
        }
        #expect(store.current == CourseProgress())

        try store.update { $0.xp = 7 }
        try store.update { $0.xp = 8 }  // the backup now holds xp 7
        #expect(folder.contents(aside) == bad.bytes, "a save never touches the set-aside file")

        try folder.write(bad.bytes)
        #expect(try folder.store().current.xp == 7, "the last good state comes back from the backup")
        let asides = folder.files(startingWith: "progress.json.corrupt-")
        #expect(asides.count == 2, "the second bad file is set aside beside the first: \(asides)")
        #expect(asides.allSatisfy { folder.contents($0) == bad.bytes })
    }
}
