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
        lines.append(
            StyledLine("\(results.count) lesson(s): \(count(.ok)) ok, \(count(.problem)) with problems, \(count(.skipped)) skipped"))
        return lines
    }
}

extension VerifyTable {
    /// `crucible verify`: verifies `lessons`, `jobs` at a time (builds sharing `buildCache`),
    /// prints the table (or JSON) and returns the exit status.
    public static func verify(
        _ lessons: [Lesson], jobs: Int, json: Bool, loadErrors: Int, allowSkips: Bool, buildCache: BuildCache = .temporary
    ) throws -> Int32 {
        let verifier = Verifier(engine: CheckEngine(cache: nil, buildCache: buildCache))
        let results = waitFor { await verifier.verify(lessons, jobs: jobs) }
        if json {
            try Output.print(encoding: results)
        } else {
            Output.print(render(results))
        }
        return exitStatus(results.map(\.status), loadErrors: loadErrors, allowSkips: allowSkips)
    }

    /// The exit status for lessons verified with `statuses`: problems, lessons that did not load,
    /// or (unless skips are allowed) nothing verified at all fail; the last is explained on stderr.
    public static func exitStatus(_ statuses: [LessonVerification.Status], loadErrors: Int, allowSkips: Bool) -> Int32 {
        let problems = statuses.filter { $0 == .problem }.count
        let allSkipped = !statuses.isEmpty && statuses.allSatisfy { $0 == .skipped }
        if allSkipped {
            Output.error(
                "nothing was verified: every lesson was skipped because its tools are missing or broken here, "
                    + "or it is for another platform (see `crucible doctor`)"
                    + (allowSkips ? "" : "; install them, or pass --allow-skips to accept this"))
        }
        return problems > 0 || loadErrors > 0 || (allSkipped && !allowSkips) ? ExitStatus.problems : ExitStatus.success
    }
}
