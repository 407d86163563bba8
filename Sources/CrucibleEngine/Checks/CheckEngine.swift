import Foundation

/// Checks lessons: runs a code lesson's steps on the learner's files, grades quiz and predict answers.
///
/// A code check first makes sure every tool it needs is installed and runs, then looks in the cache,
/// then copies the learner's files and the hidden check files into a fresh scratch folder,
/// runs the steps there in order (stopping at the first that does not pass), and removes the
/// folder. Nothing is written to the learner's workspace.
public struct CheckEngine: Sendable {
    /// Where results are kept between runs; nil turns caching off.
    public var cache: CheckCache?
    public var tools: ToolProbe
    /// The environment steps start from (a step's `env` is added on top).
    public var environment: [String: String]
    /// The course's build cache, which `{cache}` in a step names a lesson's folder of; the
    /// front end passes the learner's (``BuildCache/init(root:courseID:)``).
    public var buildCache: BuildCache
    /// The fence each check's steps run in, or nil to run them unsandboxed (``Sandbox``).
    public var sandbox: Sandbox?

    public init(
        cache: CheckCache? = CheckCache(folder: CheckCache.defaultFolder()), tools: ToolProbe = .shared,
        environment: [String: String] = ProcessInfo.processInfo.environment, buildCache: BuildCache = .temporary,
        sandbox: Sandbox? = nil
    ) {
        self.cache = cache
        self.tools = tools
        self.environment = environment
        self.buildCache = buildCache
        self.sandbox = sandbox
    }

