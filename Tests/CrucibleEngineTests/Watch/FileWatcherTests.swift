import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// The watcher against a real folder, with inotify and with polling: each change an
/// editor or a learner makes is reported, once, and litter is not.
@Suite struct FileWatcherTests {
    static let modes: [FileWatchMode] = [.inotify, .polling]

    @Test(arguments: modes) func plainWriteIsReported(mode: FileWatchMode) async throws {
        try await watching(mode) { folder, recorder in
            try folder.write("main.swift", "let x = 2 // longer, so even a coarse clock sees a change\n")
            #expect(await recorder.waitFor(folder.file("main.swift")), "batches: \(recorder.batches)")
        }
    }

    @Test(arguments: modes) func editorSaveByRenameIsReported(mode: FileWatchMode) async throws {
        try await watching(mode) { folder, recorder in
            // What vim (backupcopy=no), VS Code's atomic save and most IDEs do.
            try folder.write("main.swift.tmp-save", "let x = 3 // saved through a temporary file\n")
            #expect(rename(folder.file("main.swift.tmp-save"), folder.file("main.swift")) == 0)
            #expect(await recorder.waitFor(folder.file("main.swift")), "batches: \(recorder.batches)")

            // The folder is watched, not the file: the save after a rename is seen too.
            try folder.write("main.swift", "let x = 4 // a second save, written in place this time\n")
            let seenAgain = await recorder.wait { $0.count >= 2 && $0.last!.paths.contains(folder.file("main.swift")) }
            #expect(seenAgain, "batches: \(recorder.batches)")
        }
    }

    @Test(arguments: modes) func newFileAndNewSubfolderAreReported(mode: FileWatchMode) async throws {
        try await watching(mode) { folder, recorder in
            try folder.write("helper.swift", "func help() {}\n")
            #expect(await recorder.waitFor(folder.file("helper.swift")), "\(recorder.batches)")

            try FileManager.default.createDirectory(atPath: folder.file("Sources"), withIntermediateDirectories: false)
            try folder.write("Sources/lib.swift", "let lib = 1\n")
            #expect(await recorder.waitFor(folder.file("Sources/lib.swift")), "\(recorder.batches)")

            // Writes inside a folder created after the watch started are seen too.
            try folder.write("Sources/lib.swift", "let lib = 22 // edited\n")
            #expect(await recorder.wait { $0.last?.paths == [folder.file("Sources/lib.swift")] }, "\(recorder.batches)")
        }
    }

    @Test(arguments: modes) func deleteIsReported(mode: FileWatchMode) async throws {
        try await watching(mode) { folder, recorder in
            #expect(unlink(folder.file("main.swift")) == 0)
            #expect(await recorder.waitFor(folder.file("main.swift")), "batches: \(recorder.batches)")
        }
    }

    @Test(arguments: modes) func burstOfWritesIsOneBatch(mode: FileWatchMode) async throws {
        // A generous quiet period, so a busy machine pausing this test mid-burst does not split it.
        try await watching(mode, quiet: .milliseconds(600)) { folder, recorder in
            for round in 0..<20 {
                try folder.write("main.swift", "let x = \(round) // write \(round) of a burst\n")
                try folder.write("other.swift", String(repeating: "o", count: round + 1))
            }
            #expect(await recorder.wait { !$0.isEmpty })
            // A later, separate change marks the end: any extra batch from the burst would come before it.
            try folder.write("sentinel.swift", "// done\n")
            #expect(await recorder.waitFor(folder.file("sentinel.swift")))

            let batches = recorder.batches
            #expect(batches.count == 2, "batches: \(batches)")
            #expect(batches.first?.paths == [folder.file("main.swift"), folder.file("other.swift")], "batches: \(batches)")
        }
    }

    @Test(arguments: modes) func editorLitterIsIgnored(mode: FileWatchMode) async throws {
        try await watching(mode) { folder, recorder in
            let litter = [
                ".main.swift.swp", ".main.swift.swx", "main.swift~", "4913", ".#main.swift", "#main.swift#",
                "main.swift___jb_tmp___",
            ]
            for name in litter { try folder.write(name, "litter\n") }
            try FileManager.default.createDirectory(atPath: folder.file(".git"), withIntermediateDirectories: false)
            try folder.write(".git/index", "litter\n")
            for name in litter { unlink(folder.file(name)) }
            try folder.write("main.swift", "let x = 5 // the real save, after the litter\n")

            #expect(await recorder.waitFor(folder.file("main.swift")))
            #expect(recorder.paths == [folder.file("main.swift")], "batches: \(recorder.batches)")
        }
    }

