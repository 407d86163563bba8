import Foundation

/// Finds a program on PATH before fork, so a missing tool is reported by name
/// instead of showing up as exit code 127 from the child.
enum ExecutableLookup {
    /// The path to exec for `name`, or nil if there is no executable file by that name.
    /// A name containing "/" is taken as a path; otherwise each PATH entry is tried in order.
    static func resolve(_ name: String, path searchPath: String?) -> String? {
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        guard !name.isEmpty else { return nil }
        let directories = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
        for directory in directories {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
