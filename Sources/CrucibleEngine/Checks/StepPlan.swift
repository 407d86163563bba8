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
///   for `swiftc`, lld (`-use-ld=lld`); nothing where none are needed (macOS);
/// - `{port}`: a free TCP port on 127.0.0.1, chosen once per check (``freeLoopbackPorts(_:)``), the
///   same in every step of that check: where a background step's server listens and the steps
///   after it connect. `{port_NAME}` (`{port_baseline}`) is another one, for a second server.
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
    /// The check's ports by placeholder name (`port`, `port_baseline`); empty when no step names one.
    let ports: [String: Int]

    init(
        steps: [CheckStep], scratch: URL, lessonFolder: URL, cache: URL? = nil, learnerFiles: [String],
        hiddenFiles: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        ports: [String: Int] = [:]
    ) {
        self.ports = ports
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

    /// Whether `name` is a port placeholder: `port` or `port_NAME` (lower-case letters, digits, `_`).
    static func isPortPlaceholder(_ name: some StringProtocol) -> Bool {
        name == "port"
            || name.hasPrefix("port_") && name.count > 5
                && name.dropFirst(5).allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The port placeholders the steps name (in `run`, `env` or `ready`), without repeats, in order.
    static func portNames(_ steps: [CheckStep]) -> [String] {
        var names: [String] = []
        for step in steps {
            var texts = step.run + step.env.values.compactMap { $0 }
            if case .port(let text)? = step.ready { texts.append(text) }
            for text in texts where text.contains("{port") {
                for piece in text.split(separator: "{", omittingEmptySubsequences: false).dropFirst() {
                    guard let close = piece.firstIndex(of: "}") else { continue }
                    let name = String(piece[..<close])
                    if isPortPlaceholder(name), !names.contains(name) { names.append(name) }
                }
            }
        }
        return names
    }

    /// `count` different TCP ports on 127.0.0.1 that were free a moment ago: the kernel picks each
    /// when binding port 0 (all stay bound until the last is picked, so they differ), and they
    /// are released for the check's servers. Nil when a socket cannot be bound.
    static func freeLoopbackPorts(_ count: Int) -> [Int]? {
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        var ports: [Int] = []
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            sockets.append(fd)
            guard let port = boundLoopbackPort(fd) else { return nil }
            ports.append(port)
        }
        return ports
    }

    private static func boundLoopbackPort(_ fd: Int32) -> Int? {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// The port a `ready: { port: … }` condition names, with its placeholder filled in.
    func readyPort(_ text: String) -> Int? { Int(substitute(text)) }

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
            .replacingPorts(ports)
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

extension String {
    /// The text with each `{NAME}` of `ports` replaced by its number.
    fileprivate func replacingPorts(_ ports: [String: Int]) -> String {
        guard contains("{port") else { return self }
        return ports.reduce(self) { text, entry in text.replacingOccurrences(of: "{\(entry.key)}", with: String(entry.value)) }
    }
}
