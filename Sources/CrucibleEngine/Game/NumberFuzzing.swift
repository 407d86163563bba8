import Foundation

/// Drives the progress decoder and the game rules from arbitrary bytes and says which rule
/// about numbers broke: the libFuzzer targets in Fuzz/ call these, and so do the regression
/// tests that replay what the fuzzers found (Fixtures/fuzz-regressions/progress and /rules).
/// A Swift runtime trap anywhere below is a crash the fuzzer reports.
public enum NumberFuzzing {
    /// Decodes `bytes` as a progress file; a file that loads must hold only numbers within
    /// ``NumberBounds``, encode to the same bytes with ``ProgressJSONEncoder`` as with `JSONEncoder`,
    /// survive saving and loading unchanged (unknown keys included), and summarise, merge and reset.
    public static func progressFile(_ bytes: [UInt8]) -> [String] {
        guard let decoded = try? ProgressCoding.decode(Data(bytes)) else { return [] }
        var broken: [String] = []
        for (id, course) in decoded.progress.courses {
            broken += outOfBounds(course).map { "course `\(id)`: \($0)" }
            _ = ProgressSummary(
                progress: course, outline: outline, achievements: achievements, today: LocalDay(year: 2026, month: 12, day: 3))
            var reset = course.merged(with: course)
            reset.reset(lessons: Array(course.lessons.keys))
            broken += outOfBounds(reset).map { "course `\(id)` after merge and reset: \($0)" }
        }
        // The file's writer must write what Foundation's JSONEncoder writes, byte for byte, or
        // fail where it fails.
        let ours = Result { Array(try ProgressJSONEncoder.encode(decoded.progress)) }
        let foundation = Result { Array(try ProgressCoding.makeEncoder().encode(decoded.progress)) }
        switch (ours, foundation) {
        case (.success(let ours), .success(let foundation)) where ours != foundation:
            broken.append("ProgressJSONEncoder's bytes differ from JSONEncoder's")
        case (.success, .failure), (.failure, .success): broken.append("ProgressJSONEncoder and JSONEncoder disagree on failing")
        default: break
        }
        // The first save may round dates to whole seconds (ISO 8601 as written); from then on
        // saving and loading must change nothing, and nothing needs clamping again.
        // Unknown keys are written back with every save and, like dates, settle after the first
        // (JSONSerialization writes -0 as 0): from then on they too must come back unchanged.
        if let saved = try? ProgressCoding.decode(ProgressCoding.encode(decoded.progress, keeping: decoded.unknownKeys)),
            let again = try? ProgressCoding.decode(ProgressCoding.encode(saved.progress, keeping: saved.unknownKeys))
        {
            if again.progress != saved.progress { broken.append("saving and loading changed the progress") }
            if again.unknownKeys != saved.unknownKeys {
                broken.append("saving and loading changed the unknown keys")
            }
            if !saved.clamped.isEmpty { broken.append("a saved file needed clamping again: \(saved.clamped)") }
        } else {
            broken.append("a loaded file could not be saved and loaded again")
        }
        return broken
    }

    /// Reads `bytes` as a starting progress (raw integers, so `Int.min` and `Int.max` too) and a
    /// list of learner actions at moving times and zones, applies them with ``GameRules``, and
    /// checks that a progress starting within bounds stays within them.
    public static func gameRules(_ bytes: [UInt8]) -> [String] {
        var input = ByteReader(bytes)
        var progress = CourseProgress(
            xp: input.int(), level: input.int(),
            streak: Streak(
                current: input.int(), best: input.int(),
                lastActiveDay: LocalDay(year: input.int(), month: input.int(), day: input.int())))
        for id in outline.lessonIDs.prefix(Int(input.byte() % 6)) {
            progress[lesson: id] = LessonProgress(
                status: LessonStatus.allCases[Int(input.byte()) % LessonStatus.allCases.count],
                attempts: input.int(), hintsRevealed: input.int(), solutionViewed: input.byte() & 1 == 1,
                timeSpent: input.double(), xpEarned: input.int())
        }
        let startedInBounds = outOfBounds(progress).isEmpty
        var now = Date(timeIntervalSince1970: 1_790_000_000)
        var broken: [String] = []
        while !input.isAtEnd {
            let opcode = input.byte(), id = outline.lessonIDs[Int(input.byte()) % outline.lessonIDs.count]
            let action: LearnerAction
            switch opcode % 8 {
            case 0: action = .opened(lesson: id)
            case 1:
                let measured =
                    opcode & 0x40 != 0
                    ? CheckMeasurement(
                        linesOfCode: input.int(), medians: ["learner.x": MetricMedian(dimension: .rate, median: input.double())])
                    : nil
                action = .checked(lesson: id, passed: opcode & 0x80 != 0, contentHash: "h\(opcode)", measured: measured)
            case 2: action = .revealedHint(lesson: id)
            case 3: action = .viewedSolution(lesson: id)
            case 4: action = .skipped(lesson: id)
            case 5: action = .spentTime(lesson: id, seconds: input.double())
            case 6: action = .moved(to: ResumePosition(lesson: id, scroll: input.int()))
            default: action = .changedSettings(LearnerSettings(theme: nil, watchMode: opcode & 0x80 != 0))
            }
            // Hours forward or back, within the years a Date and a calendar handle.
            now = Date(
                timeIntervalSince1970: max(
                    0, min(200_000_000_000, now.timeIntervalSince1970 + Double(Int16(truncatingIfNeeded: input.int())) * 3600)))
            let calendar = calendars[Int(input.byte()) % calendars.count]
            let events = GameRules.apply(action, to: &progress, outline: outline, achievements: achievements, now: now, calendar: calendar)
            for case .levelUp(let level) in events where level.name.count >= 40 {
                broken.append("level name of \(level.name.count) characters")
            }
            if startedInBounds { broken += outOfBounds(progress) }
            _ = Levels.xpToNext(from: progress.xp)
            if !broken.isEmpty { return broken }
        }
        _ = ProgressSummary(progress: progress, outline: outline, achievements: achievements, today: LocalDay(now, calendar: calendars[0]))
        return broken
    }

