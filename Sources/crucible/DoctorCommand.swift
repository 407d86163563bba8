import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI
import Foundation

/// `crucible doctor`: every tool the course uses, found or not, with versions and install hints.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "List the tools the course uses, whether each is installed and works, and its version.",
        discussion: """
            Each tool is run (`--version` or its equivalent) to see that it works. \
            Exits 1 when a tool that a lesson's check runs is missing or does not work.
            """)

    @OptionGroup var course: CourseOptions

    func run() throws {
        let loaded = try? course.load()
        let tools = CourseToolNeeds(loaded?.lessons ?? [])
        let statuses = waitFor { await ToolProbe.shared.statuses(tools.names) }
        Output.print(DoctorText.render(statuses, needed: tools.needed))
        if let workspace = loaded.map(course.workspace(for:)) {
            Output.print("workspace: \(workspace.root.appendingPathComponent(workspace.courseID).path)")
        }
        Output.print("check cache: \(CheckCache.defaultFolder().path)")
        if tools.anyNeededNotWorking(statuses) { throw ExitCode(ExitStatus.problems) }
    }
}

enum DoctorText {
    static func render(_ statuses: [ToolStatus], needed: [String: [String]]) -> [StyledLine] {
        var lines: [StyledLine] = []
        for status in statuses {
            let info = ToolCatalog.info(status.name)
            let users = needed[status.name].map { "used by \($0.count) lesson\($0.count == 1 ? "" : "s")" } ?? "not used by this course"
            switch status.state {
            case .working(let version):
                // The version line can be long (clang names its repository), so the path and use
                // go on a line of their own, as for a broken tool, and both fit 80 columns more often.
                lines.append(StyledLine("✓", style: Paint.good) + " \(status.name): \(version ?? "version unknown")")
                lines.append(StyledLine("    \(status.path ?? ""); \(users)"))
            case .missing:
                lines.append(StyledLine("✗", style: Paint.bad) + " \(status.name): not found; \(users); for \(info.purpose)")
                lines.append(StyledLine("    Debian/Ubuntu: \(info.debian)"))
                lines.append(StyledLine("    macOS: \(info.macOS)"))
            case .broken(let error):
                lines.append(StyledLine("✗", style: Paint.bad) + " \(status.name): not working — \(error)")
                lines.append(StyledLine("    \(status.path ?? ""); \(users); for \(info.purpose)"))
                lines += info.broken(error: error).fixes.enumerated().map { index, fix in StyledLine((index == 0 ? "    fix: " : "         ") + fix) }
            }
        }
        return lines
    }
}
