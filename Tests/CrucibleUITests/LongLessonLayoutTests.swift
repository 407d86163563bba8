import CrucibleEngine
import CrucibleUI
import Testing

/// Layout of a realistic 2,000-line lesson: the whole lesson, within the width.
///
/// Its speed is measured by `scripts/bench-ui --long-lesson` (first screen and key redraw on a
/// course whose lesson has 2,000 lines), not here: timings on a shared machine are noise.
@Suite struct LongLessonLayoutTests {
    /// About 2,000 lines of prose, lists, quotes, tables and code in all four languages.
    static let lesson: String = {
        let section = """
            ## Ownership and borrowing

            Every value in Rust has *exactly one* owner. When the owner goes out of scope the value is **dropped**, \
            which is how Rust frees memory without a garbage collector. See [the book](https://doc.rust-lang.org/book/) \
            and `std::mem::drop` for details; compare with Swift's ARC and Go's tracing collector.

            - Moves transfer ownership; the old binding can no longer be used.
            - Borrows (`&T`, `&mut T`) lend access without taking ownership.
              - At any time: one mutable borrow *or* any number of shared ones.
              - References must never outlive the value they point to.
            1. Compile the example.
            2. Read the error message carefully.

            > Note: a data race needs two threads, shared memory and at least one write
            > without synchronisation. Swift 6 checks this at compile time with `Sendable`.

            | Language | Memory model | Data races |
            |:---------|:------------:|-----------:|
            | C | manual | undefined behaviour |
            | Rust | ownership | compile error |
            | Go | GC | race detector |
            | Swift | ARC | strict concurrency |

            ```rust
            #[derive(Debug, Clone)]
            struct Buffer<'a> { data: &'a [u8], len: usize } // a borrowed view
            fn main() {
                let v = vec![1, 2, 3];
                let total: i32 = v.iter().sum();
                println!("total = {}", total); /* block
                comment */
            }
            ```

            ```swift
            @MainActor final class Model: Sendable {
                let name = "crucible"
                func run() async throws -> Int { try await Task.sleep(for: .seconds(1)); return 42 }
            }
            ```

            ```c
            #include <stdlib.h>
            int main(void) { char *p = malloc(16); if (p == NULL) return 1; free(p); return 0; }
            ```

            ```go
            func worker(ch chan<- int) {
            \tfor i := range 10 { ch <- i * 2 }
            }
            ```

            ---


            """
        var lesson = "# Memory and concurrency\n\n"
        while lesson.split(separator: "\n", omittingEmptySubsequences: false).count < 2_000 { lesson += section }
        return lesson
    }()

    @Test func twoThousandLineLessonLaysOutWholeWithinTheWidth() {
        let lines = MarkdownLayout.lines(for: MarkdownDocument.parse(Self.lesson), width: 100, theme: .standard)
        #expect(lines.count > 1_500)
        let tooWide = lines.indices.filter { lines[$0].displayWidth > 100 }
        #expect(tooWide.isEmpty, "lines wider than 100 columns: \(tooWide.prefix(5).map { "\($0): \(lines[$0].plainText)" })")
        // Every section is laid out, down to the last one's closing code block.
        let sections = Self.lesson.components(separatedBy: "## Ownership and borrowing").count - 1
        #expect(lines.filter { $0.plainText.contains("Ownership and borrowing") }.count == sections)
        #expect(lines.filter { $0.plainText.contains("ch <- i * 2") }.count == sections)
    }
}
