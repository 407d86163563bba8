import Testing

@testable import CrucibleEngine

/// The pure parts of watching: which names are litter, and how events become batches.
@Suite struct WatchRulesTests {
    @Test(arguments: [
        ".main.swift.swp", ".main.swift.swo", ".main.swift.swx", "main.swift~", "4913", "5036",
        ".#main.swift", "#main.swift#", "main.swift___jb_tmp___", "main.swift___jb_old___",
        ".goutputstream-ABC123", ".DS_Store",
    ])
    func editorLitterIsRecognised(name: String) {
        #expect(WatchFilter.isEditorLitter(name))
    }

    @Test(arguments: ["main.swift", "main.c", "swap.swp.c", "4914", "123", "notes.md", "#include", "Makefile"])
    func learnerFilesAreNotLitter(name: String) {
        #expect(!WatchFilter.isEditorLitter(name))
    }

    @Test func hiddenAndBuildFoldersAreSkipped() {
        for name in [".git", ".build", "target", "node_modules", "__pycache__"] { #expect(WatchFilter.isIgnoredFolder(name)) }
        for name in ["Sources", "src", "check"] { #expect(!WatchFilter.isIgnoredFolder(name)) }
    }

    @Test func batchIsReleasedOnlyAfterTheQuietPeriod() {
        let start = ContinuousClock.now
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(150), maximumDelay: .seconds(2))
        #expect(debouncer.deadline == nil)
        debouncer.changed("/w/a", at: start)
        debouncer.changed("/w/b", at: start + .milliseconds(100))
        debouncer.changed("/w/a", at: start + .milliseconds(200))
        #expect(debouncer.release(at: start + .milliseconds(300)) == nil)
        #expect(debouncer.deadline == start + .milliseconds(350))
        #expect(debouncer.release(at: start + .milliseconds(350)) == FileChanges(paths: ["/w/a", "/w/b"]))
        #expect(!debouncer.hasPending)
        #expect(debouncer.release(at: start + .seconds(10)) == nil)
    }

    @Test func busyFolderStillYieldsABatchAfterTheMaximumDelay() {
        let start = ContinuousClock.now
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(150), maximumDelay: .seconds(1))
        var released: [FileChanges] = []
        for tick in 0..<30 {
            let now = start + .milliseconds(100 * tick)
            debouncer.changed("/w/out", at: now)
            if let batch = debouncer.release(at: now) { released.append(batch) }
        }
        #expect(released.count == 2)
    }

    @Test func latestFolderStateWinsWithinABatch() {
        let now = ContinuousClock.now
        var debouncer = ChangeDebouncer(quietPeriod: .zero, maximumDelay: .zero)
        debouncer.folderRemoved("/w", at: now)
        debouncer.folderRestored("/w", at: now)
        #expect(debouncer.release(at: now) == FileChanges(restoredFolders: ["/w"]))
        debouncer.folderRestored("/w", at: now)
        debouncer.folderRemoved("/w", at: now)
        #expect(debouncer.release(at: now) == FileChanges(missingFolders: ["/w"]))
    }

    @Test func pollTimeoutsRoundUp() {
        #expect(Duration.milliseconds(-5).roundedUpMilliseconds == 0)
        #expect(Duration.zero.roundedUpMilliseconds == 0)
        #expect(Duration.microseconds(1).roundedUpMilliseconds == 1)
        #expect(Duration.milliseconds(150).roundedUpMilliseconds == 150)
        #expect(Duration.seconds(2.0005).roundedUpMilliseconds == 2001)
    }
}
