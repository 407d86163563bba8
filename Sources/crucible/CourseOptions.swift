import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI
import Foundation

/// `--lessons DIR`, shared by every command, and loading the course it names.
struct CourseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The course folder (a folder holding course.yml).",
            discussion: "Defaults to $\(BundledCourse.environmentKey), then the bundled course.",
            valueName: "dir"))
    var lessons: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder holding your copies of code lessons' files.",
            discussion:
                "Defaults to $\(Workspace.environmentKey), then $XDG_DATA_HOME/crucible/workspace, then ~/.local/share/crucible/workspace.",
            valueName: "dir"))
    var workspace: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Your progress file.",
            discussion:
                "Defaults to $\(ProgressLocation.environmentKey), then $XDG_STATE_HOME/crucible/progress.json, then ~/.local/state/crucible/progress.json.",
            valueName: "file"))
    var progress: String?

    @Flag(name: .long, help: "No colours, on screen or in printed text (the same as NO_COLOR=1).")
    var noColor = false

    /// Publishes --no-color as NO_COLOR, which every printer and the terminal layer already honour.
    func validate() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
    }

    /// The locations these options name, for the runtime's course loading.
    var locations: CourseLocations { CourseLocations(lessons: lessons, workspace: workspace, progress: progress) }

    /// How the commands this run prints name the course, workspace and progress file.
    var followUp: FollowUpCommands { locations.followUp }

    /// The lesson `id` of `loaded`, or a failure whose "did you mean" names the list command as it works here.
    func lesson(_ id: String, in loaded: CourseLoadResult) throws -> Lesson {
        try requireLesson(id, in: loaded, followUp: followUp)
    }

    func folder() throws -> URL { try locations.folder() }
    func load() throws -> CourseLoadResult { try locations.load() }
    func workspace(for course: CourseLoadResult) -> Workspace { locations.workspace(for: course) }
    func game(for loaded: CourseLoadResult) -> GameState? { locations.game(for: loaded) }
}
