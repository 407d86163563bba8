import Foundation

/// What a tool does to the learner's code, which decides how a step running it is run.
public enum ToolKind: String, Sendable, Equatable, CaseIterable {
    /// It builds, tests or lints the learner's code, like a compiler: its steps get toolchain limits
    /// and run with the learner's own rights (toolchains often live in a home folder no other user can read).
    case build
    /// It runs the learner's code (an interpreter, the learner's program): its steps get the
    /// learner-program limits, and as root they run under a fresh unprivileged uid.
    case program
}

/// A tool the course may use: how to probe it, how to install it, and how steps running it are run.
public struct ToolInfo: Sendable, Equatable {
    /// The program name looked up on PATH, such as `swiftc`, or the name `requires` uses for a `file` probe.
    public var name: String
    /// What the course uses it for.
    public var purpose: String
    /// Arguments that print the version; empty for a tool whose version is not asked, which
    /// is only looked up (`sh --version`, say, fails on a working shell).
    public var versionArguments: [String]
    /// A regular expression whose first capture group is the version in the probe's first line;
    /// nil takes the first dotted number (`go version go1.19.8 linux/amd64` → 1.19.8).
    public var versionPattern: String? = nil
    /// How to install it on Debian or Ubuntu.
    public var debian: String
    /// How to install it on macOS. Kept for check results stored by older versions; Crucible runs on
    /// Linux only (README), so no screen shows it.
    public var macOS: String
    /// The usual fix when it is installed but does not run, where one is known (rustup's
    /// proxies with no default toolchain); otherwise the fix is reinstalling it.
    public var brokenFix: String? = nil
    /// How to get a newer version than the distribution's, where that differs from installing it
    /// (Debian 12's `golang-go` is Go 1.19: reinstalling it never meets `go >= 1.22`).
    public var upgrade: String? = nil
    /// Whether it builds the learner's code or runs it.
    public var kind: ToolKind = .program
    /// For a tool that is a file or folder rather than a command (a crate registry): its absolute
    /// path, which must exist; nothing is run.
    public var file: String? = nil
    /// Defaults for the environment of a step running it; nil unsets the variable. The step's own
    /// `env` is applied on top.
    public var environment: [String: String?] = [:]
    /// Whether `crucible doctor` lists it even when no lesson of the course uses it.
    public var listed = true

    /// The missing-tool entry of a check result.
    public var missing: MissingTool { MissingTool(name: name, debian: debian, macOS: macOS) }

    /// The broken-tool entry of a check result, for a probe that failed with `error`.
    public func broken(error: String) -> BrokenTool {
        BrokenTool(
            name: name, error: error,
            fixes: brokenFix.map { [$0] }
                ?? ["reinstall it", "Debian/Ubuntu: \(debian)"])
    }

    /// The broken-tool entry for a tool the unprivileged uid that runs learner programs cannot start.
    public func unreachable(error: String) -> BrokenTool {
        BrokenTool(
            name: name, error: error,
            fixes: [
                "install it where every user can run it, e.g. \(debian)", "or put /usr/bin first on PATH",
            ])
    }

    /// The fix for a tool older than a lesson asks, shown by a check's refusal and by doctor.
    public var upgradeFix: String { upgrade ?? "install a newer version: \(debian)" }

    /// The broken-tool entry for a tool older than `requirement` asks.
    public func tooOld(_ requirement: ToolRequirement, have: ToolVersion?) -> BrokenTool {
        var tool = BrokenTool(name: name, error: requirement.unmetMessage(have: have), fixes: [upgradeFix])
        tool.tooOld = tool.error
        return tool
    }

    /// The version in a probe's first line, by `versionPattern` or as the first dotted number.
    public func version(from line: String?) -> ToolVersion? {
        guard let line else { return nil }
        if let versionPattern, let regex = try? NSRegularExpression(pattern: versionPattern) {
            let range = NSRange(line.startIndex..., in: line)
            guard let match = regex.firstMatch(in: line, range: range) else { return nil }
            let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            guard let found = Range(group, in: line) else { return nil }
            return ToolVersion(String(line[found]))
        }
        return ToolVersion.first(in: line)
    }
}

