import CrucibleEngine
import CrucibleUI

/// `crucible doctor`'s list: each tool working (with its version), missing (with the package
/// that installs it) or not working (with the first error and the fix), and which lessons use it.
public enum ToolStatusText {
    public static func render(
        _ statuses: [ToolStatus], needed: [String: [String]], optional: [String: [String]] = [:], tools catalog: ToolCatalog = .builtIn,
        tooOld: [String: String] = [:]
    ) -> [StyledLine] {
        var lines: [StyledLine] = []
        for status in statuses {
            let info = catalog.info(status.name)
            let users =
                needed[status.name].map { "used by \($0.count) lesson\($0.count == 1 ? "" : "s")" }
                ?? optional[status.name].map {
                    "used by optional steps of \($0.count) lesson\($0.count == 1 ? "" : "s"), skipped without it"
                }
                ?? "not used by this course"
            switch status.state {
            case .working(let version) where tooOld[status.name] != nil:
                lines.append(StyledLine("✗", style: Paint.bad) + " \(status.name): too old — \(tooOld[status.name] ?? "")")
                lines.append(StyledLine("    \(status.path ?? ""): \(version ?? "version unknown")"))
                lines.append(StyledLine("    fix: \(info.upgradeFix)"))
            case .working(let version):
                // The version line can be long (clang names its repository), so the path and use
                // go on a line of their own, as for a broken tool, and both fit 80 columns more often.
                // A file probe (a crate registry) has no version, only its presence.
                let found = version ?? (info.file != nil ? "present" : "version unknown")
                lines.append(StyledLine("✓", style: Paint.good) + " \(status.name): \(found)")
                lines.append(StyledLine("    \(status.path ?? ""); \(users)"))
            case .missing:
                lines.append(StyledLine("✗", style: Paint.bad) + " \(status.name): not found; \(users); for \(info.purpose)")
                lines.append(StyledLine("    Debian/Ubuntu: \(info.debian)"))
            case .unreachable(let reason):
                lines.append(StyledLine("✗", style: Paint.bad) + " \(status.name): learner programs cannot run it — \(reason)")
                lines.append(StyledLine("    \(users); for \(info.purpose)"))
                lines += info.unreachable(error: reason).fixes.enumerated().map { index, fix in
                    StyledLine((index == 0 ? "    fix: " : "         ") + fix)
                }
            case .broken(let error):
                lines.append(StyledLine("✗", style: Paint.bad) + " \(status.name): not working — \(error)")
                lines.append(StyledLine("    \(status.path ?? ""); \(users); for \(info.purpose)"))
                lines += info.broken(error: error).fixes.enumerated().map { index, fix in
                    StyledLine((index == 0 ? "    fix: " : "         ") + fix)
                }
            }
        }
        return lines
    }
}
