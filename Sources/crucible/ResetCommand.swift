import ArgumentParser
import CrucibleEngine
import CrucibleRuntime

/// `crucible reset ID | --track T | --all`: forget progress after a confirmation.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Reset your progress in a lesson, a track, or the whole course.",
        discussion: """
            Asks first; --yes skips the question (needed when input is not a terminal). The XP the \
            lessons earned is taken back; achievements already earned are kept, except with --all. \
            The progress file as it was is kept as a backup (FILE.bak). The lessons' build cache \
            folders (what `{cache}` names in their checks) are emptied, so the next check builds \
            from scratch.

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
        let session = try course.openProgress()
        let scope: ResetPlan.Scope = all ? .all : track.map { .track($0) } ?? .lesson(id ?? "")
        let plan = try ResetPlan(
            scope, files: files, outline: session.outline, progress: session.store.current,
            loaded: session.loaded, buildCache: course.locations.buildCache(for: session.loaded))
        guard try ResetPlan.confirm(plan.question + "?", assumeYes: yes) else {
            Output.error("crucible: nothing was reset")
            throw ExitCode(ExitStatus.problems)
        }
        try session.update { plan.apply(to: &$0) }
        Output.print("Reset \(plan.what).")
        for line in try plan.emptyBuildCaches() { Output.print(line) }
        if files {
            for line in try plan.restoreFiles(of: session.course, in: course.workspace(for: session.loaded)) { Output.print(line) }
        }
    }
}