/// Every tool a course knows: the built-in ones, then those its `course.yml` declares (which
/// replace a built-in one of the same name). Unknown names get a generic entry. Doctor, the map
/// marks, a check's refusal, `verify`'s skips, step limits and optional steps all ask this one value.
public struct ToolCatalog: Sendable, Equatable {
    /// The entries, built-in ones first, in the order doctor lists them.
    public private(set) var tools: [ToolInfo]

    /// The built-in tools with a course's declarations: a declared tool replaces the built-in one of
    /// its name, in place; the others follow in the order declared.
    public init(declared: [ToolInfo] = []) {
        var tools = Self.builtInTools
        for tool in declared {
            if let index = tools.firstIndex(where: { $0.name == tool.name }) { tools[index] = tool } else { tools.append(tool) }
        }
        self.tools = tools
    }

    /// The catalog of a course that declares no tools.
    public static let builtIn = ToolCatalog()

    /// The entry for `name`, or a generic one for a tool the catalog does not know.
    public func info(_ name: String) -> ToolInfo {
        tools.first { $0.name == name }
            ?? ToolInfo(
                name: name, purpose: "named by a lesson", versionArguments: [],
                debian: "apt-cache search \(name), then sudo apt-get install the package that provides it",
                macOS: "brew search \(name)")
    }

    /// What stops `requirements` from being met, by their probed `statuses`: tools not found,
    /// and tools that do not work, that learner programs cannot start, or that are too old.
    /// The one decision behind a check's refusal, an optional step's skip, `verify`, doctor and the map.
    public func problems(_ requirements: [ToolRequirement], _ statuses: [ToolStatus]) -> ToolProblems {
        var problems = ToolProblems()
        for requirement in requirements {
            guard let status = statuses.first(where: { $0.name == requirement.name }) else { continue }
            let info = info(requirement.name)
            switch status.state {
            case .missing:
                problems.missing.append(info)
            case .broken(let error):
                problems.broken.append(info.broken(error: error))
            case .unreachable(let reason):
                problems.broken.append(info.unreachable(error: reason))
            case .working(let line):
                let version = info.version(from: line)
                if !requirement.isMet(by: version) { problems.broken.append(info.tooOld(requirement, have: version)) }
            }
        }
        return problems
    }

    /// The tools doctor lists whether or not a lesson uses them.
    public var listed: [ToolInfo] { tools.filter(\.listed) }

    /// The name a command is known by in the catalog: `/usr/bin/go` → `go`.
    public static func programName(_ program: String) -> String {
        program.split(separator: "/").last.map(String.init) ?? program
    }

    /// Whether `program` (a name or a path) is a build tool: a compiler, a linker, a test runner
    /// or linter the course declares `kind: build`. Its failing run is reported as a compile error.
    public func isBuildTool(_ program: String) -> Bool {
        let name = Self.programName(program)
        return tools.contains { $0.name == name && $0.kind == .build }
    }

    /// The catalog's tools a command runs: its program, or, for a shell, the tools its script names
    /// (`sh -c "rustc … 2>&1"`), without repeats.
    public func toolsRun(by arguments: [String]) -> [ToolInfo] {
        guard let program = arguments.first else { return [] }
        let name = Self.programName(program)
        if let tool = tools.first(where: { $0.name == name }) { return [tool] }
        guard ["sh", "bash", "dash"].contains(name) else { return [] }
        var found: [ToolInfo] = []
        for script in arguments.dropFirst() {
            for word in script.split(whereSeparator: { !($0.isLetter || $0.isNumber || "+-._".contains($0)) }) {
                if let tool = tools.first(where: { $0.name == word }), !found.contains(tool) { found.append(tool) }
            }
        }
        return found
    }

    /// Whether the command builds rather than runs learner code: its program is a build tool, or it
    /// is a shell whose script calls one. It then gets toolchain limits and the learner's own rights.
    public func runsBuildTool(_ arguments: [String]) -> Bool {
        toolsRun(by: arguments).contains { $0.kind == .build }
    }

    /// The environment defaults of the tools the command runs (later tools' on top); nil unsets.
    public func environment(for arguments: [String]) -> [String: String?] {
        var environment: [String: String?] = [:]
        for tool in toolsRun(by: arguments) {
            for (key, value) in tool.environment { environment[key] = .some(value) }
        }
        return environment
    }

