import ArgumentParser
import CrucibleEngine
import Foundation

/// `crucible doctor`: every tool the course uses, found or not, with versions and install hints.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "List the tools the course uses, whether each is installed, and its version.",
        discussion: "Exits 1 when a tool that a lesson of the course requires is missing.")

    @OptionGroup var course: CourseOptions

    func run() throws {
        let loaded = try? course.load()
        let lessons = loaded?.lessons ?? []
        var needed: [String: [String]] = [:]
        for lesson in lessons {
            let steps = (lesson.code?.steps ?? []) + (lesson.predict?.run ?? [])
            for tool in CheckEngine.requiredTools(lesson: lesson, steps: steps) { needed[tool, default: []].append(lesson.id) }
        }
        let names = ToolCatalog.all.map(\.name) + needed.keys.sorted().filter { name in !ToolCatalog.all.contains { $0.name == name } }
        let statuses = waitFor { await ToolProbe.shared.statuses(names) }
        print(DoctorText.render(statuses, needed: needed, color: Output.useColor))
        if let loaded {
            print("workspace: \(course.workspace(for: loaded).root.appendingPathComponent(course.workspace(for: loaded).courseID).path)")
        }
        print("check cache: \(CheckCache.defaultFolder().path)")
        if statuses.contains(where: { !$0.found && needed[$0.name] != nil }) { throw ExitCode(ExitStatus.problems) }
    }
}

enum DoctorText {
    static func render(_ statuses: [ToolStatus], needed: [String: [String]], color: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []
        for status in statuses {
            let info = ToolCatalog.info(status.name)
            let users = needed[status.name].map { "used by \($0.count) lesson\($0.count == 1 ? "" : "s")" } ?? "not used by this course"
            if let path = status.path {
                lines.append(paint("✓", "32") + " \(status.name): \(status.version ?? "version unknown") (\(path)); \(users)")
            } else {
                lines.append(paint("✗", "31") + " \(status.name): not found; \(users); for \(info.purpose)")
                lines.append("    Debian/Ubuntu: \(info.debian)")
                lines.append("    macOS: \(info.macOS)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
