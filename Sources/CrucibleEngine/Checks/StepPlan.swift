import Foundation

/// Turns a lesson's check steps into process invocations: placeholders filled in, default
/// limits applied, environment merged.
///
/// Placeholders, in `run` and `env`:
/// - `{scratch}`: the scratch folder, also every step's working directory;
/// - `{lesson}`: the lesson folder;
/// - `{cache}`: the lesson's build cache folder, which survives between checks (``BuildCache``);
/// - `{files}`: as a whole argument, the learner's files, one argument each (relative paths);
/// - `{hidden}`: as a whole argument, the hidden check files, one argument each;
/// - `{sanitizer_link}`: as a whole argument, the extra flags a sanitizer build needs to link
///   here: for clang, lld and the Swift toolchain's libdispatch for its ThreadSanitizer runtime;
///   for `swiftc`, lld (`-use-ld=lld`); nothing where none are needed (macOS).
struct StepPlan: Sendable {
    let scratch: URL
    let lessonFolder: URL
    /// The lesson's build cache folder; nil when no step names `{cache}`.
    let cache: URL?
    let learnerFiles: [String]
    let hiddenFiles: [String]
    /// Whether any step of the check builds or runs with a sanitizer, so no step gets an
    /// address-space limit (sanitizers reserve terabytes of address space).
    let usesSanitizer: Bool
    let baseEnvironment: [String: String]

    init(
        steps: [CheckStep], scratch: URL, lessonFolder: URL, cache: URL? = nil, learnerFiles: [String],
        hiddenFiles: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.scratch = scratch
        self.lessonFolder = lessonFolder
        self.cache = cache
        self.learnerFiles = learnerFiles
        self.hiddenFiles = hiddenFiles
        usesSanitizer = steps.contains { step in step.run.contains(where: Self.isSanitizerFlag) || step.expect.sanitizerClean }
        baseEnvironment = environment
    }

    /// Whether any step names `{cache}`, so the lesson's build cache folder must exist.
    static func usesCache(_ steps: [CheckStep]) -> Bool {
        steps.contains { step in (step.run + step.env.values.compactMap { $0 }).contains { $0.contains("{cache}") } }
    }

    static func isSanitizerFlag(_ argument: String) -> Bool {
        argument.hasPrefix("-fsanitize=") || argument.hasPrefix("-sanitize=") || argument == "-race"
            || argument.hasPrefix("-Zsanitizer") || argument == "{sanitizer_link}"
    }

    /// The invocation for `step`.
    func invocation(for step: CheckStep) -> ProcessInvocation {
        let program = step.run.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        let arguments = step.run.flatMap { expand($0, program: program) }
        var environment = baseEnvironment
        // The tools' defaults (`GOTOOLCHAIN=local` for `go`), then the step's own `env`; nil unsets.
        for (key, value) in step.toolCatalog.environment(for: step.run).merging(step.env, uniquingKeysWith: { $1 }) {
            environment[key] = value.map(substitute)
        }
        return ProcessInvocation(
            executable: arguments.first ?? "", arguments: Array(arguments.dropFirst()), environment: environment,
            workingDirectory: scratch.path, timeout: .milliseconds(Int(step.timeout * 1000)),
            limits: limits(for: step, arguments: arguments))
    }

    /// The lesson's limits over the defaults: toolchain limits for a build tool's run (the course's
    /// catalog decides, ``ToolCatalog/runsBuildTool(_:)``), learner-program limits otherwise, and no
    /// address-space limit in a check that uses a sanitizer.
    func limits(for step: CheckStep, arguments: [String]) -> ResourceLimits {
        var limits: ResourceLimits = step.toolCatalog.runsBuildTool(arguments) ? .toolchain : .learnerProgram
        if usesSanitizer { limits.memoryBytes = nil }
        let lesson = step.limits
        limits.cpuSeconds = lesson.cpuSeconds ?? limits.cpuSeconds
        limits.memoryBytes = lesson.memoryBytes ?? limits.memoryBytes
        limits.fileSizeBytes = lesson.fileSizeBytes ?? limits.fileSizeBytes
        limits.processes = lesson.processes ?? limits.processes
        return limits
    }

    private func expand(_ argument: String, program: String) -> [String] {
        switch argument {
        case "{files}": learnerFiles
        case "{hidden}": hiddenFiles
        case "{sanitizer_link}": program == "swiftc" ? Self.swiftSanitizerLinkFlags : Self.sanitizerLinkFlags
        default: [substitute(argument)]
        }
    }

    private func substitute(_ text: String) -> String {
        guard text.contains("{") else { return text }
        return text.replacingOccurrences(of: "{scratch}", with: scratch.path)
            .replacingOccurrences(of: "{lesson}", with: lessonFolder.path)
            .replacingOccurrences(of: "{cache}", with: cache?.path ?? "{cache}")
    }

    /// `swiftc`'s spelling of lld, when installed: the driver adds the sanitizer runtimes itself,
    /// and GNU gold warns about their symbols.
    static let swiftSanitizerLinkFlags: [String] = {
        #if os(Linux)
        ExecutableLookup.resolve("ld.lld", path: ProcessInfo.processInfo.environment["PATH"]) != nil ? ["-use-ld=lld"] : []
        #else
        []
        #endif
    }()

    /// lld when installed (GNU gold warns about the sanitizer runtimes' symbols), and with the
    /// Swift toolchain's clang, its libdispatch and BlocksRuntime, which its TSan runtime references.
    static let sanitizerLinkFlags: [String] = {
        #if os(Linux)
        let path = ProcessInfo.processInfo.environment["PATH"]
        var flags: [String] = []
        if ExecutableLookup.resolve("ld.lld", path: path) != nil { flags.append("-fuse-ld=lld") }
        guard let clang = ExecutableLookup.resolve("clang", path: path) else { return flags }
        let libraries = URL(fileURLWithPath: clang).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lib/swift/linux").path
        if FileManager.default.fileExists(atPath: libraries + "/libdispatch.so") {
            flags += ["-L" + libraries, "-ldispatch", "-lBlocksRuntime", "-Wl,-rpath," + libraries]
        }
        return flags
        #else
        return []
        #endif
    }()
}
