import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// Whether the long fault runs are on: `CRUCIBLE_SOAK=1` (see scripts/soak).
let soakEnabled = ProcessInfo.processInfo.environment["CRUCIBLE_SOAK"] == "1"

/// The soak version of ProgressCrashTests: at least 500 `__stress` writers killed with SIGKILL at
/// random moments, alternating small and large files, each followed by a check that the file
/// decodes, is internally consistent, and holds every save that was acknowledged before the kill.
/// Prints one `soak:` line of figures for RELIABILITY.md.
@Suite(.serialized, .enabled(if: soakEnabled, "set CRUCIBLE_SOAK=1 for the soak"))
struct FaultsProgressKillSoakTests {
    static let kills = Int(ProcessInfo.processInfo.environment["CRUCIBLE_SOAK_KILLS"] ?? "") ?? 600

    @Test func killedWritersNeverCorruptOrLoseASave() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json")
        var generator = SeededGenerator()  // the kill moments; the seed is in each message
        var killedMidRun = 0, lostSaves = 0, invalidFiles = 0, inFlightLanded = 0
        let started = ContinuousClock.now
        for round in 0..<Self.kills {
            let before = try ProgressCrashTests.savedCount(file) ?? 0
            let process = Process()
            process.executableURL = CrucibleRunner.binary
            // Every third writer pads to 2,000 lessons (about 150 KiB), so kills also land inside long writes.
            let padding = round % 3 == 2 ? "2000" : "50"
            process.arguments = ["progress", "__stress", file.path, "--padding", padding]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Odd rounds wait for the first save, then kill within 30 ms (a few saves in); even rounds
            // kill anywhere in the first 200 ms, which spans start-up, opening the store and early saves.
            var received = round % 2 == 1 ? output.fileHandleForReading.availableData : Data()
            usleep(UInt32.random(in: 0...(round % 2 == 1 ? 30_000 : 200_000), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try #require(
                process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                "round \(round) (seed \(generator.seed)): the writer was not killed (status \(process.terminationStatus))")
            received += output.fileHandleForReading.readDataToEndOfFile()
            let printed = String(decoding: received, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
            if !printed.isEmpty { killedMidRun += 1 }
            let acknowledged = printed.last ?? before
            let after: Int
            do {
                after = try ProgressCrashTests.savedCount(file) ?? 0
            } catch {
                invalidFiles += 1
                Issue.record("round \(round) (seed \(generator.seed)): the file does not decode: \(error)")
                break
            }
            if after < acknowledged { lostSaves += 1 }
            if after == acknowledged + 1 { inFlightLanded += 1 }
            #expect(
                after == acknowledged || after == acknowledged + 1,
                "round \(round) (seed \(generator.seed)): file holds \(after), last acknowledged save \(acknowledged)")
        }
        let elapsed = ContinuousClock.now - started
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.contains { $0.contains("corrupt") }, "no file ever needed recovering: \(names)")
        let total = try ProgressCrashTests.savedCount(file) ?? 0
        print(
            "soak: progress SIGKILL \(Self.kills) kills, \(killedMidRun) after at least one save, "
                + "\(inFlightLanded) with the in-flight save landed, \(total) saves in the file, "
                + "\(lostSaves) lost, \(invalidFiles) invalid, files left \(names), \(elapsed)")
        #expect(killedMidRun >= Self.kills / 2)
    }
}
