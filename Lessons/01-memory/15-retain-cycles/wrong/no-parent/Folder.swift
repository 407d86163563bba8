/// A folder in a tree. A folder owns its children; a child only refers back
/// to its parent.
final class Folder {
    let name: String
    private(set) var children: [Folder] = []
    var parent: Folder?

    init(_ name: String) {
        self.name = name
    }

    func add(_ child: Folder) {
        // no back reference, no cycle
        children.append(child)
    }

    /// "root/docs/notes" for a folder `notes` in `docs` in `root`;
    /// just the name for a folder without a parent.
    var path: String {
        guard let parent else { return name }
        return parent.path + "/" + name
    }
}
