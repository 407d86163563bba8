// swift-tools-version: 6.1
import PackageDescription

// Linux only: the code imports Glibc and relies on inotify, /proc and pidfd, and only Linux is tested.
#if !os(Linux)
#error("Crucible builds and runs on Linux only (Glibc, inotify, /proc, pidfd); see Requirements in README.md.")
#endif

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
            dependencies: ["Yams", "CCmarkGFM", "CPipe", "CProcessSpawn", "CProcessTable"]
        ),
        // App state, actions, update, and views that draw into a cell grid. No ncurses.
        .target(
            name: "CrucibleUI",
            dependencies: ["CrucibleEngine"]
        ),
        // Runs the program: the run loop over a terminal protocol, the effect runner, the progress
        // session, course reload and watch sessions. Neither engine, view nor ncurses, so tests drive it in process.
        .target(
            name: "CrucibleRuntime",
            dependencies: ["CrucibleEngine", "CrucibleUI"]
        ),
        // The only code that imports ncurses.
        .target(
            name: "CrucibleTerminal",
            dependencies: ["CNcursesw", "CTerminalSignals", "CrucibleUI"]
        ),
        // Thin command-line front end: argument parsing and wiring.
        .executableTarget(
            name: "crucible",
            dependencies: [
                "CrucibleEngine", "CrucibleUI", "CrucibleRuntime", "CrucibleTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
