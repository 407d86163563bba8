/// A language `crucible new lesson` writes predict and code templates in.
public enum TemplateLanguage: String, CaseIterable, Sendable {
    case swift, c, rust, go
}

/// One language's share of the templates: the predict program, the code lesson's files, and the
/// steps that build and run them.
///
/// Every code template is the same exercise, a sum of squares, so the starter (a stub returning 0)
/// fails, the solution passes, and the `off-by-one` variant (stops before `n`) fails in every language.
struct LanguageTemplate {
    /// The tool the lesson `requires`.
    var tool: String
    var fileExtension: String
    /// The function the learner writes, as the lesson body names it.
    var function: String
    /// The predict lesson's program: it prints 14.
    var predictProgram: String
    /// The code lesson's starter and solution (one file, `squares.EXT`).
    var starter: String
    var solution: String
    /// The solution's loop bound that includes n, and the one that stops before it.
    var inclusiveBound: String
    var exclusiveBound: String
    /// The hidden harness (`main.EXT`): prints one line per case, `FAIL: …` for a wrong one and
    /// `squares: ok` when all are right, and exits 0 so the check's output says what is wrong.
    var harness: String
    /// Extra flags for a code lesson's build, such as sanitizers.
    var codeBuildFlags: [String] = []
    /// Whether the code lesson's run step expects a clean sanitizer report.
    var sanitized = false
    /// The build's `env` lines, already indented for a step.
    var buildEnvironment: [String] = []

    /// The known-wrong variant: the solution with its loop stopping before n.
    var offByOne: String {
        let comment = tool == "clang" ? "/* Known wrong: the loop stops before n. */" : "// Known wrong: the loop stops before n."
        return comment + "\n" + solution.replacingOccurrences(of: inclusiveBound, with: exclusiveBound)
    }

    var sourceFile: String { "squares." + fileExtension }
    var harnessFile: String { "main." + fileExtension }
    var programFile: String { "program." + fileExtension }

    /// The `run` list (as YAML flow text) that compiles `sources` into `{scratch}/OUTPUT`; `crateRoot`
    /// is what rustc compiles, since it follows `mod` lines to the other files itself.
    func buildCommand(sources: [String], crateRoot: String, output: String, flags: [String] = []) -> String {
        let out = "\"{scratch}/\(output)\""
        let quotedFlags = flags.map { "\"\($0)\"" }
        let quotedSources = sources.map { $0.hasPrefix("{") ? "\"\($0)\"" : $0 }
        let words: [String] =
            switch tool {
            case "swiftc": ["swiftc"] + quotedFlags + ["\"-o\"", out] + quotedSources
            case "clang": ["clang"] + quotedFlags + ["\"-o\"", out] + quotedSources
            case "rustc": ["rustc", "\"--edition\"", "\"2021\""] + quotedFlags + ["\"-o\"", out, crateRoot]
            default: ["go", "build"] + quotedFlags + ["\"-o\"", out] + quotedSources
            }
        return "[" + words.joined(separator: ", ") + "]"
    }

    static func of(_ language: TemplateLanguage) -> LanguageTemplate {
        switch language {
        case .swift: swift
        case .c: c
        case .rust: rust
        case .go: go
        }
    }

    static let swift = LanguageTemplate(
        tool: "swiftc", fileExtension: "swift", function: "sumOfSquares",
        predictProgram: """
            var total = 0
            for i in 1...3 {
                total += i * i
            }
            print(total)

            """,
        starter: """
            /// Returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0.
            func sumOfSquares(_ n: Int) -> Int {
                // TODO: add up i * i for every i from 1 to n.
                return 0
            }

            """,
        solution: """
            /// Returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0.
            func sumOfSquares(_ n: Int) -> Int {
                var total = 0
                for i in stride(from: 1, through: n, by: 1) {
                    total += i * i
                }
                return total
            }

            """,
        inclusiveBound: "through: n", exclusiveBound: "to: n",
        harness: """
            // Hidden harness: calls the learner's function and prints what is wrong, so the check can say why it failed.
            var failures = 0
            for (n, expected) in [(0, 0), (1, 1), (3, 14), (10, 385)] {
                let got = sumOfSquares(n)
                print("sumOfSquares(\\(n)) = \\(got)")
                if got != expected {
                    print("FAIL: sumOfSquares(\\(n)) should be \\(expected)")
                    failures += 1
                }
            }
            if failures == 0 {
                print("squares: ok")
            }

            """)