    /// Which numbers of `progress` lie outside ``NumberBounds``.
    static func outOfBounds(_ progress: CourseProgress) -> [String] {
        var broken: [String] = []
        func check<T: Comparable>(_ value: T, _ range: ClosedRange<T>, _ name: String) {
            if !range.contains(value) { broken.append("`\(name)` \(value) is outside \(range)") }
        }
        check(progress.xp, NumberBounds.progressXP, "xp")
        check(progress.level, NumberBounds.level, "level")
        check(progress.streak.current, NumberBounds.streakDays, "streak.current")
        check(progress.streak.best, NumberBounds.streakDays, "streak.best")
        if let position = progress.position { check(position.scroll, NumberBounds.scroll, "position.scroll") }
        for (id, record) in progress.lessons {
            check(record.attempts, NumberBounds.count, "\(id).attempts")
            check(record.hintsRevealed, NumberBounds.count, "\(id).hintsRevealed")
            check(record.xpEarned, NumberBounds.progressXP, "\(id).xpEarned")
            check(record.timeSpent, NumberBounds.seconds, "\(id).timeSpent")
            check(record.metricHistory.count, 0...MetricHistoryEntry.kept, "\(id).metricHistory.count")
            for entry in record.metricHistory {
                if let lines = entry.linesOfCode { check(lines, NumberBounds.count, "\(id).metricHistory.linesOfCode") }
                check(entry.medians.count, 0...MetricHistoryEntry.namesKept, "\(id).metricHistory.medians.count")
                for (name, median) in entry.medians { check(median.median, NumberBounds.metricMedian, "\(id).metricHistory.\(name)") }
            }
        }
        return broken
    }

    /// Lessons of every kind, worth the extremes an outline can hold (lint's bounds and beyond).
    static let outline = CourseOutline(
        courseID: "fuzz",
        tracks: [
            .init(id: "a", title: "A", lessonIDs: ["a.read", "a.quiz", "a.max"]),
            .init(id: "b", title: "B", lessonIDs: ["b.predict", "b.huge", "b.negative"]),
        ],
        lessons: [
            .init(id: "a.read", trackID: "a", kind: .read), .init(id: "a.quiz", trackID: "a", kind: .quiz),
            .init(id: "a.max", trackID: "a", kind: .code, xp: NumberBounds.lessonXP.upperBound),
            .init(id: "b.predict", trackID: "b", kind: .predict), .init(id: "b.huge", trackID: "b", kind: .code, xp: .max),
            .init(id: "b.negative", trackID: "b", kind: .code, xp: .min),
        ])

    static let achievements = [
        Achievement(id: "streak", title: "S", description: "", condition: .streakDays(.max)),
        Achievement(id: "level", title: "L", description: "", condition: .reachLevel(6000)),
        Achievement(id: "lessons", title: "C", description: "", condition: .completeLessons(3)),
        Achievement(id: "hints", title: "H", description: "", condition: .trackWithoutHints("b")),
    ]

    /// Calendars in zones from UTC−11 to UTC+14, with half-hour offsets and daylight saving.
    static let calendars = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin", "America/St_Johns"]
        .compactMap(TimeZone.init(identifier:)).map { zone in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            return calendar
        }

    /// Reads fixed-size values from the front of the input; past its end, zeros.
    struct ByteReader {
        private let bytes: [UInt8]
        private var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var isAtEnd: Bool { offset >= bytes.count }

        mutating func byte() -> UInt8 {
            defer { offset += 1 }
            return offset < bytes.count ? bytes[offset] : 0
        }

        /// Eight bytes; a leading byte below 0x80 keeps the value small, so both ordinary and extreme values are common.
        mutating func int() -> Int {
            let lead = byte()
            if lead < 0x80 { return Int(lead) - 8 }
            return (0..<8).reduce(0) { value, _ in value << 8 | Int(byte()) }
        }

        mutating func double() -> Double {
            let lead = byte()
            if lead < 0x80 { return Double(lead) }
            return Double(bitPattern: (0..<8).reduce(UInt64(0)) { value, _ in value << 8 | UInt64(byte()) })
        }
    }
}
