import CrucibleEngine
import Foundation

/// What `crucible reset` is about to forget: the lessons, how to name them, and the question
/// that asks the learner first. Planned from the course and progress before anything changes.
public struct ResetPlan: Sendable, Equatable {
    /// Which lessons to reset: one, a track's, or the whole course's.
    public enum Scope: Sendable, Equatable {
        case lesson(String)
        case track(String)
        case all
    }

    public let scope: Scope
    /// The lesson ids to reset (for the whole course, also records of lessons it no longer has).
    public let lessonIDs: [String]
    /// How messages name what is reset: "lesson `x`", "track `t`", "the whole course".
    public let what: String
    /// The question asked before resetting, without the question mark.
    public let question: String
    /// The course's build cache, whose folders of the planned lessons a reset empties.
    public let buildCache: BuildCache?
    /// The planned lessons that have a build cache folder now.
    public let cachedLessonIDs: [String]

    /// Plans a reset of `scope`; also restoring workspace files when `files` is set. Fails on an
    /// unknown track or lesson (a lesson the course no longer has may still have a record to forget).
    public init(
        _ scope: Scope, files: Bool, outline: CourseOutline, progress: CourseProgress,
        loaded: CourseLoadResult, buildCache: BuildCache? = nil
    ) throws {
        self.scope = scope
        self.buildCache = buildCache
        switch scope {
        case .all:
            (lessonIDs, what) = (Array(Set(outline.lessonIDs).union(progress.lessons.keys)).sorted(), "the whole course")
        case .track(let track):
            guard let entry = outline.track(track) else {
                let ids = outline.tracks.map(\.id)
                throw CommandFailure(
                    message: "no track has the id `\(track)`" + didYouMean(track, among: ids)
                        + " (the tracks are \(ids.map { "`\($0)`" }.joined(separator: ", ")))")
            }
            (lessonIDs, what) = (entry.lessonIDs, "track `\(track)`")
        case .lesson(let id):
            if outline.lesson(id) == nil, progress.lessons[id] == nil {
                throw CommandFailure(message: loaded.unknownLessonMessage(id))
            }
            (lessonIDs, what) = ([id], "lesson `\(id)`")
        }
        let all = scope == .all
        let earned = lessonIDs.reduce(0) { $0 + (progress.lessons[$1]?.xpEarned ?? 0) }
        let recorded = lessonIDs.filter { progress.lessons[$0] != nil }.count
        var question = "Reset \(what): \(recorded) lesson record\(recorded == 1 ? "" : "s"), \(all ? progress.xp : earned) XP"
        question += all ? ", the streak and \(progress.achievements.count) achievements" : ""
        let cached = Set(buildCache?.lessonIDs() ?? [])
        cachedLessonIDs = lessonIDs.filter(cached.contains)
        if !cachedLessonIDs.isEmpty {
            let count = cachedLessonIDs.count
            question += ", \(count) build cache folder" + (count == 1 ? "" : "s")
        }
        if files { question += ", and restore their workspace files to the starter" }
        self.question = question
    }

    /// Forgets the planned lessons in `progress` (the whole course: everything but settings).
    public func apply(to progress: inout CourseProgress) {
        if scope == .all { progress.resetAll() } else { progress.reset(lessons: lessonIDs) }
    }

    /// Empties the planned lessons' build cache folders; returns a line for each one emptied.
    public func emptyBuildCaches() throws -> [String] {
        guard let buildCache, !cachedLessonIDs.isEmpty else { return [] }
        do {
            return try buildCache.empty(lessonIDs: cachedLessonIDs).map { removal in
                "Emptied the build cache of `\(removal.lessonID)` (\(BuildCache.sizeText(removal.bytes))) in \(removal.folder.path)"
            }
        } catch {
            throw CommandFailure(message: "\(error)", status: ExitStatus.problems)
        }
    }

    /// Copies each planned code lesson's workspace folder aside, then restores its starter;
    /// returns a line for each thing done.
    public func restoreFiles(of course: Course, in workspace: Workspace, now: Date = Date()) throws -> [String] {
        let stamp = ISO8601DateFormatter.string(
            from: now, timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
        var lines: [String] = []
        for id in lessonIDs {
            guard let lesson = course.lessons.first(where: { $0.id == id }), lesson.code != nil else { continue }
            let reset: Workspace.Reset
            do { reset = try workspace.reset(lesson, keepingCopyAs: ".before-reset-\(stamp)") } catch {
                throw CommandFailure(message: "\(error)", status: ExitStatus.problems)
            }
            // The engine returns `kept` only once every file of the copy was read back and matched.
            if let kept = reset.kept {
                lines.append("Kept your files of `\(id)` (\(reset.keptFiles) file\(reset.keptFiles == 1 ? "" : "s")) in \(kept.path)")
            }
            if let target = reset.replacedLink {
                lines.append("\(reset.folder.path) was a link to \(target); it is now a real folder, and \(target) was not changed")
            }
            lines.append("Restored the starter files of `\(id)` in \(reset.folder.path)")
        }
        return lines
    }
}

extension ResetPlan {
    /// Whether the learner answers yes to `question` on the terminal (true at once when `assumeYes`).
    /// Fails when input is not a terminal, naming `--yes`, so a script never hangs on the question.
    public static func confirm(_ question: String, assumeYes: Bool) throws -> Bool {
        if assumeYes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "\(question) Input is not a terminal, so nothing was reset; pass --yes to confirm")
        }
        Output.ask("\(question) [y/N] ")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
