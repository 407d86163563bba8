import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible reset ID | --track T | --all`: forget progress after a confirmation.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Reset your progress in a lesson, a track, or the whole course.",
        discussion: """
            Asks first; --yes skips the question (needed when input is not a terminal). The XP the \
            lessons earned is taken back; achievements already earned are kept, except with --all. \
            The progress file as it was is kept as a backup (FILE.bak).

            With --files, code lessons' files in your workspace are restored to the starter too; \
            what they replace is copied first, by content and verified, to a folder beside them \
            named LESSON.before-reset-TIME; if that copy cannot be made, nothing is restored.

            Examples:
              crucible reset memory.value-and-reference
              crucible reset --track memory --files
              crucible reset --all --yes
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lesson to reset.")
    var id: String?

    @Option(help: "Reset every lesson of this track.")
    var track: String?

    @Flag(help: "Reset the whole course (your settings are kept).")
    var all = false

    @Flag(help: "Also restore your workspace files to the starter, keeping a copy of what they replace.")
    var files = false

    @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
    var yes = false

    func validate() throws {
        let chosen = [id != nil, track != nil, all].filter { $0 }.count
        if chosen != 1 { throw ValidationError("name exactly one of: a lesson id, --track TRACK, or --all") }
    }

    func run() throws {
        let session = try ProgressSession(options: course)
        let current = session.store.current
        let (ids, what) = try target(in: session, progress: current)
        let earned = ids.reduce(0) { $0 + (current.lessons[$1]?.xpEarned ?? 0) }
        let recorded = ids.filter { current.lessons[$0] != nil }.count
        var question = "Reset \(what): \(recorded) lesson record\(recorded == 1 ? "" : "s"), \(all ? current.xp : earned) XP"
        question += all ? ", the streak and \(current.achievements.count) achievements" : ""
        if files { question += ", and restore their workspace files to the starter" }
        guard try confirm(question + "?") else {
            Output.error("crucible: nothing was reset")
            throw ExitCode(ExitStatus.problems)
        }
        try session.update { progress in
            if all { progress.resetAll() } else { progress.reset(lessons: ids) }
        }
        Output.print("Reset \(what).")
        if files { try restoreFiles(ids, session: session) }
    }

    /// The lesson ids to reset and how to name them in messages.
    private func target(in session: ProgressSession, progress: CourseProgress) throws -> ([String], String) {
        if all { return (Array(Set(session.outline.lessonIDs).union(progress.lessons.keys)).sorted(), "the whole course") }
        if let track {
            guard let entry = session.outline.track(track) else {
                let ids = session.outline.tracks.map(\.id)
                throw CommandFailure(message: "no track has the id `\(track)`" + didYouMean(track, among: ids)
                                     + " (the tracks are \(ids.map { "`\($0)`" }.joined(separator: ", ")))")
            }
            return (entry.lessonIDs, "track `\(track)`")
        }
        let id = id ?? ""
        // A lesson the course no longer has may still have a record to forget.
        if session.outline.lesson(id) == nil, progress.lessons[id] == nil {
            throw CommandFailure(message: session.loaded.unknownLessonMessage(id))
        }
        return ([id], "lesson `\(id)`")
    }

    private func confirm(_ question: String) throws -> Bool {
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "\(question) Input is not a terminal, so nothing was reset; pass --yes to confirm")
        }
        Output.ask("\(question) [y/N] ")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// Copies each code lesson's workspace folder aside, then restores the starter.
    private func restoreFiles(_ ids: [String], session: ProgressSession) throws {
        let workspace = course.workspace(for: session.loaded)
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
        for id in ids {
            guard let lesson = session.course.lessons.first(where: { $0.id == id }), lesson.code != nil else { continue }
            let reset: Workspace.Reset
            do { reset = try workspace.reset(lesson, keepingCopyAs: ".before-reset-\(stamp)") } catch {
                throw CommandFailure(message: "\(error)", status: ExitStatus.problems)
            }
            // The engine returns `kept` only once every file of the copy was read back and matched.
            if let kept = reset.kept {
                Output.print("Kept your files of `\(id)` (\(reset.keptFiles) file\(reset.keptFiles == 1 ? "" : "s")) in \(kept.path)")
            }
            if let target = reset.replacedLink {
                Output.print("\(reset.folder.path) was a link to \(target); it is now a real folder, and \(target) was not changed")
            }
            Output.print("Restored the starter files of `\(id)` in \(reset.folder.path)")
        }
    }
}
