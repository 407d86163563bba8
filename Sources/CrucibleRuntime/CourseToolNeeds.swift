import CrucibleEngine
import Foundation

/// The tools `crucible doctor` probes: every tool the course's catalog lists (built-in and
/// declared), then any other tool a lesson's check runs on this platform, with the lessons that
/// use each and the versions they need.
public struct CourseToolNeeds: Sendable {
    /// Tool name → ids of the lessons whose checks run it.
    public let needed: [String: [String]]
    /// Tool name → ids of the lessons whose optional steps alone run it: without it they are
    /// skipped, so it is listed but never makes doctor fail.
    public let optional: [String: [String]]
    /// The tools to probe, in the order to list them.
    public let names: [String]
    /// The course's tools, which say how each is probed and installed.
    public let catalog: ToolCatalog
    /// Tool name → each lesson that asks a minimum version of it, with that requirement.
    private let minimums: [String: [(lesson: String, requirement: ToolRequirement)]]

    public init(_ lessons: [Lesson], tools catalog: ToolCatalog = .builtIn) {
        var needed: [String: [String]] = [:]
        var optional: [String: [String]] = [:]
        var minimums: [String: [(lesson: String, requirement: ToolRequirement)]] = [:]
        // A lesson for another platform never runs its check here, so its tools are not needed here.
        for lesson in lessons where lesson.platformProblem() == nil {
            for requirement in CheckEngine.checkRequirements(of: lesson) {
                needed[requirement.name, default: []].append(lesson.id)
                if requirement.minimum != nil { minimums[requirement.name, default: []].append((lesson.id, requirement)) }
            }
            for name in CheckEngine.optionalCheckTools(of: lesson) { optional[name, default: []].append(lesson.id) }
        }
        self.needed = needed
        self.optional = optional
        self.minimums = minimums
        self.catalog = catalog
        let listed = catalog.listed.map(\.name)
        names = listed + Set(needed.keys).union(optional.keys).sorted().filter { !listed.contains($0) }
    }

    /// Tool name → what its too-old version stops: "needs go 1.22 (lesson go.generics), have 1.19.8",
    /// judged by the catalog's one decision (``ToolCatalog/problems(_:_:)``) per lesson.
    public func tooOld(_ statuses: [ToolStatus]) -> [String: String] {
        var found: [String: String] = [:]
        for status in statuses where status.isWorking {
            guard let asks = minimums[status.name] else { continue }
            let unmet = asks.filter { !catalog.problems([$0.requirement], [status]).broken.isEmpty }
            // All name this tool: merged keeps the highest minimum.
            guard let highest = ToolRequirement.merged(unmet.map(\.requirement)).first else { continue }
            let version = catalog.info(status.name).version(from: status.version)
            let lessons = unmet.map(\.lesson)
            found[status.name] =
                "needs \(status.name) \(highest.minimum?.description ?? "") (lesson\(lessons.count == 1 ? "" : "s") "
                + lessons.joined(separator: ", ") + ")" + (version.map { ", have \($0)" } ?? ", but its version could not be read")
        }
        return found
    }

    /// Whether a tool some lesson's check runs is missing, does not work or is too old (doctor then exits 1).
    public func anyNeededNotWorking(_ statuses: [ToolStatus]) -> Bool {
        statuses.contains { !$0.isWorking && needed[$0.name] != nil } || !tooOld(statuses).isEmpty
    }
}
