import CrucibleEngine
import CrucibleTestSupport
import Foundation
import Testing

/// `crucible check`, `verify` and `doctor` driven as a user drives them.
@Suite(.serialized) struct CheckCommandTests {
    /// A private workspace, cache and progress file, so tests never touch the user's.
    private func environment(_ folder: URL) -> [String: String] {
        [
            "CRUCIBLE_WORKSPACE": folder.appendingPathComponent("workspace").path,
            "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            "CRUCIBLE_PROGRESS": folder.appendingPathComponent("progress.json").path,
        ]
    }

    @Test func quizAnswersArePositionalPerQuestion() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let right = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "3", "1,2,4"], environment: environment(folder))
        #expect(right.status == 0, "\(right.stdout)\(right.stderr)")
        #expect(right.stdout.hasPrefix("✓ passed"))

        let wrong = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "1", "1,2,4"], environment: environment(folder))
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("C never frees memory for you"), "\(wrong.stdout)")

        let usage = try CrucibleRunner.run(["check", "orientation.warm-up-quiz", "3"], environment: environment(folder))
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("2 questions"))
    }

    @Test func predictShowsTheRealOutputAfterTheAnswer() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CrucibleRunner.run(["check", "memory.value-and-reference", " 0   1 "], environment: environment(folder))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("The program's real output:\n    0 1"), "\(result.stdout)")
    }

    @Test func codeCheckCopiesTheStarterReportsTheCompileErrorAndCaches() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CrucibleRunner.run(["check", "orientation.first-fix", "--json"], environment: environment(folder), timeout: 300)
        #expect(first.status == 1, "\(first.stdout)\(first.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(json["outcome"] as? String == "failed")
        #expect(json["reason"] as? String == "compileError")
        let error = try #require(json["compilerError"] as? [String: Any])
        #expect(error["file"] as? String == "sum.swift")
        #expect(error["line"] as? Int == 5)
        #expect(json["fromCache"] as? Bool == false)
        let copied = folder.appendingPathComponent("workspace/crucible/orientation.first-fix/sum.swift")
        #expect(FileManager.default.fileExists(atPath: copied.path))

        let again = try CrucibleRunner.run(["check", "orientation.first-fix"], environment: environment(folder), timeout: 300)
        #expect(again.status == 1)
        #expect(again.stdout.hasPrefix("✗ failed (compile error)"), "\(again.stdout)")
        #expect(again.stdout.contains("sum.swift:5:"))
        #expect(again.stdout.contains("cached"))
        #expect(again.stdout.contains("crucible hint orientation.first-fix"))

        let solution = CrucibleRunner.bundledLessons.appendingPathComponent("00-orientation/03-first-fix/solution/sum.swift")
        try FileManager.default.removeItem(at: copied)
        try FileManager.default.copyItem(at: solution, to: copied)
        let fixed = try CrucibleRunner.run(["check", "orientation.first-fix"], environment: environment(folder), timeout: 300)
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(!fixed.stdout.contains("\u{1B}["), "colour in a pipe")
        let progress = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("progress.json")))
                as? [String: Any])
        let lessons = ((progress["courses"] as? [String: Any])?["crucible"] as? [String: Any])?["lessons"] as? [String: Any]
        let record = try #require(lessons?["orientation.first-fix"] as? [String: Any], "\(progress)")
        // The first failure and the pass; the cached failure in between judged the same files again.
        #expect(record["attempts"] as? Int == 2, "\(record)")
    }

    @Test func verifyPassesOnTheBundledCourse() throws {
        let result = try CrucibleRunner.run(["verify", "--jobs", "2"], timeout: 1200)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("orientation.first-fix"))
        #expect(result.stdout.contains("starter: failed (compile error); solution: passed"))
        // Every lesson really ran: scripts/test installs every tool the course needs, so a
        // skipped lesson (a missing rustc or go) would leave its checks unverified in CI.
        #expect(
            result.stdout.contains(", 0 skipped"), "a lesson was skipped; scripts/deps --for-tests installs its tool:\n\(result.stdout)")
        // Sandboxed, as a learner's checks are where bubblewrap works (scripts/deps installs it).
        #expect(SandboxStatus.detect().sandbox != nil, "bubblewrap does not work here: \(SandboxStatus.detect().summary)")
        #expect(!result.stderr.contains("not sandboxed"), "\(result.stderr)")
    }

    /// A course whose every lesson is skipped verified nothing, so verify says so and fails, unless
    /// skips are allowed; so does a course where only some were skipped.
    /// `check --json` carries every metric, every comparison and every step's usage, and the
    /// judged check's medians go into the lesson's `metricHistory`.
    @Test func jsonHasTheMetricsComparisonsAndUsageAndProgressKeepsTheMedians() throws {
        let folder = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let course = folder.appendingPathComponent("course")
        try CrucibleRunner.writeOneLessonCourse(
            steps: """
                - name: build
                  run: [sh, -c, "echo crucible-metric baseline.throughput 1000 req/s"]
                - name: load
                  run: [sh, -c, "echo crucible-metric learner.throughput 1500 req/s; echo crucible-metric learner.errors 0 count"]
                  expect:
                    ratio: { metric: learner.throughput, baseline: baseline.throughput, atLeast: 1.2 }
                    bounds: [{ metric: learner.errors, atMost: 0 }]
                """, file: "one\n\ntwo\n", in: course)
        let run = try CrucibleRunner.run(["check", "--lessons", course.path, "t.l", "--json"], environment: environment(folder))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        #expect(
            metrics.compactMap { $0["name"] as? String }
                == [
                    "baseline.throughput", "build.wall_time", "build.cpu_time", "build.peak_memory", "learner.throughput",
                    "learner.errors", "load.wall_time", "load.cpu_time", "load.peak_memory",
                ])
        #expect(metrics[0]["dimension"] as? String == "rate")
        #expect(metrics[0]["values"] as? [Double] == [1000])
        #expect(metrics[0]["median"] as? Double == 1000)
        let comparisons = try #require(json["comparisons"] as? [[String: Any]])
        #expect(comparisons.compactMap { $0["kind"] as? String } == ["ratio", "bound"])
        #expect(comparisons[0]["factor"] as? Double == 1.5)
        #expect(comparisons[0]["baseline"] as? String == "baseline.throughput")
        #expect(comparisons[0]["atLeast"] as? Double == 1.2)
        #expect(comparisons[1]["atMost"] as? Double == 0)
        #expect(comparisons.allSatisfy { $0["passed"] as? Bool == true })
        #expect(json["linesOfCode"] as? Int == 2)
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(steps.count == 2)
        for step in steps {
            let usage = try #require(step["usage"] as? [String: Any], "\(step)")
            #expect((usage["peakMemoryBytes"] as? Int ?? 0) > 0)
        }

        let progress = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("progress.json"))) as? [String: Any])
        let lessons = ((progress["courses"] as? [String: Any])?["c"] as? [String: Any])?["lessons"] as? [String: Any]
        let history = try #require((lessons?["t.l"] as? [String: Any])?["metricHistory"] as? [[String: Any]], "\(progress)")
        #expect(history.count == 1)
        #expect(history[0]["passed"] as? Bool == true)
        #expect(history[0]["linesOfCode"] as? Int == 2)
        let medians = try #require(history[0]["medians"] as? [String: [String: Any]])
        #expect(medians["learner.throughput"]?["median"] as? Double == 1500)
        #expect(medians["learner.throughput"]?["dimension"] as? String == "rate")
        #expect(medians["build.wall_time"]?["dimension"] as? String == "time")
    }

    @Test func verifyFailsWhenAnyLessonWasSkipped() throws {
        let course = try CrucibleRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        let lesson = course.appendingPathComponent("01-t/01-l")
        for folder in ["starter", "solution"] {
            try FileManager.default.createDirectory(at: lesson.appendingPathComponent(folder), withIntermediateDirectories: true)
            try "int main(void) { return 0; }\n".write(
                to: lesson.appendingPathComponent(folder + "/main.c"), atomically: true, encoding: .utf8)
        }
        try "id: c\ntitle: C\nwelcome: hi\n".write(to: course.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "id: t\ntitle: T\nsummary: s\n".write(to: course.appendingPathComponent("01-t/track.yml"), atomically: true, encoding: .utf8)
        try """
        ---
        id: t.l
        title: L
        kind: code
        code:
          language: c
          starter: [main.c]
          solution: [main.c]
          steps:
            - run: [crucible-no-such-tool, main.c]
        ---
        You will fix it.
        """.write(to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)

        let strict = try CrucibleRunner.run(["verify", "--lessons", course.path, "--jobs", "1"])
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stdout.contains("0 ok, 0 with problems, 1 skipped"), "\(strict.stdout)")
        #expect(strict.stderr.contains("nothing was verified: every lesson was skipped"), "\(strict.stderr)")
        #expect(strict.stderr.contains("pass --allow-skips"), "\(strict.stderr)")

        #expect(strict.stdout.contains("1 skipped (`crucible-no-such-tool` not installed: 1)"), "\(strict.stdout)")

        let allowed = try CrucibleRunner.run(["verify", "--lessons", course.path, "--jobs", "1", "--allow-skips"])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(allowed.stderr.contains("nothing was verified"), "still said: \(allowed.stderr)")

        // One lesson verified and one skipped: the skipped one was still not verified, so it fails
        // too, naming how many were skipped and why.
        try CrucibleRunner.write("01-t/02-r/lesson.md", "---\nid: t.r\ntitle: R\nkind: read\n---\nRead.\n", in: course)
        let some = try CrucibleRunner.run(["verify", "--lessons", course.path, "--jobs", "1"])
        #expect(some.status == 1, "\(some.stdout)\(some.stderr)")
        #expect(
            some.stdout.contains("2 lesson(s): 1 ok, 0 with problems, 1 skipped (`crucible-no-such-tool` not installed: 1)"),
            "\(some.stdout)")
        #expect(
            some.stderr.contains("1 of 2 lessons was skipped, so not verified (`crucible-no-such-tool` not installed: 1)"), "\(some.stderr)"
        )
        #expect(some.stderr.contains("pass --allow-skips"), "\(some.stderr)")
        let someAllowed = try CrucibleRunner.run(["verify", "--lessons", course.path, "--jobs", "1", "--allow-skips"])
        #expect(someAllowed.status == 0, "\(someAllowed.stdout)\(someAllowed.stderr)")
    }

    /// `verify --help` names the default of --jobs once, in its own words.
    @Test func verifyHelpNamesEachDefaultOnce() throws {
        let help = try CrucibleRunner.run(["verify", "--help"])
        let jobs = help.stdout.components(separatedBy: "--jobs <jobs>").dropFirst().joined()
        #expect(
            jobs.contains("(default: the") && !jobs.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"), "\(help.stdout)"
        )
        #expect(help.stdout.components(separatedBy: "(default:").count == 3, "ids and --jobs, once each:\n\(help.stdout)")
    }

    @Test func doctorListsEveryToolFoundOrNot() throws {
        let result = try CrucibleRunner.run(["doctor"])
        for tool in ["swiftc", "clang", "gcc", "rustc", "go"] {
            #expect(result.stdout.contains(" \(tool): "), "\(tool) missing from:\n\(result.stdout)")
        }
        #expect(result.stdout.contains("Swift version") || result.stdout.contains("swiftc: not found"))
    }
}
