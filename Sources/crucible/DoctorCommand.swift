import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `crucible doctor`: every tool the course uses, found or not, with versions and install hints.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "List the tools the course uses, whether each is installed and works, and its version.",
        discussion: """
            Each tool is run (`--version` or its equivalent) to see that it works. \
            Exits 1 when a tool that a lesson's check runs is missing or does not work. \
            Also says whether checks run in the bubblewrap sandbox, and if not, how to enable it.
            """)

    @OptionGroup var course: CourseOptions

    func run() throws {
        let loaded = try? course.load()
        let tools = CourseToolNeeds(loaded?.lessons ?? [], tools: loaded?.course?.tools ?? .builtIn)
        let statuses = waitFor { await ToolProbe.shared.statuses(tools.names, in: tools.catalog) }
        Output.print(
            ToolStatusText.render(
                statuses, needed: tools.needed, optional: tools.optional, tools: tools.catalog, tooOld: tools.tooOld(statuses)))
        if let workspace = loaded.map(course.workspace(for:)) {
            Output.print("workspace: \(workspace.root.appendingPathComponent(workspace.courseID).path)")
        }
        Output.print("check cache: \(CheckCache.defaultFolder().path)")
        if let loaded { Output.print("build cache: \(course.locations.buildCache(for: loaded).folder.path)") }
        let sandbox = SandboxStatus.detect()
        Output.print("sandbox: \(sandbox.summary)")
        if let notice = sandbox.notice { Output.print("  " + notice) }
        if tools.anyNeededNotWorking(statuses) { throw ExitCode(ExitStatus.problems) }
    }
}