    /// Checks the learner's copy of a code lesson in `workspace`, copying the starter there
    /// first if the lesson was never opened.
    public func check(lesson: Lesson, workspace: Workspace) async -> CheckResult {
        let folder: URL
        do {
            folder = try workspace.prepare(lesson).folder
        } catch {
            return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "\(error)")
        }
        return await check(lesson: lesson, folder: folder)
    }

    /// Checks the code lesson's files as they are in `folder` (under the starter's names).
    public func check(lesson: Lesson, folder: URL) async -> CheckResult {
        guard let code = lesson.code else { return notCode(lesson) }
        var files: [String: Data] = [:]
        for name in code.starter {
            let path = folder.appendingPathComponent(name).path
            // Bounded and by regular file only: a huge file or a pipe must not stall the check.
            do {
                files[name] = try Workspace.readLearnerFile(URL(fileURLWithPath: path))
            } catch {
                let missing = WorkspaceIO.realPath(path) == nil
                return CheckResult(
                    lessonID: lesson.id, outcome: .engineError,
                    message: missing ? "\(path) is missing or unreadable" : "\(error)")
            }
        }
        return await check(lesson: lesson, files: files, workspace: folder)
    }

    /// Checks a code lesson against `files` (relative path → content), such as a verify variant.
    /// `workspace` is the folder they were read from: output names the learner's files there.
    public func check(lesson: Lesson, files: [String: Data], workspace: URL? = nil) async -> CheckResult {
        let clock = ContinuousClock(), start = clock.now
        guard let code = lesson.code else { return notCode(lesson) }
        if let refused = otherPlatform(lesson) { return refused }
        var hidden: [String: Data] = [:]
        for name in code.hidden {
            guard let data = try? Data(contentsOf: lesson.folder.appendingPathComponent("check").appendingPathComponent(name)) else {
                return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "the hidden check file check/\(name) is unreadable")
            }
            hidden[name] = data
        }
        let requirements = Self.requirements(lesson: lesson, steps: code.steps)
        let required = requirements.map(\.name)
        let statuses = await tools.statuses(required, in: lesson.tools)
        if let unusable = unusableTools(lesson, requirements, statuses) { return unusable }
        // Whether an optional step runs changes the result, so its tools are part of the key too.
        let optional = await tools.statuses(Self.optionalTools(code.steps, besides: required), in: lesson.tools)

        // A tool older than asked was refused above, before the cache, and every tool's version
        // is in the key: after an upgrade the lesson is checked again, never read back.
        let key = CheckCache.key(
            lesson: lesson, code: code, files: files.map { ($0.key, $0.value) },
            hidden: hidden.map { ($0.key, $0.value) }, toolVersions: statuses + optional, workspace: workspace,
            sandboxed: sandbox != nil)
        if let cached = cache?.result(for: key) { return cached }
        var result = await runSteps(
            code.steps, lesson: lesson, files: files.merging(hidden) { learner, _ in learner },
            learnerFiles: code.starter, hiddenFiles: code.hidden, workspace: workspace)
        if let unusable = await toolBrokeSinceProbed(result, required: requirements, lesson: lesson) { return unusable }
        result.duration = (clock.now - start).seconds
        result.linesOfCode = Self.linesOfCode(code.starter.compactMap { files[$0] })
        cache?.store(result, for: key)
        return result
    }

    /// Non-blank lines of `files` (the learner's), for the scoreboard's "lines of code".
    static func linesOfCode(_ files: [Data]) -> Int {
        files.reduce(0) { total, data in
            total + String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !isBlank(String($0)) }.count
        }
    }

    /// Grades quiz answers: one list of 1-based choice numbers per question.
    public func answer(quiz lesson: Lesson, choices: [[Int]]) -> CheckResult {
        AnswerGrading.quiz(lesson, choices: choices)
    }

    /// Grades a predict answer; when the lesson has `run` steps, runs the program afterwards
    /// and includes its real output (the last step's stdout then stderr). What it "prints",
    /// for `crucible verify`, is the last step's stdout alone.
    public func answer(predict lesson: Lesson, answer: String) async -> CheckResult {
        let run = await runPredictProgram(lesson)
        // Show what a terminal would: stdout, then stderr (a trap's message, say).
        let last = run?.passed == true ? run?.steps.last : nil
        return AnswerGrading.predict(lesson, answer: answer, realOutput: last.map { $0.stdout + $0.stderr })
    }

    /// Runs a predict lesson's `run` steps; nil when it has none.
    public func runPredictProgram(_ lesson: Lesson) async -> CheckResult? {
        guard let predict = lesson.predict, !predict.run.isEmpty else { return nil }
        let requirements = Self.requirements(lesson: lesson, steps: predict.run)
        let statuses = await tools.statuses(requirements.map(\.name), in: lesson.tools)
        if let unusable = unusableTools(lesson, requirements, statuses) { return unusable }
        guard let program = try? Data(contentsOf: lesson.folder.appendingPathComponent(predict.program)) else {
            return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "cannot read \(predict.program)")
        }
        return await runSteps(
            predict.run, lesson: lesson, files: [predict.program: program],
            learnerFiles: [predict.program], hiddenFiles: [], workspace: nil)
    }

    /// The lesson's `requires`, then every required step's `requires` and program given by bare
    /// name, without repeats. An optional step's tools are not needed: without them it is skipped.
    public static func requiredTools(lesson: Lesson, steps: [CheckStep]) -> [String] {
        requirements(lesson: lesson, steps: steps).map(\.name)
    }

    /// ``requiredTools(lesson:steps:)`` with the minimum version each must have: the highest
    /// asked for it anywhere in the lesson.
    public static func requirements(lesson: Lesson, steps: [CheckStep]) -> [ToolRequirement] {
        let required = steps.filter { !$0.optional }
        // Linking with lld is asked for in the arguments, not by a program name; without it the
        // learner would see a linker error instead of "install lld".
        let arguments = required.flatMap { $0.run.dropFirst() }
        // `{sanitizer_link}` asks for lld on Linux only: elsewhere it adds nothing. (`firstRange`
        // searches natively; Foundation's `contains` went through NSString for every argument of
        // every lesson when the map's tool marks are worked out.)
        let linksWithLLD = arguments.contains {
            (Platform.current == .linux && $0.firstRange(of: "{sanitizer_link}") != nil) || $0.hasSuffix("-ld=lld")
        }
        return ToolRequirement.merged(lesson.requires + required.flatMap(\.requirements) + (linksWithLLD ? ["ld.lld"] : []))
    }

    /// The tools of optional steps that are not in `required`, without repeats.
    static func optionalTools(_ steps: [CheckStep], besides required: [String]) -> [String] {
        var names: [String] = []
        for name in steps.filter(\.optional).flatMap(\.tools) where !required.contains(name) && !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// Why an optional step cannot run here (`clippy-driver` is not installed, `go` is too old),
    /// or nil when it can.
    private func reasonToSkip(_ step: CheckStep, catalog: ToolCatalog) async -> String? {
        guard step.optional else { return nil }
        let requirements = ToolRequirement.merged(step.requirements)
        let problems = catalog.problems(requirements, await tools.statuses(requirements.map(\.name), in: catalog))
        if let missing = problems.missing.first { return "`\(missing.name)` is not installed" }
        if let tool = problems.broken.first {
            return tool.tooOld.map { "it \($0)" } ?? "`\(tool.name)` is installed but does not work: \(tool.error)"
        }
        return nil
    }

    /// The tools lesson's check runs: a code lesson's `requires` and step programs. Quiz,
    /// predict and read lessons are checked without running anything (a predict lesson's
    /// program runs only to show its output), so they need no tool.
    public static func checkTools(of lesson: Lesson) -> [String] {
        checkRequirements(of: lesson).map(\.name)
    }

    /// The tools only lesson's optional steps run: where one is missing those steps are skipped.
    public static func optionalCheckTools(of lesson: Lesson) -> [String] {
        lesson.code.map { optionalTools($0.steps, besides: checkTools(of: lesson)) } ?? []
    }

    /// ``checkTools(of:)`` with the minimum version asked of each.
    public static func checkRequirements(of lesson: Lesson) -> [ToolRequirement] {
        lesson.code.map { requirements(lesson: lesson, steps: $0.steps) } ?? []
    }

    /// The refusal of a lesson whose check does not run on this platform, or nil when it does.
    /// Like a missing tool: nothing runs, no attempt is counted, no hint is offered.
    public func otherPlatform(_ lesson: Lesson) -> CheckResult? {
        guard let support = lesson.platformProblem() else { return nil }
        return CheckResult(lessonID: lesson.id, outcome: .otherPlatform, message: support.refusal)
    }

    /// A result that says which tools cannot be used and how to fix them, or nil when all work.
    /// The front end adds what to do next (install, or skip the lesson).
    private func unusableTools(_ lesson: Lesson, _ requirements: [ToolRequirement], _ statuses: [ToolStatus]) -> CheckResult? {
        let problems = lesson.tools.problems(requirements, statuses)
        let missing = problems.missing.map(\.name)
        let broken = problems.broken
        func names(_ list: [String]) -> String { list.map { "`\($0)`" }.joined(separator: ", ") }
        var result: CheckResult
        if !missing.isEmpty {
            result = CheckResult(
                lessonID: lesson.id, outcome: .toolMissing,
                message: "this lesson needs \(names(missing)), which " + (missing.count == 1 ? "is" : "are") + " not installed")
        } else if !broken.isEmpty, broken.allSatisfy({ $0.tooOld != nil }) {
            // Like a missing tool: the learner's code is not at fault.
            result = CheckResult(
                lessonID: lesson.id, outcome: .toolBroken,
                message: "this lesson " + broken.compactMap(\.tooOld).joined(separator: "; ") + ", so nothing was checked")
        } else if !broken.isEmpty, broken.allSatisfy({ tool in statuses.contains { $0.name == tool.name && $0.unreachableReason != nil } })
        {
            result = CheckResult(
                lessonID: lesson.id, outcome: .toolBroken,
                message: "\(names(broken.map(\.name))) " + (broken.count == 1 ? "is" : "are")
                    + " installed where learner programs cannot start it (as root they run under a fresh unprivileged uid), "
                    + "so nothing was checked: " + broken[0].error)
        } else if !broken.isEmpty {
            let one = broken.count == 1
            result = CheckResult(
                lessonID: lesson.id, outcome: .toolBroken,
                message: "\(names(broken.map(\.name))) " + (one ? "is" : "are") + " installed but "
                    + (one ? "does" : "do") + " not work, so nothing was checked: " + broken[0].error)
        } else {
            return nil
        }
        result.missingTools = problems.missing.map(\.missing)
        result.brokenTools = broken
        return result
    }

    /// A check whose failing step ran one of its tools: probes that tool again, bypassing the
    /// remembered version (a rustup toolchain can be removed without changing `rustc`'s file),
    /// so a tool that stopped working is reported as such rather than as the learner's error.
    private func toolBrokeSinceProbed(_ result: CheckResult, required: [ToolRequirement], lesson: Lesson) async -> CheckResult? {
        guard !result.passed, let program = result.steps.last?.command.first,
            let tool = required.first(where: { $0.name == program || $0.name == URL(fileURLWithPath: program).lastPathComponent })
        else { return nil }
        return unusableTools(lesson, [tool], [await tools.status(tool.name, in: lesson.tools, fresh: true)])
    }

    private func notCode(_ lesson: Lesson) -> CheckResult {
        CheckResult(
            lessonID: lesson.id, outcome: .engineError, message: "`\(lesson.id)` is a \(lesson.kind.rawValue) lesson, not a code lesson")
    }

    /// Writes `files` into a fresh scratch folder, runs `steps` there until one does not pass,
    /// and removes the folder. The result names the learner's files in `workspace` (see ``ScratchPaths``).
    func runSteps(
        _ steps: [CheckStep], lesson: Lesson, files: [String: Data], learnerFiles: [String],
        hiddenFiles: [String], workspace: URL?
    ) async -> CheckResult {
        let scratch: ScratchFolder
        do {
            scratch = try ScratchFolder(files: files)
        } catch {
            return CheckResult(lessonID: lesson.id, outcome: .engineError, message: "cannot prepare the scratch folder: \(error)")
        }
        defer { scratch.remove() }
        let paths = ScratchPaths(scratch: scratch.url, workspace: workspace, learnerFiles: learnerFiles)
        var cacheFolder: URL?
        if StepPlan.usesCache(steps) {
            do {
                cacheFolder = try buildCache.prepare(lessonID: lesson.id)
            } catch {
                return CheckResult(
                    lessonID: lesson.id, outcome: .engineError,
                    message: "cannot create the build cache folder \(buildCache.folder(for: lesson.id).path): \(error.localizedDescription)"
                )
            }
        }
        let portNames = StepPlan.portNames(steps)
        guard let freePorts = StepPlan.freeLoopbackPorts(portNames.count) else {
            return CheckResult(
                lessonID: lesson.id, outcome: .engineError,
                message: "cannot find a free TCP port on 127.0.0.1 for `{port}`: \(String(cString: strerror(errno)))")
        }
        let plan = StepPlan(
            steps: steps, scratch: scratch.url, lessonFolder: lesson.folder, cache: cacheFolder, learnerFiles: learnerFiles,
            hiddenFiles: hiddenFiles, environment: environment,
            ports: Dictionary(uniqueKeysWithValues: zip(portNames, freePorts)))
        var network: SandboxNetwork?
        // Sandboxed, the home's caches are out of reach (hidden, read-only): the tools keep theirs
        // (swiftc's module cache, Go's build cache) in the lesson's build cache folder instead.
        var toolCache: URL?
        if sandbox != nil {
            do {
                network = try SandboxNetwork()
                let folder = try cacheFolder ?? buildCache.prepare(lessonID: lesson.id)
                let tools = folder.appendingPathComponent("tool-cache", isDirectory: true)
                try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
                (cacheFolder, toolCache) = (folder, tools)
            } catch {
                return CheckResult(
                    lessonID: lesson.id, outcome: .engineError, message: "cannot prepare the check's sandbox: \(error)")
            }
        }
        // After the services below are stopped: nothing of the check is left in the namespace.
        defer { network?.close() }
        func invocation(for step: CheckStep) -> ProcessInvocation {
            var invocation = plan.invocation(for: step)
            if let sandbox, let network, let toolCache {
                invocation.confinement = SandboxConfinement(
                    sandbox: sandbox, network: network.holder, writable: [scratch.url.path] + [cacheFolder?.path].compactMap { $0 },
                    readable: [lesson.folder.path])
                if step.env["XDG_CACHE_HOME"] == nil { invocation.environment["XDG_CACHE_HOME"] = toolCache.path }
            }
            return invocation
        }
        var reports: [StepReport] = []
        var comparisons: [MetricComparison] = []
        var services: [BackgroundService] = []
        var failure: CheckResult?
        // A service that was not ready: its output, once stopped, goes into the message.
        var notReady: BackgroundService?
        stepLoop: for step in steps {
            let invocation = invocation(for: step)
            if let reason = await reasonToSkip(step, catalog: lesson.tools) {
                reports.append(
                    StepReport(
                        name: step.name, command: [invocation.executable] + invocation.arguments, exitCode: nil, signal: nil,
                        termination: "skipped: \(reason)", duration: 0, stdout: "", stderr: "", passed: true,
                        skipped: reason))
                continue
            }
            if step.background {
                var invocation = invocation
                // Stopped when the check ends; the bound only matters if the engine itself got stuck.
                invocation.timeout = .seconds(Int(steps.map(\.timeout).reduce(10, +).rounded(.up)))
                let service = BackgroundService(step: step, invocation: invocation, reportIndex: reports.count)
                services.append(service)
                service.start()
                reports.append(
                    StepReport(
                        name: step.name, command: [invocation.executable] + invocation.arguments, exitCode: nil, signal: nil,
                        termination: "running", duration: 0, stdout: "", stderr: "", passed: true))
                let port = service.readyPort(plan)
                switch await service.waitUntilReady(port: port, network: network) {
                case .ready:
                    continue stepLoop
                case .notReady:
                    var result = CheckResult(lessonID: lesson.id, outcome: .timedOut, message: service.notReadyMessage(port: port))
                    result.failedStep = step.name
                    failure = result
                    notReady = service
                case .ended(let run):
                    failure = ended(service, run, lesson: lesson, when: "before it was ready", learnerFiles: learnerFiles)
                case .cancelled:
                    var result = CheckResult(lessonID: lesson.id, outcome: .engineError, message: "the check was cancelled")
                    result.failedStep = step.name
                    failure = result
                }
                reports[reports.count - 1].passed = false
                break stepLoop
            }
            let run = await ProcessRunner().run(invocation)
            let report = StepReport(run, name: step.name, command: [invocation.executable] + invocation.arguments, passed: true)
            var evaluation = StepEvaluation(
                step: step, program: invocation.executable, arguments: invocation.arguments, result: run, learnerFiles: learnerFiles)
            evaluation.metricPool = { [reports, services] in
                MetricPool.collect(Self.metricSources(reports + [report], services: services))
            }
            let verdict = evaluation.verdict(lessonID: lesson.id)
            reports.append(report)
            reports[reports.count - 1].passed = verdict.passed
            comparisons += verdict.comparisons
            if !verdict.passed {
                failure = verdict
                break
            }
        }
        // However the steps ended (a pass, a failure, a timeout, a cancelled check), every service
        // is stopped with its group, and its output and how it ended are reported.
        for service in services {
            let (run, stoppedByCheck) = await service.stop()
            var report = StepReport(
                run, name: service.step.name, command: reports[service.reportIndex].command,
                passed: stoppedByCheck && service !== notReady)
            if stoppedByCheck { report.termination = "stopped at the end of the check" }
            if !stoppedByCheck, failure == nil {
                report.passed = false
                failure = ended(service, run, lesson: lesson, when: "before the check ended", learnerFiles: learnerFiles)
            }
            reports[service.reportIndex] = report
            if service === notReady, var result = failure {
                let tail = BackgroundService.tail(of: run, observer: service.observer)
                result.message += tail.isEmpty ? "; it printed nothing" : "; the last of what it printed:\n" + tail
                failure = result
            }
        }
        // Every figure, also those no expectation asked for; a line that does not parse is left out
        // here (an expectation that needed it failed the check already).
        let metrics = (try? MetricPool.collect(Self.metricSources(reports, services: []), strict: false).get())?.all ?? []
        if var failure {
            // Up to the step that failed, with every service's report in its place.
            failure.steps = reports
            failure.comparisons = comparisons
            failure.metrics = metrics
            if let sandbox { failure.message = SandboxBlock.explained(failure, sandbox: sandbox) }
            return paths.shown(failure)
        }
        let skipped = reports.contains { $0.skipped != nil }
        var result = CheckResult(
            lessonID: lesson.id, outcome: .passed, message: skipped ? "every step that ran passed" : "every step passed")
        result.steps = reports
        result.comparisons = comparisons
        result.metrics = metrics
        return paths.shown(result)
    }
}

