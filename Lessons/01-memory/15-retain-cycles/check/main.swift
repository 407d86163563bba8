// Hidden harness: builds trees with the learner's Folder, checks paths, and
// counts how many folders were freed, through weak references that become
// nil once a folder's deinit has run.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

struct Probe {
    weak var folder: Folder?
}

var failures = 0

func expect(_ ok: Bool, _ what: String) {
    if !ok {
        print("FAILED: \(what)")
        failures += 1
    }
}

/// Builds root/{docs/notes, pics}, checks it, and returns probes on all four.
func buildTree() -> [Probe] {
    let root = Folder("root")
    let docs = Folder("docs")
    let notes = Folder("notes")
    let pics = Folder("pics")
    root.add(docs)
    root.add(pics)
    docs.add(notes)
    expect(notes.path == "root/docs/notes", "notes.path should be \"root/docs/notes\", not \"\(notes.path)\"")
    expect(pics.path == "root/pics", "pics.path should be \"root/pics\", not \"\(pics.path)\"")
    expect(root.children.count == 2 && docs.children.count == 1, "root should have 2 children and docs 1")
    return [root, docs, notes, pics].map { Probe(folder: $0) }
}

let probes = buildTree()
let freed = probes.filter { $0.folder == nil }.count
print("tree: freed \(freed) of \(probes.count) folders")
expect(freed == probes.count, "every folder should be freed once the tree is dropped; \(probes.count - freed) leaked")

/// Keeps only the leaf: the folders above it must go, and the leaf must survive.
func keepLeaf() -> (Folder, [Probe]) {
    let root = Folder("root")
    let docs = Folder("docs")
    let notes = Folder("notes")
    root.add(docs)
    docs.add(notes)
    expect(notes.path == "root/docs/notes", "notes.path should be \"root/docs/notes\"")
    return (notes, [Probe(folder: root), Probe(folder: docs)])
}

let (leaf, above) = keepLeaf()
let freedAbove = above.filter { $0.folder == nil }.count
expect(freedAbove == 2, "a child must not keep its parents alive; \(2 - freedAbove) of 2 leaked")
print("orphan path: \(leaf.path)")
expect(leaf.path == "notes", "a folder whose parent is gone should have the path \"notes\"")

if failures == 0 {
    print("folders: ok")
}
exit(failures == 0 ? 0 : 1)
