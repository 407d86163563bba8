import CrucibleEngine
import Foundation
import Testing

extension LoadingTests {
    /// Times `CourseLoader.load` on a large generated course when `CRUCIBLE_LOAD_TIMING_COURSE` names one.
    /// Run it on a release build; without the variable the test is skipped.
    @Suite("Load timing")
    struct LoadTimingTests {
        @Test(.enabled(if: ProcessInfo.processInfo.environment["CRUCIBLE_LOAD_TIMING_COURSE"] != nil))
        func timeLoadingAGeneratedCourse() throws {
            let path = try #require(ProcessInfo.processInfo.environment["CRUCIBLE_LOAD_TIMING_COURSE"])
            var times: [Duration] = []
            var result: CourseLoadResult?
            for _ in 0..<5 {
                let clock = ContinuousClock()
                times.append(clock.measure { result = CourseLoader.load(from: URL(fileURLWithPath: path)) })
            }
            let lessons = result?.tracks.reduce(0) { $0 + $1.lessons.count } ?? 0
            print(
                "loaded \(lessons) lessons, \(result?.diagnostics.count ?? 0) diagnostics; runs: "
                    + times.sorted().map { "\($0.components.attoseconds / 1_000_000_000_000_000 + $0.components.seconds * 1000) ms" }
                    .joined(separator: ", "))
            #expect(result?.diagnostics.isEmpty == true, "\(result?.diagnostics.prefix(5).map(\.description) ?? [])")
        }
    }
}
