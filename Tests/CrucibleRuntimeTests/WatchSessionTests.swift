import CrucibleEngine
import CrucibleRuntime
import CrucibleTestSupport
import Foundation
import Testing

/// The watch session in process: real lessons, real check processes and real files, with the
/// session's reports collected instead of printed.
@Suite struct WatchSessionTests {
    @Test func checkRequestsDuringARunningCheckQueueExactlyOneRerun() async throws {
        let course = try CommandTestCourse(blocking: true)
        defer { course.remove() }
        let lesson = try course.lesson("t.fix")
        let folder = try course.workspace.prepareWithNotes(lesson).folder
        let reports = Reports()
        let session = WatchSession(lesson: lesson, folder: folder, engine: CheckEngine(cache: nil), recorder: nil, report: reports.add)
        let run = Task { try await session.run(watching: nil) }

        #expect(await poll(timeout: .seconds(30)) { course.runs == 1 }, "the first check never started: \(reports.lines)")
        for _ in 1...5 { session.checkAgain() }  // all while the first check is held open
        course.release()
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 2 }, "\(reports.lines)")
        session.finish()
        try await run.value

        #expect(course.runs == 2)
        #expect(reports.results.count == 2)
        #expect(reports.lines.filter { $0.contains("checking again") }.count == 1, "\(reports.lines)")
        #expect(reports.lines.last == "stopped watching `t.fix`")
    }

    @Test func aChangedSaveIsCheckedAndAnUnchangedOneOnlyReported() async throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let lesson = try course.lesson("t.fix")
        let folder = try course.workspace.prepareWithNotes(lesson).folder
        let reports = Reports()
        let session = WatchSession(lesson: lesson, folder: folder, engine: CheckEngine(cache: nil), recorder: nil, report: reports.add)
        let run = Task { try await session.run(watching: .polling) }
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 1 }, "\(reports.lines)")
        #expect(reports.lines.contains { $0.hasPrefix("watching \(folder.path) for changes (polling every") }, "\(reports.lines)")

        try course.save("broken\n", in: folder)  // what the first check read
        #expect(
            await poll(timeout: .seconds(30)) { reports.lines.contains { $0.contains("answer.txt saved without changes") } },
            "\(reports.lines)")
        try course.save("fixed\n", in: folder)
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 2 }, "\(reports.lines)")
        session.finish()
        try await run.value

        #expect(reports.results.map(\.passed) == [false, true])
        #expect(reports.lines.filter { $0.contains("answer.txt changed; checking") }.count == 1, "\(reports.lines)")
        #expect(course.runs == 2)
    }

    /// The watch rule for attempts: the failed first check (just starting to watch) and a cached
    /// failure are not counted; a judged check after a change is, and so is a cached pass
    /// (``CheckResult/countsAsAttempt``).
    @Test func recordsTheOneAttemptRuleButNotAFailedFirstCheck() async throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let lesson = try course.lesson("t.fix")
        let folder = try course.workspace.prepareWithNotes(lesson).folder
        let reports = Reports(), recorded = Reports()
        let session = WatchSession(
            lesson: lesson, folder: folder, engine: CheckEngine(cache: course.cache),
            recorder: {
                recorded.add(action: $0); return []
            }, report: reports.add)
        let run = Task { try await session.run(watching: nil) }
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 1 }, "\(reports.lines)")
        session.checkAgain()  // the same files: answered from the cache
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 2 }, "\(reports.lines)")
        try "fixed\n".write(to: folder.appendingPathComponent("answer.txt"), atomically: true, encoding: .utf8)
        session.checkAgain()
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 3 }, "\(reports.lines)")
        session.checkAgain()  // the passing files again: a cached pass
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 4 }, "\(reports.lines)")
        session.finish()
        try await run.value

        #expect(reports.results.map(\.fromCache) == [false, true, false, true])
        #expect(recorded.passes == [true, true], "the pass after the change and its cached repeat are attempts")
        #expect(course.runs == 2)
    }

    @Test func aCheckThatCannotBeRecordedIsReportedAsAProblem() async throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let lesson = try course.lesson("t.fix")
        let folder = try course.workspace.prepareWithNotes(lesson).folder
        try "fixed\n".write(to: folder.appendingPathComponent("answer.txt"), atomically: true, encoding: .utf8)
        let reports = Reports()
        let session = WatchSession(
            lesson: lesson, folder: folder, engine: CheckEngine(cache: nil),
            recorder: { _ in throw CommandFailure(message: "the disk is full") }, report: reports.add)
        let run = Task { try await session.run(watching: nil) }
        #expect(await poll(timeout: .seconds(30)) { reports.problems.count == 1 }, "\(reports.lines)")
        session.finish()
        try await run.value
        #expect(reports.problems == ["crucible: could not record this check: the disk is full"])
        #expect(reports.results.map(\.passed) == [true])
    }

    @Test(arguments: [FileWatchMode.automatic, .polling])
    func aRemovedWorkspaceFolderIsReportedAndCheckedWhenItComesBack(mode: FileWatchMode) async throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let lesson = try course.lesson("t.fix")
        let folder = try course.workspace.prepareWithNotes(lesson).folder
        let reports = Reports()
        let session = WatchSession(lesson: lesson, folder: folder, engine: CheckEngine(cache: nil), recorder: nil, report: reports.add)
        let run = Task { try await session.run(watching: mode) }
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 1 }, "\(reports.lines)")

        try FileManager.default.removeItem(at: folder)
        #expect(
            await poll(timeout: .seconds(30)) {
                reports.lines.contains { $0.contains("your workspace folder \(folder.path) was removed") }
            },
            "\(reports.lines)")
        // The folder comes back whole (made aside, then renamed into place), so one check sees the fixed file.
        let aside = course.root.appendingPathComponent("aside")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try "fixed\n".write(to: aside.appendingPathComponent("answer.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(at: aside, to: folder)
        #expect(await poll(timeout: .seconds(30)) { reports.results.count == 2 }, "\(reports.lines)")
        session.finish()
        try await run.value

        #expect(reports.lines.contains { $0.contains("your workspace folder is back; checking") }, "\(reports.lines)")
        #expect(reports.results.map(\.passed) == [false, true], "\(reports.lines)")
    }

    @Test func choosesTheLessonWhereTheLearnerLeftOffOrTheNextCodeLesson() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        var progress = CourseProgress()
        #expect(throws: CommandFailure.self) { try WatchSession.lessonToWatch(nil, in: course.loaded, progress: progress) }

        progress.position = ResumePosition(lesson: "t.fix")
        let (here, why) = try WatchSession.lessonToWatch(nil, in: course.loaded, progress: progress)
        #expect(here.id == "t.fix" && why == "watching `t.fix`, where you left off")

        progress.position = ResumePosition(lesson: "t.quiz")
        let error = #expect(throws: CommandFailure.self) { try WatchSession.lessonToWatch(nil, in: course.loaded, progress: progress) }
        #expect(error?.message.hasPrefix("you left off at `t.quiz`, a quiz lesson, and no code lesson after it is waiting") == true)

        let named = #expect(throws: CommandFailure.self) { try WatchSession.lessonToWatch("t.read", in: course.loaded, progress: nil) }
        #expect(named?.message == "`t.read` is a read lesson; watch re-checks code lessons (answer this one with `crucible check t.read`)")
    }

    /// The commands watch suggests name the course, workspace and progress file it was given.
    @Test func suggestedCommandsCarryTheFollowUpOptions() throws {
        let course = try CommandTestCourse()
        defer { course.remove() }
        let followUp = FollowUpCommands(lessons: "/my course", progress: "/p.json")
        let named = #expect(throws: CommandFailure.self) {
            try WatchSession.lessonToWatch("t.read", in: course.loaded, progress: nil, followUp: followUp)
        }
        #expect(
            named?.message.hasSuffix("(answer this one with `crucible check t.read --lessons '/my course' --progress /p.json`)") == true)
        let unknown = #expect(throws: CommandFailure.self) {
            try WatchSession.lessonToWatch("t.nope", in: course.loaded, progress: nil, followUp: followUp)
        }
        #expect(unknown?.message.contains("(`crucible list --lessons '/my course' --progress /p.json` shows every id)") == true)
        let nowhere = #expect(throws: CommandFailure.self) {
            try WatchSession.lessonToWatch(nil, in: course.loaded, progress: CourseProgress(), followUp: followUp)
        }
        #expect(
            nowhere?.message.contains("crucible watch ID --lessons '/my course' --progress /p.json") == true, "\(nowhere?.message ?? "")")
    }
}

/// What a session reported, collected across threads.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [WatchReport] = []
    private var actions: [LearnerAction] = []

    func add(_ report: WatchReport) { lock.withLock { reports.append(report) } }
    func add(action: LearnerAction) { lock.withLock { actions.append(action) } }

    var lines: [String] { lock.withLock { reports.compactMap { if case .line(let text) = $0 { text } else { nil } } } }
    var problems: [String] { lock.withLock { reports.compactMap { if case .problem(let text) = $0 { text } else { nil } } } }
    var results: [CheckResult] { lock.withLock { reports.compactMap { if case .checked(let result, _) = $0 { result } else { nil } } } }
    /// Whether each recorded check passed, in order.
    var passes: [Bool] { lock.withLock { actions.compactMap { if case .checked(_, let passed, _, _, _) = $0 { passed } else { nil } } } }
}
