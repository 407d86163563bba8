// swift-tools-version: 6.1
import PackageDescription

// Linux only: the code imports Glibc and relies on inotify, /proc and pidfd, and only Linux is tested.
#if os(Linux)
import Glibc  // confstr, for the glibc version below
#else
#error("Crucible builds and runs on Linux only (Glibc, inotify, /proc, pidfd); see Requirements in README.md.")
#endif

// Start-up layout of the release binary (issue 17; figures in BENCHMARKS.md, "Start-up memory").
// The kernel maps a binary's pages as they are touched, a page-cache folio or 64 KB around each
// fault, so its resident memory is how scattered the code and data it touches are. Release builds
// therefore put each function of our modules in its own section, link with lld, place the functions
// that run up to the first screen together at the front of .text (scripts/symbol-order.txt, written
// by scripts/gen-symbol-order), and pack the 80,000 relative relocations of the position-independent
// binary (DT_RELR, 15 KB) instead of reading and applying 2 MB of them. Debug builds link as before.
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]
let startUpLinking: [LinkerSetting] = {
    // A function the order file names that the code no longer has is skipped without a warning: a
    // stale file costs memory, never the build. SwiftPM does not see the file change; a relink does.
    var flags = [
        "-use-ld=lld",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/symbol-order.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
        // The toolchain's static-stdlib link exports every symbol of our modules (7,200), and the
        // runtime's start-up dladdr walks them all; nothing looks our symbols up by name, and crash
        // backtraces read the binary's own symbol table. 0.6 MB less at the first screen.
        "-Xlinker", "--no-export-dynamic",
    ]
    // glibc's loader reads packed relocations from 2.36 (Debian 12) on and an older one refuses the
    // binary; scripts/play and make install build where the binary runs.
    var buffer = [CChar](repeating: 0, count: 64)
    _ = confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count)  // "glibc 2.36"
    let glibc = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    let version = glibc.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    if version.count >= 2, (version[0], version[1]) >= (2, 36) {
        flags += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
    }
    return [.unsafeFlags(flags, .when(platforms: [.linux], configuration: .release))]
}()

let package = Package(
    name: "Crucible",
    products: [
        .executable(name: "crucible", targets: ["crucible"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries. pkgConfig is deliberately left off: on Linux SwiftPM
        // drops the flags it would add, and Debian's headers sit on the default path.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // Restores the terminal when a signal or exit() ends the process while the full-screen UI owns it.
        .target(name: "CTerminalSignals"),

        // fork/exec with a process group and resource limits for running checks; waiting for the child and decoding its wait status.
        .target(name: "CProcessSpawn"),
        // The process table in /proc, to find and kill what a check's step left behind.
        .target(name: "CProcessTable"),
        // pipe2 with O_CLOEXEC, for a check's output and the wake pipes of the watcher and cancellation.
        .target(name: "CPipe"),

        // Lesson model, loading and linting, checks, progress, game rules. No terminal code.
        .target(
            name: "CrucibleEngine",
            dependencies: ["Yams", "CCmarkGFM", "CPipe", "CProcessSpawn", "CProcessTable"],
            swiftSettings: functionSections
        ),
        // App state, actions, update, and views that draw into a cell grid. No ncurses.
        .target(
            name: "CrucibleUI",
            dependencies: ["CrucibleEngine"],
            swiftSettings: functionSections
        ),
        // Runs the program: the run loop over a terminal protocol, the effect runner, the progress
        // session, course reload and watch sessions. Neither engine, view nor ncurses, so tests drive it in process.
        .target(
            name: "CrucibleRuntime",
            dependencies: ["CrucibleEngine", "CrucibleUI"],
            swiftSettings: functionSections
        ),
        // The only code that imports ncurses.
        .target(
            name: "CrucibleTerminal",
            dependencies: ["CNcursesw", "CTerminalSignals", "CrucibleUI"],
            swiftSettings: functionSections
        ),
        // Thin command-line front end: argument parsing and wiring.
        .executableTarget(
            name: "crucible",
            dependencies: [
                "CrucibleEngine", "CrucibleUI", "CrucibleRuntime", "CrucibleTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: functionSections,
            linkerSettings: startUpLinking
        ),

        // Helpers every test suite shares: course writers, polling with a deadline, tmux sessions, the in-memory terminal.
        .target(
            name: "CrucibleTestSupport", dependencies: ["CrucibleEngine", "CrucibleUI", "CrucibleRuntime"],
            path: "Tests/CrucibleTestSupport"),
        // Yams reads course files as JSON values for the JSON Schema tests.
        .testTarget(
            name: "CrucibleEngineTests",
            dependencies: ["CrucibleEngine", "CrucibleTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]),
        // Snapshots are read and written by path (#filePath), not as bundle resources.
        .testTarget(name: "CrucibleUITests", dependencies: ["CrucibleUI", "CrucibleTestSupport"], exclude: ["__Snapshots__"]),
        // Whole sessions in process: keys into the run loop through the test terminal, grids out.
        .testTarget(name: "CrucibleRuntimeTests", dependencies: ["CrucibleRuntime", "CrucibleTestSupport"]),
        .testTarget(
            name: "CrucibleCLITests", dependencies: ["CrucibleEngine", "CrucibleTestSupport", "crucible"],
            exclude: ["Fixtures"]),
    ]
)
