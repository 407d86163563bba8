import Foundation
import Testing

@testable import CrucibleEngine

extension LoadingTests {
    /// Reading lesson and progress files never hangs on something that is not a regular file.
    @Suite("Special files")
    struct SpecialFileTests {
        @Test func fifoIsReportedInsteadOfWaitingForAWriter() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-fifo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let fifo = folder.appendingPathComponent("lesson.md").path
            try #require(mkfifo(fifo, 0o644) == 0)
            guard case .failed(let reason) = TextFile.read(fifo) else {
                Issue.record("a FIFO was read as a file")
                return
            }
            #expect(reason.contains("not a regular file"))
        }

        @Test func endlessDeviceIsReportedInsteadOfReadForever() {
            guard case .failed = TextFile.read("/dev/zero") else {
                Issue.record("/dev/zero was read as a file")
                return
            }
        }

        @Test func regularFilesStillRead() throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-text-\(UUID().uuidString)")
            try "hello".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            guard case .bytes(let bytes) = TextFile.read(file.path) else {
                Issue.record("a regular file was not read")
                return
            }
            #expect(bytes == Array("hello".utf8))
        }
    }
}
