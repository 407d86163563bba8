import Foundation

/// What a failed step of a sandboxed check ran into, recognised from the error its output shows,
/// so the check's message can say plainly that the sandbox stopped it and how to lift the fence.
///
/// Only errors the sandbox makes certain are read: a check that gets them while sandboxed was
/// almost surely stopped by the fence, not by a mistake of the learner's.
enum SandboxBlock: Equatable, CaseIterable {
    /// EROFS: every folder but the scratch folder and the build cache is read-only.
    case write
    /// ENETUNREACH (or a name that cannot resolve): the network has only loopback.
    case network
    /// ESRCH from `kill`: the check has its own PID namespace, so nothing outside is there.
    case signal
    /// ENOENT for a path under a hidden folder (a home): those are empty inside.
    case hidden

    /// The one sentence added to the check's message.
    var sentence: String {
        let what =
            switch self {
            case .write: "a check may write only to its scratch folder and build cache"
            case .network: "a check cannot reach the network beyond loopback"
            case .signal: "a check cannot see or signal processes outside itself"
            case .hidden: "a check cannot see the home folders, only the system, the course and its scratch folder"
            }
        return "The sandbox blocked this: \(what) (--no-sandbox or \(Sandbox.disableKey)=1 runs it unfenced)."
    }

    /// The first block, in the order of the cases, that `output` (a failed step's stdout and
    /// stderr) shows; `hidden` are the folders the sandbox hid and `shown` those it showed again
    /// inside them. Nil when the output shows none.
    static func recognise(output: String, hidden: [String], shown: [String] = []) -> SandboxBlock? {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.lowercased() }
        func any(_ phrases: [String]) -> Bool { lines.contains { line in phrases.contains { line.contains($0) } } }
        if any(["read-only file system"]) { return .write }
        if any(["network is unreachable", "temporary failure in name resolution"]) { return .network }
        if any(["no such process"]) { return .signal }
        let missing = output.split(whereSeparator: \.isNewline).filter { $0.lowercased().contains("no such file or directory") }
        if missing.contains(where: { line in hidden.contains { namesHiddenPath(String(line), folder: $0, shown: shown) } }) {
            return .hidden
        }
        return nil
    }

    /// Whether `line` names a path inside `folder` (as a path of its own, not the tail of a
    /// longer one such as `/tmp/x/home/...` for `/home`) that is not inside a folder shown again.
    private static func namesHiddenPath(_ line: String, folder: String, shown: [String]) -> Bool {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var searched = line.startIndex..<line.endIndex
        while let found = line.range(of: prefix, range: searched) {
            searched = found.upperBound..<line.endIndex
            if found.lowerBound > line.startIndex, isPathCharacter(line[line.index(before: found.lowerBound)]) { continue }
            let path = String(line[found.lowerBound...])
            if shown.contains(where: { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) { continue }
            return true
        }
        return false
    }

    private static func isPathCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "/._-~+@".contains(character)
    }
}

extension SandboxBlock {
    /// The message of `failure`, a sandboxed check's, with the sentence added when a failed
    /// step's output shows the sandbox stopped it; as it was otherwise.
    static func explained(_ failure: CheckResult, sandbox: Sandbox) -> String {
        let output = failure.steps.filter { !$0.passed }.map { $0.stdout + "\n" + $0.stderr }.joined(separator: "\n")
        guard let block = recognise(output: output, hidden: sandbox.hidden, shown: sandbox.shown) else { return failure.message }
        let message = failure.message.trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty { return block.sentence }
        return message + (message.hasSuffix(".") ? " " : ". ") + block.sentence
    }
}
