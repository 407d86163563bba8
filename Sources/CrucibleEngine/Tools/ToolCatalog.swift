import Foundation

/// A tool the course may use: how to ask its version and how to install it.
public struct ToolInfo: Sendable, Equatable {
    /// The program name looked up on PATH, such as `swiftc`.
    public var name: String
    /// What the course uses it for.
    public var purpose: String
    /// Arguments that print the version; empty for a tool the catalog does not know, which
    /// is only looked up (`sh --version`, say, fails on a working shell).
    public var versionArguments: [String]
    /// How to install it on Debian or Ubuntu.
    public var debian: String
    /// How to install it on macOS. Kept for check results stored by older versions; Crucible runs on
    /// Linux only (README), so no screen shows it.
    public var macOS: String
    /// The usual fix when it is installed but does not run, where one is known (rustup's
    /// proxies with no default toolchain); otherwise the fix is reinstalling it.
    public var brokenFix: String? = nil

    /// The missing-tool entry of a check result.
    public var missing: MissingTool { MissingTool(name: name, debian: debian, macOS: macOS) }

    /// The broken-tool entry of a check result, for a probe that failed with `error`.
    public func broken(error: String) -> BrokenTool {
        BrokenTool(
            name: name, error: error,
            fixes: brokenFix.map { [$0] }
                ?? ["reinstall it", "Debian/Ubuntu: \(debian)"])
    }
}

/// Every tool the course knows, with install hints; unknown names get a generic hint.
public enum ToolCatalog {
    public static let all: [ToolInfo] = [
        ToolInfo(
            name: "swiftc", purpose: "Swift lessons, ThreadSanitizer for Swift", versionArguments: ["--version"],
            debian: "install the Swift toolchain from https://www.swift.org/install/linux/ (swiftly)",
            macOS: "xcode-select --install (or install Xcode)"),
        ToolInfo(
            name: "clang", purpose: "C lessons, AddressSanitizer, LeakSanitizer, ThreadSanitizer", versionArguments: ["--version"],
            debian: "sudo apt-get install clang", macOS: "xcode-select --install"),
        ToolInfo(
            name: "cc", purpose: "the system C compiler", versionArguments: ["--version"],
            debian: "sudo apt-get install build-essential", macOS: "xcode-select --install"),
        ToolInfo(
            name: "gcc", purpose: "C lessons with GCC", versionArguments: ["--version"],
            debian: "sudo apt-get install gcc", macOS: "brew install gcc"),
        ToolInfo(
            name: "ld.lld", purpose: "links sanitizer builds (`{sanitizer_link}`)", versionArguments: ["--version"],
            debian: "sudo apt-get install lld", macOS: "not needed: Apple's linker is used"),
        ToolInfo(
            name: "rustc", purpose: "Rust lessons", versionArguments: ["--version"],
            debian: "curl https://sh.rustup.rs -sSf | sh (or: sudo apt-get install rustc)", macOS: "brew install rustup && rustup-init",
            brokenFix: "rustup default stable"),
        ToolInfo(
            name: "cargo", purpose: "Rust lessons with dependencies", versionArguments: ["--version"],
            debian: "curl https://sh.rustup.rs -sSf | sh (or: sudo apt-get install cargo)", macOS: "brew install rustup && rustup-init",
            brokenFix: "rustup default stable"),
        ToolInfo(
            name: "go", purpose: "Go lessons, Go's race detector", versionArguments: ["version"],
            debian: "sudo apt-get install golang-go", macOS: "brew install go"),
    ]

    /// The catalog entry for `name`, or a generic one for a tool the catalog does not know.
    public static func info(_ name: String) -> ToolInfo {
        all.first { $0.name == name }
            ?? ToolInfo(
                name: name, purpose: "named by a lesson", versionArguments: [],
                debian: "apt-cache search \(name), then sudo apt-get install the package that provides it",
                macOS: "brew search \(name)")
    }

    /// Programs that compile or build: their steps get toolchain limits by default, and a
    /// failing run of one is reported as a compile error.
    public static let compilers: Set<String> = [
        "swiftc", "swift", "swift-frontend", "clang", "clang++", "cc", "c++", "gcc", "g++", "rustc", "cargo", "go",
        "ld", "ld.lld", "make",
    ]
}
