import CrucibleEngine
import Foundation

/// Saves progress in a loop and prints each saved count, for the crash and two-process tests
/// and scripts/bench-progress (`crucible progress __stress`).
public enum ProgressStress {
    /// Makes `saves` saves (0: until killed), counting them in `lesson`, with `padding` lessons
    /// in the file so writes have a realistic size; with `timings`, prints each save's latency in µs.
    public static func run(file: URL, saves: Int, lesson: String, padding: Int, timings: Bool) throws {
        do {
            let store = try ProgressStore(courseID: "stress", file: file)
            var saved = 0
            while saves == 0 || saved < saves {
                // xp and the lesson's attempts move together, so a torn write would show as a mismatch.
                let start = DispatchTime.now().uptimeNanoseconds
                let value = try store.update { (progress: inout CourseProgress) -> Int in
                    progress.xp += 1
                    progress[lesson: lesson].attempts += 1
                    progress[lesson: lesson].status = .attempted
                    // Padded once: looking up every padding lesson on every save cost a tenth of a
                    // 2,000-lesson save's time, which the benchmark then counted as saving.
                    for index in 0..<padding where progress.lessons.count <= padding && progress.lessons["pad-\(index)"] == nil {
                        progress[lesson: "pad-\(index)"] = LessonProgress(status: .passed, attempts: 1, passedAt: Date())
                    }
                    return progress.xp
                }
                let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1_000
                saved += 1
                Output.say(timings ? "\(value) \(micros)" : "\(value)")
            }
        } catch let error as ProgressError {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
    }
}
