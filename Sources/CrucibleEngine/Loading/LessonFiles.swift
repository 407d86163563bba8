import Foundation
import Yams

/// Checks paths a lesson names: relative, inside the lesson folder (also after following
/// symbolic links) and existing.
struct LessonFiles {
    let folderPath: String
    let report: FileReport

    /// A list of paths under `prefix` (such as `starter/`), each checked.
    func paths(_ fields: Fields, _ key: String, under prefix: String, required: Bool = false) -> [String]? {
        guard let entries = fields.stringNodes(key, required: required) else { return nil }
        let valid = entries.filter { check($0.text, at: $0.node, key: key, under: prefix) }
        return valid.count == entries.count ? entries.map(\.text) : nil
    }

    /// Checks one path relative to `prefix` inside the lesson folder; reports and returns `false` if it is bad.
    func check(_ path: String, at node: Node, key: String, under prefix: String = "") -> Bool {
        let shown = prefix + path
        if path.hasPrefix("/") || path.hasPrefix("~") {
            report.error(
                at: node,
                "\(quoted: path) in \(quoted: key) is an absolute path; write it relative to "
                    + (prefix.isEmpty ? "the lesson folder" : "\(quoted: prefix)"))
            return false
        }
        if path.split(separator: "/").contains("..") {
            report.error(
                at: node,
                "\(quoted: path) in \(quoted: key) uses `..` to leave its folder; keep the file inside the lesson folder "
                    + "and name it without `..`")
            return false
        }
        switch LessonFiles.inspect(shown, in: folderPath) {
        case .missing:
            report.error(
                at: node, "\(quoted: shown) named in \(quoted: key) does not exist in the lesson folder; create it or correct the name")
            return false
        case .danglingLink(let target):
            report.error(
                at: node,
                "\(quoted: shown) named in \(quoted: key) is a symbolic link to \(quoted: target), which does not exist; "
                    + "replace the link with the file")
            return false
        case .notAFile(let kind):
            let fix = kind == TextFile.kindName(S_IFDIR) ? "name the files inside it one by one" : "replace it with a regular file"
            report.error(at: node, "\(quoted: shown) named in \(quoted: key) is \(kind), not a file; \(fix)")
            return false
        case .plain:
            return true
        case .throughSymlink:
            break
        }
        let folder = WorkspaceIO.realPath(folderPath) ?? folderPath
        guard let resolved = WorkspaceIO.realPath(folderPath + "/" + shown), resolved.hasPrefix(folder + "/") else {
            report.error(
                at: node,
                "\(quoted: shown) named in \(quoted: key) is a symbolic link that leads outside the lesson folder; "
                    + "copy the file into the lesson folder instead")
            return false
        }
        return true
    }

    enum Inspection: Equatable {
        case missing
        /// A symbolic link on the way leads nowhere; its target as written.
        case danglingLink(String)
        /// It exists but is a folder, FIFO, device or socket (``TextFile/kindName(_:)``).
        case notAFile(String)
        case plain, throughSymlink
    }

    /// Whether `relative` is a regular file under `folder`, and whether reaching it follows a symbolic link.
    /// One `lstat` per path component: much cheaper than `realpath`, which is only needed for links.
    static func inspect(_ relative: String, in folder: String) -> Inspection {
        var path = folder
        var info = stat()
        for component in relative.split(separator: "/") where component != "." {
            path += "/" + component
            guard lstat(path, &info) == 0 else { return .missing }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard stat(folder + "/" + relative, &info) == 0 else {
                    return stat(path, &info) == 0 ? .missing : .danglingLink(TextFile.linkTarget(path) ?? "?")
                }
                return (info.st_mode & S_IFMT) == S_IFREG ? .throughSymlink : .notAFile(TextFile.kindName(info.st_mode))
            }
        }
        return (info.st_mode & S_IFMT) == S_IFREG ? .plain : .notAFile(TextFile.kindName(info.st_mode))
    }
}