    /// The built-in tools. Those not `listed` are there for their kind (a failing `make` is a build
    /// failure) and are listed by doctor only when a lesson uses them.
    static let builtInTools: [ToolInfo] =
        [
            ToolInfo(
                name: "swiftc", purpose: "Swift lessons, ThreadSanitizer for Swift", versionArguments: ["--version"],
                debian: "install the Swift toolchain from https://www.swift.org/install/linux/ (swiftly)",
                macOS: "xcode-select --install (or install Xcode)",
                upgrade: "install a newer toolchain from https://www.swift.org/install/linux/ (swiftly install latest)", kind: .build),
            ToolInfo(
                name: "clang", purpose: "C lessons, AddressSanitizer, LeakSanitizer, ThreadSanitizer", versionArguments: ["--version"],
                debian: "sudo apt-get install clang", macOS: "xcode-select --install", kind: .build),
            ToolInfo(
                name: "cc", purpose: "the system C compiler", versionArguments: ["--version"],
                debian: "sudo apt-get install build-essential", macOS: "xcode-select --install", kind: .build),
            ToolInfo(
                name: "gcc", purpose: "C lessons with GCC", versionArguments: ["--version"],
                debian: "sudo apt-get install gcc", macOS: "brew install gcc", kind: .build),
            ToolInfo(
                name: "ld.lld", purpose: "links sanitizer builds (`{sanitizer_link}`)", versionArguments: ["--version"],
                debian: "sudo apt-get install lld", macOS: "not needed: Apple's linker is used", kind: .build),
            ToolInfo(
                name: "rustc", purpose: "Rust lessons", versionArguments: ["--version"],
                debian: "curl https://sh.rustup.rs -sSf | sh (or: sudo apt-get install rustc)", macOS: "brew install rustup && rustup-init",
                brokenFix: "rustup default stable", upgrade: "rustup update stable", kind: .build),
            ToolInfo(
                name: "cargo", purpose: "Rust lessons with dependencies", versionArguments: ["--version"],
                debian: "curl https://sh.rustup.rs -sSf | sh (or: sudo apt-get install cargo)", macOS: "brew install rustup && rustup-init",
                brokenFix: "rustup default stable", upgrade: "rustup update stable", kind: .build),
            ToolInfo(
                name: "go", purpose: "Go lessons, Go's race detector", versionArguments: ["version"],
                debian: "sudo apt-get install golang-go", macOS: "brew install go",
                upgrade: "install a newer Go from https://go.dev/dl/ (Debian 12's golang-go is Go 1.19)", kind: .build,
                // The learner's own Go settings must not change what a check builds: no toolchain
                // download (GOTOOLCHAIN), no flags or `go env -w` settings of theirs.
                environment: ["GOTOOLCHAIN": "local", "GOFLAGS": nil, "GOENV": "off"]),
        ]
        + ["swift", "swift-frontend", "clang++", "c++", "g++", "ld", "make"].map { name in
            ToolInfo(
                name: name, purpose: "builds lessons", versionArguments: [],
                debian: "apt-cache search \(name), then sudo apt-get install the package that provides it",
                macOS: "xcode-select --install", kind: .build, listed: false)
        }
}

/// The tools a check needs that cannot be used here.
public struct ToolProblems: Sendable, Equatable {
    /// Not installed.
    public var missing: [ToolInfo] = []
    /// Installed but not usable: not working, out of reach of learner programs, or too old
    /// (``BrokenTool/tooOld`` set).
    public var broken: [BrokenTool] = []

    public var isEmpty: Bool { missing.isEmpty && broken.isEmpty }
}

