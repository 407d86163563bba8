import Foundation
import Yams

/// Validates check steps (`code.steps`, `predict.run`) and their `limits` and `expect` maps.
struct StepParser {
    let report: FileReport
    /// The course's tools, which each step carries.
    var tools: ToolCatalog = .builtIn

    /// Names of the placeholders `StepPlan` fills in; see Lessons/README.md.
    static let placeholders = ["scratch", "lesson", "cache", "files", "hidden", "sanitizer_link", "port"]
    /// Placeholders that expand to a list of arguments, so they only work as a whole `run` entry.
    static let wholeArgumentPlaceholders = ["files", "hidden", "sanitizer_link"]
    static let signals = [
        "SIGABRT", "SIGALRM", "SIGBUS", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGKILL", "SIGPIPE",
        "SIGQUIT", "SIGSEGV", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGUSR1", "SIGUSR2", "SIGXCPU", "SIGXFSZ",
    ]

    /// Keys of one step.
    static let stepKeys = [
        "name", "run", "timeout", "env", "limits", "expect", "requires", "optional", "showOutput", "background", "ready",
    ]
    /// Keys of a background step's `ready`; exactly one is given.
    static let readyKeys = ["port", "stdout"]
    /// Keys of a step's `limits`.
    static let limitKeys = ["cpu", "memory", "fileSize", "processes"]
    /// Keys of a step's `expect`.
    static let expectKeys = ["exit", "signal", "stdout", "stderr", "sanitizer", "ratio", "bounds"]
    /// Keys of `expect.stdout` and `expect.stderr`.
    static let outputKeys = ["equals", "contains", "matches", "notContains"]
    /// Keys of `expect.ratio`.
    static let ratioKeys = ["metric", "baseline", "atLeast"]
    /// Keys of one entry of `expect.bounds`.
    static let boundKeys = ["metric", "atMost", "atLeast"]

    /// The steps under `key`; `nil` when any step is invalid. A required list must not be empty.
    func steps(_ parent: Fields, _ key: String, required: Bool) -> [CheckStep]? {
        guard let nodes = parent.list(key, required: required) else { return parent.has(key) ? nil : [] }
        if required, nodes.isEmpty, let node = parent.value(key) {
            report.error(at: node, "\(quoted: key) is empty, so nothing would be checked; add at least one step with a `run` list")
            return nil
        }
        let steps = nodes.enumerated().compactMap { step($1, number: $0 + 1, in: key) }
        return steps.count == nodes.count ? steps : nil
    }