extension CheckEngine {
    /// What each step so far printed and used, for the metric pool: a background step still
    /// running (one of `services` that has not ended) gives what it printed so far and its live usage.
    static func metricSources(_ reports: [StepReport], services: [BackgroundService]) -> [MetricSource] {
        reports.enumerated().compactMap { index, report in
            guard report.skipped == nil else { return nil }
            if let service = services.first(where: { $0.reportIndex == index }) {
                if let ended = service.result {
                    return MetricSource(
                        step: report.name, stdout: ended.stdoutText, wallSeconds: ended.duration.seconds, usage: ended.usage)
                }
                let live = service.liveUsage()
                return MetricSource(
                    step: report.name, stdout: String(decoding: service.observer.stdout, as: UTF8.self),
                    wallSeconds: live?.wallSeconds, usage: live?.usage)
            }
            return MetricSource(step: report.name, stdout: report.stdout, wallSeconds: report.duration, usage: report.usage)
        }
    }

    /// The failure of a background step whose program ended by itself `when` (before it was
    /// ready, before the check ended): how it ended, and the last of what it printed.
    func ended(_ service: BackgroundService, _ run: ProcessResult, lesson: Lesson, when: String, learnerFiles: [String]) -> CheckResult {
        let name = service.step.name
        var result = CheckResult(lessonID: lesson.id, outcome: .failed, reason: .exitStatus, message: "")
        switch run.termination {
        case .exited(let code):
            result.message = "step `\(name)` exited with code \(code) \(when)"
        case .signaled(_, let signal):
            result.outcome = .crashed
            result.reason = nil
            result.signal = signal
            result.message = "step `\(name)` was killed by \(signal) \(when)"
        default:
            // Could not start, a tool missing: read like any step's.
            return StepEvaluation(
                step: service.step, program: service.invocation.executable, arguments: service.invocation.arguments,
                result: run, learnerFiles: learnerFiles
            )
            .verdict(lessonID: lesson.id)
        }
        result.failedStep = name
        let tail = BackgroundService.tail(of: run, observer: service.observer)
        result.message += tail.isEmpty ? "; it printed nothing" : "; the last of what it printed:\n" + tail
        return result
    }
}

extension StepReport {
    init(_ run: ProcessResult, name: String, command: [String], passed: Bool) {
        var exitCode: Int?, signal: String?
        switch run.termination {
        case .exited(let code): exitCode = Int(code)
        case .signaled(_, let name): signal = name
        default: break
        }
        self.init(
            name: name, command: command, exitCode: exitCode, signal: signal, termination: run.termination.summary,
            duration: run.duration.seconds, stdout: run.stdoutText, stderr: run.stderrText, passed: passed,
            usage: run.usage)
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// A fresh folder under the temporary directory holding copies of a check's files.
struct ScratchFolder {
    let url: URL

    init(files: [String: Data]) throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/crucible-check-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        do {
            for (name, data) in files {
                let target = url.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        } catch {
            remove()
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