    static let c = LanguageTemplate(
        tool: "clang", fileExtension: "c", function: "sum_of_squares",
        predictProgram: """
            #include <stdio.h>

            int main(void) {
                int total = 0;
                for (int i = 1; i <= 3; i++) {
                    total += i * i;
                }
                printf("%d\\n", total);
                return 0;
            }

            """,
        starter: """
            /* Returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0. */
            long sum_of_squares(int n) {
                /* TODO: add up i * i for every i from 1 to n. */
                (void)n;
                return 0;
            }

            """,
        solution: """
            /* Returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0. */
            long sum_of_squares(int n) {
                long total = 0;
                for (int i = 1; i <= n; i++) {
                    total += (long)i * i;
                }
                return total;
            }

            """,
        inclusiveBound: "i <= n", exclusiveBound: "i < n",
        harness: """
            /* Hidden harness: calls the learner's function and prints what is wrong, so the check can say why it failed. */
            #include <stdio.h>

            long sum_of_squares(int n);

            int main(void) {
                const int ns[] = {0, 1, 3, 10};
                const long expected[] = {0, 1, 14, 385};
                int failures = 0;
                for (int k = 0; k < 4; k++) {
                    long got = sum_of_squares(ns[k]);
                    printf("sum_of_squares(%d) = %ld\\n", ns[k], got);
                    if (got != expected[k]) {
                        printf("FAIL: sum_of_squares(%d) should be %ld\\n", ns[k], expected[k]);
                        failures++;
                    }
                }
                if (failures == 0) {
                    printf("squares: ok\\n");
                }
                return 0;
            }

            """,
        codeBuildFlags: ["-g", "-Wall", "-fsanitize=address,undefined", "{sanitizer_link}"],
        sanitized: true)

    static let rust = LanguageTemplate(
        tool: "rustc", fileExtension: "rs", function: "sum_of_squares",
        predictProgram: """
            fn main() {
                let mut total = 0;
                for i in 1..=3 {
                    total += i * i;
                }
                println!("{}", total);
            }

            """,
        starter: """
            /// Returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0.
            pub fn sum_of_squares(n: u64) -> u64 {
                // TODO: add up i * i for every i from 1 to n.
                let _ = n;
                0
            }

            """,
        solution: """
            /// Returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0.
            pub fn sum_of_squares(n: u64) -> u64 {
                (1..=n).map(|i| i * i).sum()
            }

            """,
        inclusiveBound: "1..=n", exclusiveBound: "1..n",
        harness: """
            // Hidden harness: calls the learner's function and prints what is wrong, so the check can say why it failed.
            mod squares;

            fn main() {
                let mut failures = 0;
                for (n, expected) in [(0u64, 0u64), (1, 1), (3, 14), (10, 385)] {
                    let got = squares::sum_of_squares(n);
                    println!("sum_of_squares({}) = {}", n, got);
                    if got != expected {
                        println!("FAIL: sum_of_squares({}) should be {}", n, expected);
                        failures += 1;
                    }
                }
                if failures == 0 {
                    println!("squares: ok");
                }
            }

            """)

    static let go = LanguageTemplate(
        tool: "go", fileExtension: "go", function: "SumOfSquares",
        predictProgram: """
            package main

            import "fmt"

            func main() {
            \ttotal := 0
            \tfor i := 1; i <= 3; i++ {
            \t\ttotal += i * i
            \t}
            \tfmt.Println(total)
            }

            """,
        starter: """
            package main

            // SumOfSquares returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0.
            func SumOfSquares(n int) int {
            \t// TODO: add up i * i for every i from 1 to n.
            \treturn 0
            }

            """,
        solution: """
            package main

            // SumOfSquares returns 1*1 + 2*2 + ... + n*n, or 0 when n is 0.
            func SumOfSquares(n int) int {
            \ttotal := 0
            \tfor i := 1; i <= n; i++ {
            \t\ttotal += i * i
            \t}
            \treturn total
            }

            """,
        inclusiveBound: "i <= n", exclusiveBound: "i < n",
        harness: """
            // Hidden harness: calls the learner's function and prints what is wrong, so the check can say why it failed.
            package main

            import "fmt"

            func main() {
            \tfailures := 0
            \tfor _, c := range []struct{ n, want int }{{0, 0}, {1, 1}, {3, 14}, {10, 385}} {
            \t\tgot := SumOfSquares(c.n)
            \t\tfmt.Printf("SumOfSquares(%d) = %d\\n", c.n, got)
            \t\tif got != c.want {
            \t\t\tfmt.Printf("FAIL: SumOfSquares(%d) should be %d\\n", c.n, c.want)
            \t\t\tfailures++
            \t\t}
            \t}
            \tif failures == 0 {
            \t\tfmt.Println("squares: ok")
            \t}
            }

            """,
        // Go's build cache persists per lesson ({cache}), so a check does not rebuild the standard
        // library; its module path must be writable and private to the check.
        buildEnvironment: ["GOCACHE: \"{cache}/go-build\"", "GOPATH: \"{scratch}/gopath\""])
}
