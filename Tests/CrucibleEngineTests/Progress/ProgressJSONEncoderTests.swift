import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// ``ProgressJSONEncoder`` writes exactly the bytes Foundation's `JSONEncoder` writes in the
/// progress file's style, and `JSONDecoder` reads them back to the same progress: on every
/// progress fixture, on generated progress with odd strings, numbers and dates, and on the
/// `Codable` shapes the model does not use today (empty containers, nulls, nested arrays).
@Suite struct ProgressJSONEncoderTests {
    static func ours<T: Encodable>(_ value: T) throws -> [UInt8] { Array(try ProgressJSONEncoder.encode(value)) }

    /// Foundation's bytes for `value`, the reference.
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] { Array(try ProgressCoding.makeEncoder().encode(value)) }

    static func decoded(_ bytes: [UInt8]) throws -> SavedProgress {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(SavedProgress.self, from: Data(bytes))
    }

    /// The first difference, for a readable failure instead of two 600 KB arrays.
    static func firstDifference(_ ours: [UInt8], _ theirs: [UInt8]) -> String? {
        guard ours != theirs else { return nil }
        let at = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(ours.count, theirs.count)
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self) }
        return
            "differ at byte \(at) of \(ours.count) (Foundation: \(theirs.count)):\nours:\n\(around(ours))\nFoundation:\n\(around(theirs))"
    }

    static func expectSame(_ ours: [UInt8], _ theirs: [UInt8], _ comment: String = "") throws {
        let difference = firstDifference(ours, theirs)
        #expect(difference == nil, "\(comment) \(difference ?? "")")
    }

    static func expectSameAsFoundation(_ progress: SavedProgress, _ comment: String = "") throws {
        let ours = try Self.ours(progress)
        try expectSame(ours, foundation(progress), comment)
        // Dates keep whole seconds in the file, so compare with what Foundation's bytes decode to.
        #expect(try decoded(ours) == decoded(try foundation(progress)), "\(comment)")
    }

    /// Every progress file among the fixtures: the fuzzers' regressions and hostile seeds, and the CLI's.
    static let fixtureFiles: [String] = {
        let engine = Fixtures.url("fuzz-regressions/progress")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: engine.path)) ?? []
        let cli = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("CrucibleCLITests/Fixtures/scoreboard-progress.json")
        return names.filter { !$0.hasPrefix(".") }.sorted().map { engine.appendingPathComponent($0).path } + [cli.path]
    }()

    @Test func thereAreFixtures() {
        #expect(Self.fixtureFiles.count >= 10)
        #expect(Self.fixtureFiles.filter { (try? ProgressCoding.decode(Data(contentsOf: URL(fileURLWithPath: $0)))) != nil }.count >= 5)
    }

    @Test(arguments: fixtureFiles)
    func fixtureEncodesAsFoundationDoes(path: String) throws {
        guard let decoded = try? ProgressCoding.decode(Data(contentsOf: URL(fileURLWithPath: path))) else { return }
        try Self.expectSameAsFoundation(decoded.progress, path)
        // What JSONDecoder reads back writes the same bytes again (a file's fractional seconds
        // are dropped by the first write, as Foundation drops them).
        let bytes = try Self.ours(decoded.progress)
        #expect(try Self.ours(Self.decoded(bytes)) == bytes, "\(path)")
        let saved = try ProgressCoding.encode(decoded.progress, keeping: decoded.unknownKeys)
        #expect(try ProgressCoding.decode(saved).progress == ProgressCoding.decode(ProgressCoding.encode(decoded.progress)).progress)
    }

    /// A file saved by this build loads back byte for byte, so its unknown-key pass can skip parsing.
    @Test func savedFileReencodesToItsOwnBytes() throws {
        var generator = SeededGenerator()
        var progress = Self.generated(lessons: 50, using: &generator)
        progress.schemaVersion = ProgressCoding.currentSchemaVersion
        // The first save rounds dates to whole seconds and the first load clamps numbers.
        let file = try ProgressCoding.encode(ProgressCoding.decode(ProgressCoding.encode(progress)).progress)
        let loaded = try ProgressCoding.decode(file)
        #expect(loaded.unknownKeys == .none)
        #expect(try ProgressCoding.encode(loaded.progress) == file, "\(generator.replay)")
    }

    /// Unknown keys are still found and put back when the file is not this build's own output.
    @Test func unknownKeysSurviveASave() throws {
        let text =
            #"{"schemaVersion": 1, "extra": [1, "two"], "courses": {"c": {"xp": 5, "level": 1, "future": {"a": true}, "#
            + #""streak": {"current": 0, "best": 0, "mood": "/ok"}, "achievements": {}, "settings": {"watchMode": false}, "#
            + #""lessons": {"l": {"status": "passed", "attempts": 1, "hintsRevealed": 0, "solutionViewed": false, "#
            + #""timeSpent": 1.5, "passedFirstTry": true, "xpEarned": 10, "updatedSincePass": false, "note": "hi"}}}}}"#
        let file = Data(text.utf8)
        let loaded = try ProgressCoding.decode(file)
        #expect(!loaded.unknownKeys.isEmpty)
        let saved = try ProgressCoding.encode(loaded.progress, keeping: loaded.unknownKeys)
        let object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        let course = try #require((object["courses"] as? [String: Any])?["c"] as? [String: Any])
        #expect(object["extra"] as? [Any] != nil)
        #expect((course["future"] as? [String: Any])?["a"] as? Bool == true)
        #expect((course["streak"] as? [String: Any])?["mood"] as? String == "/ok")
        #expect(((course["lessons"] as? [String: Any])?["l"] as? [String: Any])?["note"] as? String == "hi")
    }

    @Test func generatedProgressEncodesAsFoundationDoes() throws {
        var generator = SeededGenerator()
        for round in 0..<12 {
            let progress = Self.generated(lessons: round == 0 ? 2_000 : 40, using: &generator)
            try Self.expectSameAsFoundation(progress, "round \(round), \(generator.replay)")
        }
    }

    @Test func theFileIsTheJSONAndANewline() throws {
        var generator = SeededGenerator()
        let progress = Self.generated(lessons: 30, using: &generator)
        #expect(Array(try ProgressCoding.encode(progress)) == (try Self.foundation(progress)) + [0x0A], "\(generator.replay)")
    }

    @Test func emptyProgressEncodesAsFoundationDoes() throws {
        try Self.expectSameAsFoundation(SavedProgress())
        try Self.expectSameAsFoundation(SavedProgress(courses: ["": CourseProgress()]))
    }

    /// Dates from year 1 to 15,000, whole and fractional, before 1970 and after: our own
    /// arithmetic for 1600 to 9999, Foundation's formatter beyond (Julian before 1582), the same text either way.
    @Test func datesFormatAsFoundationDoes() throws {
        var generator = SeededGenerator()
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.5), Date(timeIntervalSince1970: 0.999_999),
            Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 1_790_000_000.75),
            Date(timeIntervalSince1970: 253_402_300_799.9), Date(timeIntervalSince1970: 253_402_300_800),
            Date(timeIntervalSinceReferenceDate: -12_654_403_200), Date(timeIntervalSinceReferenceDate: -12_654_403_200.5),
            Date(timeIntervalSinceReferenceDate: -13_223_980_800), Date(timeIntervalSinceReferenceDate: -13_190_860_800),
            Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 4_107_542_400),  // 2000-02-29, 2100-03-01
            .distantPast, .distantFuture,
        ]
        for _ in 0..<5_000 {
            let seconds = Double.random(in: -62_000_000_000...420_000_000_000, using: &generator)
            dates.append(Date(timeIntervalSince1970: Bool.random(using: &generator) ? seconds.rounded() : seconds))
        }
        let ours = try Self.ours(dates)
        try Self.expectSame(ours, try Self.foundation(dates), "\(generator.replay)")
    }

    /// Doubles as `JSONEncoder` writes them: `description` without `.0`, exponents as Swift writes them.
    @Test func doublesFormatAsFoundationDoes() throws {
        var generator = SeededGenerator()
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 1e16, 1e-7, 123_456_789.125, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, .leastNormalMagnitude, 2e22, 9_007_199_254_740_993, 1e300, 0x1p53, 0x1p53 - 1,
            -0x1p53, 0x1p53 + 2, 1e15, 1e16, 0.5, -0.5, 4_503_599_627_370_495.5,
        ]
        for exponent in 0..<64 { values += [Double(sign: .plus, exponent: exponent, significand: 1), -Double(1 << min(exponent, 62)) - 1] }
        for _ in 0..<5_000 {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
            values.append(Double(Int64(bitPattern: generator.next()) >> (generator.next() % 64)) / 1_000)
        }
        try Self.expectSame(try Self.ours(values), try Self.foundation(values), "\(generator.replay)")
    }

    @Test func nonFiniteNumbersThrowAsFoundationDoes() {
        for value in [Double.nan, .infinity, -.infinity] {
            let lesson = LessonProgress(timeSpent: value)
            #expect(throws: EncodingError.self) { try Self.ours(lesson) }
            #expect(throws: EncodingError.self) { try Self.foundation(lesson) }
        }
    }

    /// Every byte that must be escaped and some that must not (`/`, DEL, emoji), in keys and values.
    @Test func stringsEscapeAsFoundationDoes() throws {
        var strings = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        strings += ["a/b", "\"quoted\"", "back\\slash", "tab\there", "é", "e\u{301}", "🦀🧪", "\u{2028}\u{2029}", "\u{FEFF}", ""]
        // "é" and "e\u{301}" are one key to a Swift dictionary (canonically equal); the first stays.
        let byKey = Dictionary(strings.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
        try Self.expectSame(try Self.ours(byKey), try Self.foundation(byKey))
        try Self.expectSame(try Self.ours(strings), try Self.foundation(strings))
    }

    /// Shapes the progress model does not use today, so that a field added later is written right.
    @Test func otherCodableShapesEncodeAsFoundationDoes() throws {
        struct Nothing: Encodable { func encode(to encoder: Encoder) throws {} }
        struct Shapes: Encodable {
            var emptyObject: [String: Int] = [:]
            var emptyArray: [Int] = []
            var nested: [[Int?]] = [[], [nil, 1], [Int.min, Int.max]]
            var unsigned: [UInt64] = [0, .max]
            var small: [Int8] = [.min, .max]
            var floats: [Float] = [0.1, 3, -1e-9, .greatestFiniteMagnitude]
            var nothing = Nothing()
            var objects: [[String: [String: Bool]]] = [["a": [:], "b": ["x": true, "y": false]], [:]]
            var optional: String? = nil
            var someBool: Bool? = true
            var noBool: Bool? = nil
            var someDouble: Double? = 2.5
            var noDouble: Double? = nil
            var someInt: Int? = -3
            var someDate: Date? = Date(timeIntervalSince1970: 1e9)
            var url = URL(string: "https://example.com/a?b=c")!
            var data = Data([0, 1, 2, 250])
            var decimal = Decimal(string: "12.50")!
            var day = LocalDay(year: 2026, month: 3, day: 9)
        }
        try Self.expectSame(try Self.ours(Shapes()), try Self.foundation(Shapes()))
        // A value that encodes nothing is `{}` inside another and an error at the top, as in Foundation.
        #expect(throws: EncodingError.self) { try Self.ours(Nothing()) }
        #expect(throws: EncodingError.self) { try Self.foundation(Nothing()) }
        try Self.expectSame(try Self.ours([Nothing()]), try Self.foundation([Nothing()]))
        try Self.expectSame(try Self.ours(42), try Self.foundation(42))
    }

    /// Large objects reuse the key order of earlier encodings only when their keys are the same:
    /// the same dictionary again, another with as many keys, one with a key changed.
    @Test func largeObjectsEncodedAgainAreSortedAgain() throws {
        var generator = SeededGenerator()
        var dictionary = Dictionary(uniqueKeysWithValues: (0..<40).map { ("key-\($0)", $0) })
        for round in 0..<6 {
            try Self.expectSame(try Self.ours(["a": dictionary]), try Self.foundation(["a": dictionary]), "round \(round)")
            switch round % 3 {
            case 0: break
            case 1: dictionary = Dictionary(uniqueKeysWithValues: (0..<40).map { ("k\(generator.next() % 1000)-\($0)", $0) })
            default:
                let key = dictionary.keys.sorted()[Int(generator.next() % 40)]
                dictionary[key] = nil
                dictionary["zz-\(round)"] = round
            }
        }
    }

    /// Encodings at once each get a tree of their own (one is kept for the next), and each writes
    /// its own value's bytes.
    @Test func encodingsAtOnceEachWriteTheirOwnValue() async throws {
        var generator = SeededGenerator()
        let values = (0..<8).map { _ in Self.generated(lessons: 60, using: &generator) }
        let expected = try values.map { try Self.foundation($0) }
        let written = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, value) in values.enumerated() { group.addTask { (index, try Self.ours(value)) } }
            return try await group.reduce(into: [Int: [UInt8]]()) { $0[$1.0] = $1.1 }
        }
        for index in values.indices { try Self.expectSame(written[index] ?? [], expected[index], "value \(index), \(generator.replay)") }
    }

    /// A key encoded twice keeps its later value, as Foundation's dictionary of keys does.
    @Test func aKeyEncodedTwiceKeepsTheLaterValue() throws {
        struct Twice: Encodable {
            enum Keys: String, CodingKey { case a, b }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .b)
                try container.encode("first", forKey: .a)
                try container.encode("second", forKey: .a)
            }
        }
        try Self.expectSame(try Self.ours(Twice()), try Self.foundation(Twice()))
    }

    /// Progress with `lessons` lessons and everything else a file can hold, strings and numbers
    /// drawn from the awkward ones.
    static func generated(lessons: Int, using generator: inout SeededGenerator) -> SavedProgress {
        let oddStrings = [
            "plain", "with \"quotes\"", "back\\slash", "a/b/c", "line\nbreak\r\ttab", "\u{1}\u{1F}\u{7F}", "emoji 🦀", "é",
            "", " ", "\u{8}\u{C}",
        ]
        func string() -> String {
            oddStrings.randomElement(using: &generator)! + (Bool.random(using: &generator) ? String(generator.next() % 1000) : "")
        }
        func int() -> Int {
            switch generator.next() % 4 {
            case 0: Int(generator.next() % 100)
            case 1: -Int(generator.next() % 1_000_000)
            case 2: [Int.max, Int.min, 0, -1][Int(generator.next() % 4)]
            default: Int(bitPattern: UInt(generator.next()))
            }
        }
        func double() -> Double {
            switch generator.next() % 4 {
            case 0: Double(generator.next() % 100_000)
            case 1: Double(generator.next() % 10_000_000) / 1000
            case 2: -Double(bitPattern: generator.next() >> 2)
            default: [0, -0.0, 1e16, 1e-7, .greatestFiniteMagnitude][Int(generator.next() % 5)]
            }
        }
        func date() -> Date? {
            switch generator.next() % 4 {
            case 0: nil
            case 1: Date(timeIntervalSince1970: Double(1_700_000_000 + Int(generator.next() % 100_000_000)))
            case 2: Date(timeIntervalSince1970: Double.random(in: 1_700_000_000...1_800_000_000, using: &generator))
            // 1600 to 9999: the years JSONDecoder reads back (the date test covers the others).
            default: Date(timeIntervalSince1970: Double.random(in: -11_676_096_000...253_402_300_799, using: &generator))
            }
        }
        var records: [String: LessonProgress] = [:]
        for index in 0..<lessons {
            let history = (0..<Int(generator.next() % 3)).map { _ in
                MetricHistoryEntry(
                    at: date() ?? Date(timeIntervalSince1970: 0), passed: Bool.random(using: &generator),
                    linesOfCode: Bool.random(using: &generator) ? int() : nil,
                    medians: Dictionary(
                        (0..<Int(generator.next() % 4)).map { _ in
                            (
                                string(),
                                MetricMedian(dimension: MetricDimension.allCases.randomElement(using: &generator)!, median: double())
                            )
                        }, uniquingKeysWith: { a, _ in a }))
            }
            let lastCheck =
                Bool.random(using: &generator)
                ? LastCheck(
                    CheckSummary(
                        passed: Bool.random(using: &generator), outcome: string(), reason: string(),
                        origin: [.commandLine, .watch, .fullScreen].randomElement(using: &generator)!),
                    at: date() ?? Date(timeIntervalSince1970: 1))
                : nil
            records[index % 7 == 0 ? "lesson \(index) " + string() : "track.lesson-\(index)"] = LessonProgress(
                status: LessonStatus.allCases.randomElement(using: &generator)!, attempts: int(), hintsRevealed: int(),
                solutionViewed: Bool.random(using: &generator), firstActivity: date(), lastActivity: date(), passedAt: date(),
                timeSpent: double(), contentHash: Bool.random(using: &generator) ? string() : nil,
                passedFirstTry: Bool.random(using: &generator), xpEarned: int(), updatedSincePass: Bool.random(using: &generator),
                lastCheck: lastCheck, metricHistory: history)
        }
        let course = CourseProgress(
            xp: int(), level: int(),
            streak: Streak(
                current: int(), best: int(),
                lastActiveDay: Bool.random(using: &generator) ? LocalDay(year: Int(generator.next() % 9999) + 1, month: 12, day: 31) : nil),
            achievements: Dictionary(
                (0..<Int(generator.next() % 5)).map { _ in (string(), date() ?? Date(timeIntervalSince1970: 2)) },
                uniquingKeysWith: { a, _ in a }),
            position: Bool.random(using: &generator) ? ResumePosition(lesson: string(), scroll: int()) : nil,
            settings: LearnerSettings(theme: Bool.random(using: &generator) ? string() : nil, watchMode: Bool.random(using: &generator)),
            lessons: records)
        return SavedProgress(schemaVersion: int(), courses: ["crucible": course, string(): CourseProgress(), "third/party": course])
    }
}
