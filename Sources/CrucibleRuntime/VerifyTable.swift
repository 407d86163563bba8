import CrucibleEngine
import CrucibleUI
import Foundation

/// The verify results as a table: lesson, outcome, time, then the problems under it.
public enum VerifyTable {
    public static func render(_ results: [LessonVerification]) -> [StyledLine] {
        let idWidth = max(6, results.map(\.lessonID.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [StyledLine(pad("lesson", idWidth) + "  " + pad("outcome", 8) + "  " + "time    details")]
        for result in results {
            let status = pad(result.status.rawValue, 8)
            let painted =
                switch result.status {
                case .ok: StyledLine(status, style: Paint.good)
                case .problem: StyledLine(status, style: Paint.badMark)
                case .skipped: StyledLine(status, style: Paint.caution)
                }
            let time = pad(String(format: "%.1f s", result.duration), 6)
            lines.append(pad(result.lessonID, idWidth) + "  " + painted + ("  " + time + "  " + result.checks.joined(separator: "; ")))
            lines += result.problems.map { "    " + StyledLine("problem: " + $0, style: Paint.bad) }
        }
        let count = { (status: LessonVerification.Status) in results.filter { $0.status == status }.count }
        let why = skipReasons(results).map { " (\($0))" } ?? ""
        lines.append(
            StyledLine("\(results.count) lesson(s): \(count(.ok)) ok, \(count(.problem)) with problems, \(count(.skipped)) skipped" + why))
        return lines
    }

    /// Why lessons were skipped, each reason once with how many it stopped, most first:
    /// "`go` not installed: 3; runs on macOS only: 1"; nil when none was skipped.
    public static func skipReasons(_ results: [LessonVerification]) -> String? {
        var counts: [String: Int] = [:]
        for result in results where result.status == .skipped { counts[result.skipReason ?? "not checked here", default: 0] += 1 }
        guard !counts.isEmpty else { return nil }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }
}

extension VerifyTable {
    /// `crucible verify`: verifies `lessons`, `jobs` at a time (builds sharing `buildCache`),
    /// prints the table (or JSON) and returns the exit status.
    public static func verify(
        _ lessons: [Lesson], jobs: Int, json: Bool, loadErrors: Int, allowSkips: Bool, followUp: FollowUpCommands = .plain,
        buildCache: BuildCache = .temporary, sandbox: Sandbox? = nil
    ) throws -> Int32 {
        let verifier = Verifier(engine: CheckEngine(cache: nil, buildCache: buildCache, sandbox: sandbox))
        let results = waitFor { await verifier.verify(lessons, jobs: jobs) }
        if json {
            try Output.print(encoding: results)
        } else {
            Output.print(render(results))
        }
        return exitStatus(results, loadErrors: loadErrors, allowSkips: allowSkips, followUp: followUp)
    }

    /// The exit status for `results`: problems, lessons that did not load, or (unless skips are
    /// allowed) any skipped lesson fail, since a skipped lesson was not verified; skips are explained on stderr.
    public static func exitStatus(
        _ results: [LessonVerification], loadErrors: Int, allowSkips: Bool, followUp: FollowUpCommands = .plain
    ) -> Int32 {
        let problems = results.filter { $0.status == .problem }.count
        let skipped = results.filter { $0.status == .skipped }.count
        if let why = skipReasons(results) {
            let what =
                skipped == results.count
                ? "nothing was verified: every lesson was skipped"
                : "\(skipped) of \(results.count) lessons \(skipped == 1 ? "was" : "were") skipped, so not verified"
            Output.error(
                "\(what) (\(why)); see `\(followUp.command("doctor"))`"
                    + (allowSkips ? "" : "; install the tools, or pass --allow-skips to accept this"))
        }
        return problems > 0 || loadErrors > 0 || (skipped > 0 && !allowSkips) ? ExitStatus.problems : ExitStatus.success
    }
}
