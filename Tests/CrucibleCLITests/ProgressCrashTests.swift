import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// Writers killed with SIGKILL at random moments, and two writers at once.
@Suite(.serialized) struct ProgressCrashTests {
    /// What a `__stress` writer left: the saved count, checked for internal consistency.
    static func savedCount(_ file: URL) throws -> Int? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let course = try ProgressCoding.decode(data).progress[course: "stress"]
        #expect(course.xp == course[lesson: "stress"].attempts, "xp and attempts are saved together")
        return course.xp
    }

    @Test func killedWritersLeaveTheStateBeforeOrAfterTheInterruptedWrite() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        var generator = SeededGenerator()  // the kill moments; the seed is in each message
        var kills = 0, killedMidRun = 0
        for round in 0..<200 {
            let before = try Self.savedCount(file) ?? 0
            let process = Process()
            process.executableURL = CrucibleRunner.binary
            process.arguments = ["progress", "__stress", file.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Half the rounds kill at a random moment after start-up, half after the first save.
            var received = round % 2 == 1 ? output.fileHandleForReading.availableData : Data()
            usleep(UInt32.random(in: 0...20_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(
                process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                "round \(round) (seed \(generator.seed)): the writer was not killed (status \(process.terminationStatus))")
            kills += 1
            received += output.fileHandleForReading.readDataToEndOfFile()
            let printed = String(decoding: received, as: UTF8.self)
                .split(separator: "\n").compactMap { Int($0) }
            if printed.count > 0 { killedMidRun += 1 }
            let acknowledged = printed.last ?? before
            let after = try Self.savedCount(file) ?? 0
            #expect(
                after == acknowledged || after == acknowledged + 1,
                "round \(round) (seed \(generator.seed)): file holds \(after), last acknowledged save \(acknowledged)")
        }
        #expect(kills == 200)
        #expect(killedMidRun >= 100, "most kills should land while saving, \(killedMidRun) did")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("corrupt") }
        #expect(leftovers.isEmpty, "no file ever needed recovering: \(leftovers)")
    }

    @Test func twoWritersAtOnceLoseNoUpdate() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        let writers = ["a", "b"].map { lesson in
            let process = Process()
            process.executableURL = CrucibleRunner.binary
            process.arguments = ["progress", "__stress", file.path, "--count", "150", "--lesson", lesson]
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let course = try ProgressCoding.decode(try Data(contentsOf: file)).progress[course: "stress"]
        #expect(course[lesson: "a"].attempts == 150)
        #expect(course[lesson: "b"].attempts == 150)
        #expect(course.xp == 300)
    }
}
