/// Which names a ``FileWatcher`` ignores: editor litter that is not the learner's work.
///
/// Editors save through swap files, backups and lock files; reacting to those
/// would re-run a check for a file nobody changed. The real save always shows
/// up too, as a write to or a rename onto the learner's own file.
public struct WatchFilter: Sendable {
    /// Whether a file with this name (the last path component) is ignored.
    public var ignoresFile: @Sendable (String) -> Bool
    /// Whether a folder with this name is neither watched nor scanned, nor anything inside it.
    public var ignoresFolder: @Sendable (String) -> Bool

    public init(
        ignoresFile: @escaping @Sendable (String) -> Bool,
        ignoresFolder: @escaping @Sendable (String) -> Bool
    ) {
        self.ignoresFile = ignoresFile
        self.ignoresFolder = ignoresFolder
    }

    /// Ignores nothing.
    public static let none = WatchFilter(ignoresFile: { _ in false }, ignoresFolder: { _ in false })

    /// Ignores the litter of common editors, and hidden and build-output folders.
    public static let editorLitter = WatchFilter(ignoresFile: isEditorLitter, ignoresFolder: isIgnoredFolder)

    /// Whether `name` is a file an editor leaves beside the one being edited.
    ///
    /// Vim: `.x.swp` (and `.swo`, `.swx`, ...), `x~` backups, and the `4913`
    /// probe it writes to test a folder (retried as 5036, 5159, ...). Emacs:
    /// `.#x` locks, `#x#` auto-saves, `x~` backups. JetBrains `x___jb_tmp___` and
    /// `x___jb_old___`, gedit `.goutputstream-*`, macOS `.DS_Store`.
    public static func isEditorLitter(_ name: String) -> Bool {
        if name.hasSuffix("~") || name.hasPrefix(".#") || name == ".DS_Store" { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") && name.count > 1 { return true }
        if name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___") { return true }
        if name.hasPrefix(".goutputstream-") { return true }
        if isVimSwapFile(name) { return true }
        if let probe = Int(name), probe >= 4913, (probe - 4913) % 123 == 0 { return true }
        return false
    }

    /// `.NAME.swp` and its successors `.swo` ... `.swa`, and `.swp` alone.
    private static func isVimSwapFile(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars.suffix(4))
        guard scalars.count == 4, scalars[0] == ".", scalars[1] == "s", scalars[2] == "w",
            ("a"..."z").contains(scalars[3])
        else { return false }
        return name.hasPrefix(".") || name.hasSuffix(".swp")
    }

    /// Hidden folders (`.git`, `.build`, `.vscode`) and the build outputs of Rust, Python and Node.
    public static func isIgnoredFolder(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "target" || name == "node_modules" || name == "__pycache__"
    }
}
