import CrucibleEngine
import Foundation
import Testing

/// The loader against a corpus of broken and hostile lesson files in one course beside good
/// lessons: it never crashes or hangs, every broken file gets an error naming it and is left
/// out, and the good lessons still load.
@Suite struct FaultsBrokenLessonCorpusTests {
    /// The corpus course, built once and loaded once: every test reads the same result.
    struct LoadedCorpus: Sendable {
        var root: String
        var result: CourseLoadResult
        var duration: Duration
        /// Every broken lesson folder's name, the generated ones and the committed ones.
        var brokenNames: [String]
        /// Markdown blocks of each loaded lesson's body, read and parsed as the UI does; a failure's message otherwise.
        var bodies: [String: Result<Int, LessonBodyError>]
    }

    static let corpus: LoadedCorpus = {
        let root = NSTemporaryDirectory() + "crucible-faults-corpus-\(getpid())"
        let files = FileManager.default
        try? files.removeItem(atPath: root)
        func write(_ bytes: [UInt8], to path: String) {
            try! files.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        write(Array("id: faults\ntitle: Faults\nwelcome: Hello.\n".utf8), to: root + "/course.yml")
        try! files.createDirectory(atPath: root, withIntermediateDirectories: true)
        try! files.copyItem(atPath: Fixtures.url("broken-course").path + "/01-good", toPath: root + "/01-good")
        let track = root + "/02-faults"
        write(Array("id: faults-track\ntitle: Faults\nsummary: Broken lessons.\n".utf8), to: track + "/track.yml")
        for lesson in FaultsLessonCorpus.broken + FaultsLessonCorpus.extremeButValid {
            let folder = track + "/" + lesson.name
            try! files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let lessonFileIsSpecial = lesson.folders.contains("lesson.md") || lesson.symlinks["lesson.md"] != nil
            if !lessonFileIsSpecial { write(lesson.bytes, to: folder + "/lesson.md") }
            for (path, bytes) in lesson.files { write(bytes, to: folder + "/" + path) }
            for path in lesson.folders { try! files.createDirectory(atPath: folder + "/" + path, withIntermediateDirectories: true) }
            for path in lesson.fifos {
                try! files.createDirectory(
                    atPath: ((folder + "/" + path) as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                precondition(mkfifo(folder + "/" + path, 0o644) == 0, "cannot make a FIFO at \(path)")
            }
            for (path, target) in lesson.symlinks {
                try! files.createDirectory(
                    atPath: ((folder + "/" + path) as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try! files.createSymbolicLink(atPath: folder + "/" + path, withDestinationPath: target)
            }
        }
        let committed = Fixtures.url("fault-lessons").path
        let committedNames = try! files.contentsOfDirectory(atPath: committed).filter { !$0.hasSuffix(".md") }.sorted()
        for name in committedNames { try! files.copyItem(atPath: committed + "/" + name, toPath: track + "/" + name) }

        let clock = ContinuousClock()
        var result: CourseLoadResult!
        let duration = clock.measure { result = CourseLoader.load(from: URL(fileURLWithPath: root)) }
        var bodies: [String: Result<Int, LessonBodyError>] = [:]
        for lesson in result.tracks.flatMap(\.lessons) {
            bodies[lesson.id] = Result { try MarkdownDocument.parse(lesson.loadBody()).blocks.count }
                .mapError { $0 as! LessonBodyError }
        }
        try? files.removeItem(atPath: root)
        return LoadedCorpus(
            root: root, result: result, duration: duration,
            brokenNames: FaultsLessonCorpus.broken.map(\.name) + committedNames, bodies: bodies)
    }()

    static let goodIDs = ["good.read", "good.quiz", "good.predict", "good.code", "good.crlf-bom"]

    @Test func theCorpusHoldsAtLeastSixtyBrokenFiles() {
        #expect(Self.corpus.brokenNames.count >= 60, "\(Self.corpus.brokenNames.count) broken files")
        #expect(Set(Self.corpus.brokenNames).count == Self.corpus.brokenNames.count, "names are unique")
    }

    @Test(
        arguments: FaultsLessonCorpus.broken.map(\.name) + [
            "utf16-saved-by-an-editor", "windows-1252-smart-quotes",
            "png-renamed-to-lesson", "old-mac-line-endings",
        ])
    func eachBrokenFileGetsAnErrorNamingItAndIsLeftOut(name: String) {
        let corpus = Self.corpus
        let folder = corpus.root + "/02-faults/" + name + "/"
        let errors = corpus.result.errors.filter { $0.file.hasPrefix(folder) }
        #expect(!errors.isEmpty, "no error names \(name)")
        for error in errors {
            #expect(error.line >= 1 && error.column >= 1)
            #expect(!error.message.isEmpty)
        }
        let loadedFromHere = corpus.result.tracks.flatMap(\.lessons).filter { $0.folder.path.hasSuffix("/" + name) }
        #expect(loadedFromHere.isEmpty, "\(name) loaded despite its errors")
    }

    /// Each mistake lint once missed or misplaced gets exactly one error, at its exact line and column.
    @Test(arguments: FaultsLessonCorpus.lintCases)
    func eachLintCaseIsOneErrorAtItsExactPlace(_ lintCase: FaultsLessonCorpus.LintCase) {
        let file = Self.corpus.root + "/02-faults/" + lintCase.lesson.name + "/lesson.md"
        let errors = Self.corpus.result.errors.filter { $0.file == file }
        #expect(errors.map { "\($0.line):\($0.column)" } == ["\(lintCase.line):\(lintCase.column)"], "\(errors)")
        #expect(errors.first?.message.contains(lintCase.message) == true, "\(errors.first?.message ?? "no error")")
    }

    @Test func theGoodLessonsStillLoadWithoutDiagnostics() {
        let corpus = Self.corpus
        let loaded = Set(corpus.result.tracks.flatMap(\.lessons).map(\.id))
        for id in Self.goodIDs { #expect(loaded.contains(id), "\(id) did not load") }
        let aboutGood = corpus.result.diagnostics.filter { $0.file.hasPrefix(corpus.root + "/01-good/") }
        #expect(aboutGood.isEmpty, "\(aboutGood)")
        #expect(corpus.result.course != nil, "course.yml is fine, so the course is usable")
    }

    @Test(arguments: FaultsLessonCorpus.extremeButValid.map(\.name))
    func extremeButValidLessonsLoad(name: String) {
        let loaded = Set(Self.corpus.result.tracks.flatMap(\.lessons).map(\.id))
        #expect(loaded.contains("faults." + name))
        let errors = Self.corpus.result.errors.filter { $0.file.hasPrefix(Self.corpus.root + "/02-faults/" + name + "/") }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func nothingElseLoadsFromTheFaultsTrack() {
        let faults = Self.corpus.result.tracks.first { $0.id == "faults-track" }
        let expected = Set(FaultsLessonCorpus.extremeButValid.map { "faults." + $0.name })
        #expect(Set(faults?.lessons.map(\.id) ?? []) == expected)
    }

    @Test func loadingTheWholeCorpusIsBounded() {
        // About 35 MB of hostile text; a debug build on a loaded two-core machine stays far below this.
        #expect(Self.corpus.duration < .seconds(60), "took \(Self.corpus.duration)")
    }

    /// The body of every lesson that loaded can be read and parsed as Markdown, as the UI will.
    @Test func loadedBodiesParse() throws {
        let bodies = Self.corpus.bodies
        #expect(bodies.count == Self.goodIDs.count + FaultsLessonCorpus.extremeButValid.count)
        for (id, body) in bodies {
            let blocks = try body.get()
            #expect(blocks >= 1, "\(id) has an empty body")
        }
    }
}