    @Test(arguments: modes) func deletedFolderIsReportedAndWatchedAgainWhenRecreated(mode: FileWatchMode) async throws {
        try await watching(mode) { folder, recorder in
            try FileManager.default.removeItem(at: folder.url)
            #expect(await recorder.wait { $0.last?.missingFolders == [folder.path] }, "batches: \(recorder.batches)")

            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: false)
            #expect(await recorder.wait { $0.last?.restoredFolders == [folder.path] }, "batches: \(recorder.batches)")

            try folder.write("main.swift", "let x = 6 // written into the recreated folder\n")
            #expect(await recorder.wait { $0.last?.paths == [folder.file("main.swift")] }, "batches: \(recorder.batches)")
        }
    }

    @Test(arguments: modes) func stopReturnsPromptly(mode: FileWatchMode) throws {
        let folder = try WatchedFolder()
        defer { folder.remove() }
        // Long timers: only the wake-up pipe can end the thread quickly.
        let watcher = FileWatcher(folders: [folder.url], options: .init(mode: mode, pollInterval: .seconds(30)))
        try watcher.start { _ in }
        #expect(watcher.mode == mode)

        let started = ContinuousClock.now
        watcher.stop()
        #expect(ContinuousClock.now - started < .seconds(1))
        watcher.stop()  // a second stop is harmless
    }

    @Test func stopFromInsideTheCallbackDoesNotDeadlock() async throws {
        let folder = try WatchedFolder()
        defer { folder.remove() }
        let recorder = BatchRecorder()
        let watcher = FileWatcher(folders: [folder.url], options: .fast(.inotify))
        try watcher.start { [weak watcher] batch in
            recorder.record(batch)
            watcher?.stop()
        }
        try folder.write("main.swift", "let x = 7 // triggers the stopping callback\n")
        #expect(await recorder.wait { !$0.isEmpty })
        let started = ContinuousClock.now
        watcher.stop()
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func streamYieldsBatchesAndEndsOnStop() async throws {
        let folder = try WatchedFolder()
        defer { folder.remove() }
        let watcher = FileWatcher(folders: [folder.url], options: .fast(.automatic))
        let stream = try watcher.changes()
        try folder.write("main.swift", "let x = 8 // seen through the stream\n")

        var iterator = stream.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.paths == [folder.file("main.swift")])
        watcher.stop()
        #expect(await iterator.next() == nil)
    }

    @Test func missingFolderCannotBeWatched() throws {
        let missing = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("crucible-missing-\(UUID().uuidString)")
        for mode in FileWatchMode.allCases {
            #expect(throws: FileWatcherError.self) { try FileWatcher(folders: [missing], options: .init(mode: mode)).start { _ in } }
        }
    }

    @Test func watcherStartsOnlyOnce() throws {
        let folder = try WatchedFolder()
        defer { folder.remove() }
        let watcher = FileWatcher(folders: [folder.url], options: .fast(.polling))
        try watcher.start { _ in }
        defer { watcher.stop() }
        #expect(throws: FileWatcherError.self) { try watcher.start { _ in } }
    }

    @Test func automaticModePicksInotifyOnALocalDisk() throws {
        let folder = try WatchedFolder()
        defer { folder.remove() }
        let watcher = FileWatcher(folders: [folder.url], options: .fast(.automatic))
        try watcher.start { _ in }
        defer { watcher.stop() }
        let expected: FileWatchMode = FolderScan.isRemoteFileSystem(folder.path) ? .polling : .inotify
        #expect(watcher.mode == expected, "file system: \(FolderScan.fileSystemType(of: folder.path) ?? "?")")
    }

    /// Runs `body` with a fresh folder watched in `mode`, then stops the watcher and removes the folder.
    private func watching(
        _ mode: FileWatchMode, quiet: Duration = .milliseconds(100),
        _ body: (WatchedFolder, BatchRecorder) async throws -> Void
    ) async throws {
        let folder = try WatchedFolder()
        defer { folder.remove() }
        let recorder = BatchRecorder()
        let watcher = FileWatcher(folders: [folder.url], options: .fast(mode, quiet: quiet))
        try watcher.start(onChange: recorder.record)
        defer { watcher.stop() }
        try await body(folder, recorder)
    }
}
