import CrucibleEngine
import Foundation

/// The tools `crucible doctor` probes: every tool of the catalogue, then any other tool a
/// lesson's check runs on this platform, with the lessons that use each.
public struct CourseToolNeeds: Sendable {
    /// Tool name → ids of the lessons whose checks run it.
    public let needed: [String: [String]]
    /// The tools to probe, in the order to list them.
    public let names: [String]

    public init(_ lessons: [Lesson]) {
        var needed: [String: [String]] = [:]
        // A lesson for another platform never runs its check here, so its tools are not needed here.
        for lesson in lessons where lesson.platformProblem() == nil {
            for tool in CheckEngine.checkTools(of: lesson) { needed[tool, default: []].append(lesson.id) }
        }
        self.needed = needed
        names = ToolCatalog.all.map(\.name) + needed.keys.sorted().filter { name in !ToolCatalog.all.contains { $0.name == name } }
    }

    /// Whether a tool some lesson's check runs is missing or does not work (doctor then exits 1).
    public func anyNeededNotWorking(_ statuses: [ToolStatus]) -> Bool {
        statuses.contains { !$0.isWorking && needed[$0.name] != nil }
    }
}
