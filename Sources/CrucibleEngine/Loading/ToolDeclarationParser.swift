import Foundation
import Yams

/// Reads `course.yml`'s `tools` map: the tools a course declares, each checked key by key.
struct ToolDeclarationParser {
    let report: FileReport

    /// Keys of one declared tool.
    static let toolKeys = ["purpose", "kind", "version", "versionPattern", "file", "install", "env"]
    /// Keys of a tool's `install`.
    static let installKeys = ["debian", "macOS"]

    /// The declared tools, in the order written; entries with errors are left out.
    func tools(_ fields: Fields) -> [ToolInfo] {
        guard let node = fields.value("tools") else { return [] }
        guard case .mapping(let mapping) = node else {
            report.wrongType("tools", "a map of tool names to their declarations, such as `clippy-driver: {kind: build}`", node)
            return []
        }
        var tools: [ToolInfo] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !scalar.string.isEmpty else {
                report.error(at: key, "a tool name in `tools` must be a plain word, found \(describe(key))")
                continue
            }
            if let tool = tool(named: scalar.string, at: key, value) { tools.append(tool) }
        }
        return tools
    }

    private func tool(named name: String, at key: Node, _ node: Node) -> ToolInfo? {
        if name.contains("/") || name.contains(where: \.isWhitespace) || name.contains(">") {
            report.error(
                at: key,
                "\(quoted: name) in `tools` is not a tool name; name the command looked up on PATH (such as `clippy-driver`), "
                    + "or, for a `file` probe, the word lessons' `requires` use")
            return nil
        }
        // `python3: {}` (or `python3:` alone) declares a tool with every default.
        if case .scalar(let scalar) = node, ScalarKind(scalar) == .null { return ToolCatalog.builtIn.info(name).declared() }
        guard let fields = Fields(node, what: "the tool \(quoted: name)", known: Self.toolKeys, report: report) else { return nil }
        let errorsBefore = report.errorCount
        // A course entry overrides a built-in one key by key: what it leaves out stays as built in.
        var tool = ToolCatalog.builtIn.info(name).declared()
        if let purpose = fields.string("purpose") { tool.purpose = purpose }
        if let node = fields.value("kind"), let text = fields.text(node, "kind") {
            if let kind = ToolKind(rawValue: text) {
                tool.kind = kind
            } else {
                report.error(
                    at: node,
                    unknownMessage("kind", text, known: ToolKind.allCases.map(\.rawValue))
                        + " (`build`: it builds or lints the learner's code, like a compiler; `program`: it runs the learner's code)")
            }
        }
        if let arguments = fields.stringNodes("version") {
            if arguments.isEmpty, let node = fields.value("version") {
                report.error(
                    at: node,
                    "`version` is empty; give the arguments that make \(quoted: name) print its version, such as [--version], "
                        + "or leave `version` out to only look the tool up on PATH")
            }
            tool.versionArguments = arguments.map(\.text)
        }
        if let node = fields.value("versionPattern"), let pattern = fields.text(node, "versionPattern") {
            do {
                let regex = try NSRegularExpression(pattern: pattern)
                if regex.numberOfCaptureGroups < 1 {
                    report.error(
                        at: node,
                        "`versionPattern` \(quoted: pattern) has no capture group; put the version in parentheses, "
                            + "such as 'clippy ([0-9][0-9.]*)'")
                }
                tool.versionPattern = pattern
            } catch {
                report.error(
                    at: node, "`versionPattern` \(quoted: pattern) is not a valid regular expression; check its brackets and escapes")
            }
        }
        if let node = fields.value("file"), let file = fields.text(node, "file") {
            if !file.hasPrefix("/") {
                report.error(
                    at: node,
                    "`file` \(quoted: file) is not an absolute path; name the file or folder that must exist from /, "
                        + "such as /usr/share/cargo/registry")
            } else if fields.has("version") || fields.has("versionPattern") {
                report.error(
                    at: node, "a tool with `file` is probed by that file existing and runs nothing; remove `version` and `versionPattern`")
            }
            tool.file = file
            tool.versionArguments = []
        }
        if let install = fields.map("install", what: "`install`", known: Self.installKeys) {
            if let debian = install.string("debian") { tool.debian = debian }
            if let macOS = install.string("macOS") { tool.macOS = macOS }
        }
        if let environment = fields.environment("env") {
            for entry in environment {
                if entry.value?.contains("{") == true {
                    report.error(
                        at: entry.node,
                        "a tool's `env` is given as written, without placeholders; set \(quoted: entry.key) in the step's `env` instead")
                }
                tool.environment[entry.key] = .some(entry.value)
            }
        }
        return report.errorCount == errorsBefore ? tool : nil
    }
}

extension ToolInfo {
    /// This entry as a course's declaration starts from: listed by doctor, with the generic
    /// purpose of an unknown tool replaced.
    func declared() -> ToolInfo {
        var tool = self
        tool.listed = true
        if tool.purpose == "named by a lesson" { tool.purpose = "declared by the course" }
        return tool
    }
}
