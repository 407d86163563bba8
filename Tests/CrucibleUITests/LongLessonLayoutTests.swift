import CrucibleEngine
import CrucibleUI
import Dispatch
import Foundation
import Testing

/// Layout speed on a realistic 2,000-line lesson.
///
/// The layout always runs and must produce the whole lesson; its time is printed only when
/// CRUCIBLE_BENCH is set, as a figure rather than a bound (timings on a shared machine are noise):
/// `CRUCIBLE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter LayoutSpeed`.
@Suite struct LayoutSpeedTests {
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

    @Test func twoThousandLineLessonLaysOutQuickly() {
        let document = MarkdownDocument.parse(Self.lesson)
        var fastest = Double.infinity
        var lineCount = 0
        for _ in 0..<10 {
            let start = DispatchTime.now().uptimeNanoseconds
            lineCount = MarkdownLayout.lines(for: document, width: 100, theme: .standard).count
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        if ProcessInfo.processInfo.environment["CRUCIBLE_BENCH"] != nil {
            print("layout of a 2,000-line lesson at width 100: \(fastest) ms, \(lineCount) lines")
        }
        #expect(lineCount > 1_500)
    }
}