/// A tool's version as numbers, compared part by part (1.22 > 1.9; 1.22 == 1.22.0).
public struct ToolVersion: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var parts: [Int]

    /// `1.22`, `6.0.3`; nil unless it is dot-separated whole numbers.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        self.parts = parts.map { $0! }
    }

    /// The first dotted number in `text` (`go1.19.8` → 1.19.8), else its first number: the first
    /// matches of `[0-9]+(\.[0-9]+)+`, then of `[0-9]+`. Scanned by hand because the map's tool marks
    /// ask this for every probed tool before the first screen, and `.regularExpression` took each
    /// call through NSString and an ICU matcher (2 % of start-up's instructions).
    static func first(in text: String) -> ToolVersion? {
        let bytes = Array(text.utf8)  // ASCII digits and dots are single UTF-8 bytes, never inside another character's
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }
        func endOfDigits(from start: Int) -> Int {
            var end = start
            while isDigit(end) { end += 1 }
            return end
        }
        func version(_ range: Range<Int>) -> ToolVersion? { ToolVersion(String(decoding: bytes[range], as: UTF8.self)) }
        var firstNumber: Range<Int>?
        var start = 0
        while start < bytes.count {
            guard isDigit(start) else {
                start += 1
                continue
            }
            var end = endOfDigits(from: start)
            if firstNumber == nil { firstNumber = start..<end }
            var dotted = false
            while end < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(end + 1) {
                end = endOfDigits(from: end + 1)
                dotted = true
            }
            // Like the first match of the dotted pattern: when it is no version (a part too large
            // for Int), the answer is the first number's, not a later dotted number's.
            if dotted { return version(start..<end) ?? firstNumber.flatMap(version) }
            start = end
        }
        return firstNumber.flatMap(version)
    }

    public var description: String { parts.map(String.init).joined(separator: ".") }

    public static func < (lhs: ToolVersion, rhs: ToolVersion) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : 0
            let right = index < rhs.parts.count ? rhs.parts[index] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: ToolVersion, rhs: ToolVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
}

/// One entry of a `requires` list: a tool, and the lowest version that will do (`go >= 1.22`).
public struct ToolRequirement: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var name: String
    public var minimum: ToolVersion?

    public init(name: String, minimum: ToolVersion? = nil) {
        self.name = name
        self.minimum = minimum
    }

    /// For tests and built-in lists; a malformed literal keeps its whole text as the name.
    public init(stringLiteral value: String) {
        self = (try? Self.parse(value).get()) ?? ToolRequirement(name: value)
    }

    /// `go`, `go >= 1.22`: the requirement, or what is wrong with `text` and how to write it.
    public static func parse(_ text: String) -> Result<ToolRequirement, RequirementError> {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let example = "write a tool name, optionally with a minimum version, such as `go` or `go >= 1.22`"
        func failure(_ problem: String) -> Result<ToolRequirement, RequirementError> {
            .failure(RequirementError(message: "\(problem); \(example)"))
        }
        guard let name = words.first, !name.hasPrefix(">"), !name.hasPrefix("<"), !name.hasPrefix("=") else {
            return failure("\(quoted: text) in `requires` names no tool")
        }
        if name.contains("/") { return failure("\(quoted: text) in `requires` is a path, not a tool name looked up on PATH") }
        if name.contains(where: { "<>=".contains($0) }) {
            return failure("\(quoted: text) in `requires` needs spaces around `>=`")
        }
        switch words.count {
        case 1:
            return .success(ToolRequirement(name: name))
        case 3 where words[1] == ">=":
            guard let version = ToolVersion(words[2]) else {
                return failure(
                    "\(quoted: words[2]) in \(quoted: text) is not a version (whole numbers separated by dots, such as 1.22)")
            }
            return .success(ToolRequirement(name: name, minimum: version))
        case 3:
            return failure("\(quoted: text) compares with \(quoted: words[1]); only `>=` (a minimum version) is supported")
        default:
            return failure("\(quoted: text) in `requires` is not one tool name (one tool per entry)")
        }
    }

    public var description: String { minimum.map { "\(name) >= \($0)" } ?? name }

    /// `requirements` with one entry per tool, in first-use order, keeping the highest minimum.
    public static func merged(_ requirements: [ToolRequirement]) -> [ToolRequirement] {
        var merged: [ToolRequirement] = []
        for requirement in requirements {
            if let index = merged.firstIndex(where: { $0.name == requirement.name }) {
                if let minimum = requirement.minimum, merged[index].minimum.map({ $0 < minimum }) ?? true {
                    merged[index].minimum = minimum
                }
            } else {
                merged.append(requirement)
            }
        }
        return merged
    }

    /// "needs go 1.22, have 1.19", or, when the version could not be read, says so.
    public func unmetMessage(have: ToolVersion?) -> String {
        "needs \(name) \(minimum?.description ?? "")" + (have.map { ", have \($0)" } ?? ", but its version could not be read")
    }

    /// Whether `version` meets it; a requirement with no minimum is met by any version.
    public func isMet(by version: ToolVersion?) -> Bool {
        guard let minimum else { return true }
        guard let version else { return false }
        return version >= minimum
    }
}

/// Why a `requires` entry cannot be read.
public struct RequirementError: Error, Sendable, Equatable {
    public var message: String
}
