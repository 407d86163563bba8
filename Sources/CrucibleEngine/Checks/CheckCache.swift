import Foundation

/// Check results on disk, keyed by what decides them, so re-checking unchanged work is instant.
///
/// The key is the SHA-256 of: the engine version, the lesson id and folder, the learner's folder, the check
/// definition (every step's command, environment, limits, timeout and expectations), the
/// hidden files' contents, the learner's files (names and contents), and the version of every
/// tool the check uses. Only outcomes that the same inputs reproduce are kept: passed, failed
/// (except too slow and over budget, which depend on the machine and its load) and crashed.
public struct CheckCache: Sendable {
    /// The folder holding one `<key>.json` per result.
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/crucible/checks`, else `~/.cache/crucible/checks`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        BuildCache.defaultRoot(environment: environment).appendingPathComponent("checks")
    }

    /// The cached result for `key`, marked as coming from the cache.
    public func result(for key: String) -> CheckResult? {
        guard let data = try? Data(contentsOf: file(key)),
            var result = try? JSONDecoder().decode(CheckResult.self, from: data)
        else { return nil }
        result.fromCache = true
        return result
    }

    /// Keeps `result` under `key` when its outcome is reproducible; failures to write are ignored.
    public func store(_ result: CheckResult, for key: String) {
        guard Self.isReproducible(result), let data = try? JSONEncoder().encode(result) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? data.write(to: file(key), options: .atomic)
    }

    static func isReproducible(_ result: CheckResult) -> Bool {
        switch result.outcome {
        case .passed, .crashed: true
        case .failed: result.reason != .tooSlow && result.reason != .overBudget
        case .timedOut, .resourceLimit, .toolMissing, .toolBroken, .otherPlatform, .engineError: false
        }
    }

    private func file(_ key: String) -> URL { folder.appendingPathComponent(key + ".json") }

    /// The key for checking `files` (name → content) against `lesson`, given the tools' versions.
    static func key(
        lesson: Lesson, code: CodeExercise, files: [(name: String, content: Data)],
        hidden: [(name: String, content: Data)], toolVersions: [ToolStatus], workspace: URL? = nil, sandboxed: Bool = false
    ) -> String {
        // v2: results name the learner's files in the workspace; a v1 result names a removed scratch folder.
        // v3: failing tests, panics and lint findings have reasons of their own; a v2 result calls them compile errors.
        // v4: results carry each step's resource usage, which older cached results lack.
        // v5: results carry the check's metrics and comparisons (the single ratio is gone), and `overBudget`.
        var text = "crucible-check v5 engine \(CrucibleEngine.version)\nlesson \(lesson.id) \(lesson.folder.path)\n"
        // A result names the learner's files in their folder (``ScratchPaths``), so it is kept per folder.
        if let workspace { text += "workspace \(workspace.path)\n" }
        // Fenced in or not, the same files may pass or fail (a harness that writes to the home).
        if sandboxed { text += "sandboxed\n" }
        for step in code.steps { text += canonical(step) }
        for tool in toolVersions.sorted(by: { $0.name < $1.name }) {
            text += "tool \(tool.name) \(tool.path ?? "-") \(tool.version ?? "-")\n"
        }
        for (label, entries) in [("hidden", hidden), ("learner", files)] {
            for entry in entries.sorted(by: { $0.name < $1.name }) {
                text += "\(label) \(entry.name) \(SHA256.hex(entry.content))\n"
            }
        }
        return SHA256.hex(text.utf8)
    }

    /// A stable text form of a step (dictionary order varies between processes, so keys are sorted).
    static func canonical(_ step: CheckStep) -> String {
        func text(_ environment: [String: String?]) -> [String] {
            environment.sorted { $0.key < $1.key }.map { key, value in value.map { "\(key)=\($0)" } ?? "unset \(key)" }
        }
        let env = text(step.env)
        // The tools' environment defaults and a course's say on what builds change the run too;
        // only when they apply, so other steps' keys stay as they were.
        let defaults = text(step.toolCatalog.environment(for: step.run))
        let builds = step.toolCatalog.runsBuildTool(step.run)
        return (defaults.isEmpty ? "" : "defaults \(defaults)\n")
            + (builds == ToolCatalog.builtIn.runsBuildTool(step.run) ? "" : "builds \(builds)\n")
            + "step \(step.name)\nrun \(step.run)\nenv \(env)\ntimeout \(step.timeout)\n"
            + "limits \(String(describing: step.limits))\nexpect \(String(describing: step.expect))\n"
            // Only when set, so the keys of existing lessons' results stay as they were.
            + (step.requires.isEmpty && !step.optional ? "" : "requires \(step.requires) optional \(step.optional)\n")
    }
}
