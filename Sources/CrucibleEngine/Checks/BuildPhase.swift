import Foundation

/// Which phase of a build tool's run failed: building the code, or running what it built.
/// `go run`, `go test`, `cargo run`, `cargo test`, `swift run` and `swift test` do both in one
/// command; their own output says how far they got. Every other build tool only builds.
enum BuildPhase: Equatable {
    case build
    case run

    /// The tool's subcommand: its first argument that is no option (`test` in `cargo +nightly test`).
    static func subcommand(_ arguments: [String]) -> String? {
        arguments.first { !$0.hasPrefix("-") && !$0.hasPrefix("+") }
    }

    static func of(program: String, arguments: [String], stdout: String, stderr: String) -> BuildPhase {
        guard let subcommand = subcommand(arguments) else { return .build }
        switch (program, subcommand) {
        case ("go", "run"):
            // go run reports the program's failure as its last line: `exit status 2`.
            let last = stderr.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return last?.firstMatch(of: #/^exit status \d+$/#) != nil ? .run : .build
        case ("go", "test"):
            // A package that built ends with `FAIL\tpkg\t0.01s` (or `ok …`); one that did not, `[build failed]`.
            let output = stdout + "\n" + stderr
            if output.contains("[build failed]") || output.contains("[setup failed]") { return .build }
            let ran = output.split(separator: "\n").contains {
                $0.hasPrefix("--- FAIL") || $0.firstMatch(of: #/^(?:FAIL|ok)\s+\S+\s+[\d.]+s/#) != nil
            }
            return ran ? .run : .build
        case ("cargo", "run"), ("cargo", "test"):
            // cargo announces each program it runs: `     Running unittests src/lib.rs (…)`, `Running `target/debug/app``.
            let running = stderr.split(separator: "\n").contains { $0.firstMatch(of: #/^\s+(?:Running|Doc-tests) /#) != nil }
            return running ? .run : .build
        case ("swift", "run"), ("swift", "test"):
            // SwiftPM ends a successful build with `Build complete!` or `Build of product 'x' complete!`.
            let output = stdout + "\n" + stderr
            return output.contains("Build complete!") || output.contains(#/Build of product '.+' complete!/#) ? .run : .build
        default:
            return .build
        }
    }

    /// Whether a `go test` that did not build failed in its `go vet` pass rather than compiling:
    /// vet reports a package under a bare `# pkg` line with printf-style findings, while a
    /// compile error of the package under test is headed `# pkg [pkg.test]`. A compile error of
    /// a package without internal tests also has a bare header, so the message decides.
    static func goTestVetFailed(_ output: String) -> Bool {
        let lines = output.split(separator: "\n")
        guard let header = lines.firstIndex(where: { $0.hasPrefix("# ") }), !lines[header].contains(" [") else { return false }
        guard let first = lines[(header + 1)...].first(where: { $0.firstMatch(of: #/^\S+\.go:\d+/#) != nil }) else { return false }
        return first.contains(goVetMessage)
    }

    /// The messages of the analyzers `go test` runs (atomic, bools, buildtag, errorsas,
    /// ifaceassert, nilfunc, printf, stringintconv): the compiler words none of its errors so.
    private nonisolated(unsafe) static let goVetMessage =
        #/format %|formatting directive|redundant newline|call needs \d+ args?|direct assignment to atomic value|(?:redundant|suspect) (?:or|and):|second argument to errors\.As|impossible type assertion|comparison of function \w+ [!=]= nil|yields a string of one rune/#
}