    /// Step `number` of the list under `key` (`steps` of a code lesson, `run` of a predict lesson).
    private func step(_ node: Node, number: Int, in key: String) -> CheckStep? {
        guard let fields = Fields(node, what: "a step", known: Self.stepKeys, report: report) else { return nil }
        let errorsBefore = report.errorCount
        let name = fields.string("name") ?? "step \(number)"
        let run = fields.stringNodes("run", required: true, allowBlank: true)
        if let run, run.isEmpty, let node = fields.value("run") {
            report.error(at: node, "`run` is empty; give the command and its arguments, such as [clang, main.c]")
        }
        if let program = run?.first, isBlank(program.text) {
            report.error(
                at: program.node,
                "the program in `run` (its first entry) is empty; name the command to run, "
                    + "such as [clang, main.c]")
        }
        run?.forEach { checkPlaceholders($0.text, at: $0.node, key: "run") }
        let timeout = fields.positiveNumber("timeout") ?? CheckStep.defaultTimeout
        let env = fields.environment("env") ?? []
        env.forEach { entry in entry.value.map { checkPlaceholders($0, at: entry.node, key: "env") } }
        let limits = self.limits(fields)
        let expect = self.expect(fields)
        let requires = self.requirements(fields, what: "a step's")
        let optional = fields.bool("optional") ?? false
        let showOutput = fields.bool("showOutput") ?? false
        let background = fields.bool("background") ?? false
        let ready = self.ready(fields, background: background, name: name, in: key)
        guard let run, report.errorCount == errorsBefore else { return nil }
        var step = CheckStep(
            name: name, run: run.map(\.text), timeout: timeout,
            env: Dictionary(env.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }),
            limits: limits, expect: expect, requires: requires ?? [], optional: optional, showOutput: showOutput,
            toolCatalog: tools)
        step.background = background
        step.ready = ready
        if optional, step.tools.isEmpty, let node = fields.value("optional") {
            report.warning(
                at: node,
                "`optional: true` skips the step only when a tool it needs is missing, but step `\(name)` names none "
                    + "(its program \(quoted: step.run.first ?? "") is a path or a placeholder); list the tool in the "
                    + "step's `requires`, such as `requires: [clippy-driver]`")
        }
        if showOutput, key != "steps", let node = fields.value("showOutput") {
            report.warning(
                at: node,
                "`showOutput` shows a step's output when a code lesson's check passes; a predict lesson already shows "
                    + "the program's real output after an answer, so remove it here")
        }
        return step
    }

    /// The `ready` condition of a background step, reporting what does not fit: `ready` without
    /// `background: true`, a background step without `ready`, an `expect` on one (it is stopped, not
    /// awaited), or one in a predict lesson's `run`.
    private func ready(_ fields: Fields, background: Bool, name: String, in key: String) -> ReadyCondition? {
        if background, key != "steps", let node = fields.value("background") {
            report.error(
                at: node,
                "`background: true` starts a service for the steps after it, which only a code lesson's `steps` have; "
                    + "remove it from step `\(name)`")
            return nil
        }
        if background, let node = fields.keyNode("expect") {
            report.error(
                at: node,
                "background step `\(name)` is stopped when the check ends, so its exit cannot be expected; "
                    + "remove `expect` and check the service through the steps that use it")
        }
        guard fields.has("ready") else {
            if background, let node = fields.value("background") {
                report.error(
                    at: node,
                    "background step `\(name)` needs `ready` to say when the steps after it may start, such as "
                        + "`ready: { port: \"{port}\" }` or `ready: { stdout: \"listening\" }`")
            }
            return nil
        }
        let errorsBefore = report.errorCount
        guard let ready = fields.map("ready", what: "`ready`", known: Self.readyKeys) else { return nil }
        if !background, let node = fields.keyNode("ready") {
            report.error(
                at: node,
                "`ready` applies only to a step with `background: true`; add `background: true` to step `\(name)` "
                    + "or remove `ready`")
            return nil
        }
        switch (ready.value("port"), ready.value("stdout")) {
        case (let port?, nil):
            let text = port.scalar?.string ?? ""
            let placeholder = text.hasPrefix("{") && text.hasSuffix("}") && StepPlan.isPortPlaceholder(text.dropFirst().dropLast())
            if placeholder || Int(text).map({ (1...65535).contains($0) }) == true { return .port(text) }
            report.wrongType("port", "`\"{port}\"`, `\"{port_NAME}\"` or a port number from 1 to 65535", port)
        case (nil, let line?):
            guard let pattern = ready.text(line, "stdout") else { return nil }
            if (try? NSRegularExpression(pattern: pattern)) != nil { return .stdout(pattern) }
            report.error(
                at: line,
                "`ready.stdout` is not a valid regular expression: \(quoted: pattern); check its brackets, "
                    + "parentheses and escapes")
        default:
            // An unknown key was reported already, with the known ones.
            guard report.errorCount == errorsBefore else { return nil }
            report.error(
                at: fields.value("ready")!,
                "`ready` needs exactly one of `port` (a TCP connection to 127.0.0.1 succeeds) and `stdout` "
                    + "(a line the program prints matches a regular expression)")
        }
        return nil
    }

    /// A `requires` list (the lesson's or a step's): tool names looked up on PATH (or tools the
    /// course declares), each optionally with a minimum version, `go >= 1.22`. nil when an entry is malformed.
    func requirements(_ fields: Fields, what: String) -> [ToolRequirement]? {
        guard let entries = fields.stringNodes("requires") else { return nil }
        var requirements: [ToolRequirement] = []
        for entry in entries {
            switch ToolRequirement.parse(entry.text) {
            case .success(let requirement): requirements.append(requirement)
            case .failure(let error): report.error(at: entry.node, error.message + " (in \(what) `requires`)")
            }
        }
        return requirements.count == entries.count ? requirements : nil
    }

    /// Reports `{placeholders}` that are not in `placeholders`.
    private func checkPlaceholders(_ text: String, at node: Node, key: String) {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty, rest.dropFirst(name.count).first == "}" else { continue }
            if Self.wholeArgumentPlaceholders.contains(String(name)), key != "run" || text != "{\(name)}" {
                let whole =
                    key == "run"
                    ? "write `{\(name)}` as an entry of its own, such as [clang, \"{\(name)}\"]"
                    : "it works only as a whole entry of `run`"
                report.error(
                    at: node,
                    "`{\(name)}` becomes several arguments, so inside \(quoted: text) in \(quoted: key) it would be "
                        + "passed as written; \(whole)")
            } else if !Self.placeholders.contains(String(name)) && !StepPlan.isPortPlaceholder(name) {
                let known = Self.placeholders.map { "`{\($0)}`" }.joined(separator: ", ")
                var message = "unknown placeholder `{\(name)}` in \(quoted: key); the known placeholders are \(known)"
                if let suggestion = nearest(String(name), in: Self.placeholders) { message += " (did you mean `{\(suggestion)}`?)" }
                report.error(at: node, message)
            }
        }
    }

    private func limits(_ step: Fields) -> ResourceLimits {
        guard let fields = step.map("limits", what: "`limits`", known: Self.limitKeys) else {
            return ResourceLimits()
        }
        return ResourceLimits(
            cpuSeconds: fields.wholeNumber("cpu"), memoryBytes: size(fields, "memory"),
            fileSizeBytes: size(fields, "fileSize"), processes: fields.wholeNumber("processes"))
    }

    /// Bytes as a whole number or with a unit: `512M`, `2G`.
    private func size(_ fields: Fields, _ key: String) -> Int? {
        guard let node = fields.value(key) else { return nil }
        if case .scalar(let scalar) = node, let bytes = ResourceLimits.parseSize(scalar.string) { return bytes }
        report.wrongType(key, "a size in bytes such as `1048576`, `512M` or `2G`", node)
        return nil
    }

    private func expect(_ step: Fields) -> StepExpectation {
        guard let fields = step.map("expect", what: "`expect`", known: Self.expectKeys) else { return StepExpectation() }
        let signal = fields.value("signal").flatMap(signal)
        let exit = fields.value("exit").flatMap(exit) ?? (fields.has("signal") ? nil : .code(0))
        var sanitizerClean = false
        if let node = fields.value("sanitizer") {
            sanitizerClean = node.scalar?.string == "clean"
            if !sanitizerClean { report.wrongType("sanitizer", "`clean`", node) }
        }
        return StepExpectation(
            exit: exit, signal: signal, stdout: output(fields, "stdout"), stderr: output(fields, "stderr"),
            sanitizerClean: sanitizerClean, ratios: entries(fields, "ratio").compactMap(ratio),
            bounds: entries(fields, "bounds").compactMap(bound))
    }

    private func exit(_ node: Node) -> ExitExpectation? {
        if case .scalar(let scalar) = node {
            switch (ScalarKind(scalar), scalar.string) {
            case (.int(let code), _) where (0...255).contains(code): return .code(code)
            case (_, "nonzero"): return .nonzero
            case (_, "compile-error"): return .compileError
            case (_, "any"): return .any
            default: break
            }
        }
        report.wrongType("exit", "an exit status from 0 to 255, `nonzero`, `compile-error` or `any`", node)
        return nil
    }

    private func signal(_ node: Node) -> String? {
        if let name = node.scalar?.string, Self.signals.contains(name) { return name }
        var message = "`signal` must be a signal name such as `SIGSEGV` or `SIGABRT`, found \(describe(node))"
        if let name = node.scalar?.string, let suggestion = nearest(name, in: Self.signals) {
            message += "; did you mean \(quoted: suggestion)?"
        }
        report.error(at: node, message)
        return nil
    }

    private func output(_ expect: Fields, _ key: String) -> OutputExpectation? {
        guard let fields = expect.map(key, what: "\(quoted: key)", known: Self.outputKeys) else { return nil }
        var matches: String?
        if let node = fields.value("matches"), let pattern = fields.text(node, "matches") {
            do {
                _ = try NSRegularExpression(pattern: pattern)
                matches = pattern
            } catch {
                report.error(
                    at: node,
                    "`matches` is not a valid regular expression: \(quoted: pattern); check its brackets, "
                        + "parentheses and escapes (write a literal `(` as `\\\\(` in double quotes)")
            }
        }
        return OutputExpectation(
            equals: fields.string("equals", allowBlank: true), contains: fields.stringList("contains") ?? [],
            matches: matches, notContains: fields.stringList("notContains") ?? [])
    }

    /// The maps under `key`: one map, or a list of them.
    private func entries(_ expect: Fields, _ key: String) -> [Node] {
        guard let node = expect.value(key) else { return [] }
        switch node {
        case .mapping: return [node]
        case .sequence(let list) where !list.isEmpty: return Array(list)
        default:
            report.wrongType(key, "a map such as `{ metric: NAME, … }`, or a non-empty list of them", node)
            return []
        }
    }

    private func ratio(_ node: Node) -> RatioExpectation? {
        guard let fields = Fields(node, what: "a `ratio`", known: Self.ratioKeys, report: report) else { return nil }
        let metric = fields.string("metric", required: true)
        let baseline = fields.string("baseline", required: true)
        let atLeast = fields.value("atLeast", required: true).flatMap { _ in fields.positiveNumber("atLeast") }
        guard let metric, let baseline, let atLeast else { return nil }
        if let node = fields.value("metric"), let known = Metrics.knownDimension(of: metric),
            let other = Metrics.knownDimension(of: baseline), known != other
        {
            report.error(
                at: node,
                "`\(metric)` is a \(known.rawValue) metric but `\(baseline)` a \(other.rawValue) one; "
                    + "a ratio compares two metrics of one kind")
            return nil
        }
        return RatioExpectation(metric: metric, baseline: baseline, atLeast: atLeast)
    }

    private func bound(_ node: Node) -> BoundExpectation? {
        guard let fields = Fields(node, what: "a bound", known: Self.boundKeys, report: report) else { return nil }
        let errorsBefore = report.errorCount
        let metric = fields.string("metric", required: true)
        if let metric, let node = fields.value("metric"), let known = Metrics.knownDimension(of: metric), !known.acceptsBounds {
            report.error(at: node, "`\(metric)` is a \(known.rawValue) metric: \(BoundExpectation.whyNoTimes)")
        }
        var bound = BoundExpectation(metric: metric ?? "")
        bound.atMost = limit(fields, "atMost", &bound)
        bound.atLeast = limit(fields, "atLeast", &bound)
        if !fields.has("atMost"), !fields.has("atLeast") {
            report.error(
                at: node, "a bound needs `atMost`, `atLeast` or both, such as `{ metric: \(metric ?? "NAME"), atMost: \"64 MiB\" }`")
        }
        if let most = bound.atMost, let least = bound.atLeast, least > most, let node = fields.value("atLeast") {
            report.error(at: node, "`atLeast` is above `atMost`, so no figure could pass")
        }
        return report.errorCount == errorsBefore ? bound : nil
    }

    /// A bound's limit: a number of zero or more (bytes, or a count), or a size with a unit such as `"64 MiB"`.
    private func limit(_ fields: Fields, _ key: String, _ bound: inout BoundExpectation) -> Double? {
        guard let node = fields.value(key) else { return nil }
        if case .scalar(let scalar) = node {
            switch ScalarKind(scalar) {
            case .int(let value) where value >= 0: return Double(value)
            case .float(let value) where value >= 0 && value.isFinite: return value
            default: break
            }
            if let (value, unit) = MetricUnit.quantity(scalar.string) {
                guard unit.dimension.acceptsBounds else {
                    report.error(at: node, "`\(key)` is a \(unit.dimension.rawValue): \(BoundExpectation.whyNoTimes)")
                    return nil
                }
                if let other = bound.unitDimension, other != unit.dimension {
                    report.error(at: node, "`\(key)` is in \(unit.dimension.rawValue) but the other limit in \(other.rawValue)")
                    return nil
                }
                bound.unitDimension = unit.dimension
                return value
            }
        }
        report.wrongType(
            key, "a number of zero or more, or a size with its unit such as `\"64 MiB\"` (units: \(MetricUnit.names))", node)
        return nil
    }
}
