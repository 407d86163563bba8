import Foundation

/// What a course runs on the learner's machine, hashed: each code lesson's check steps and its
/// hidden harness files (`check/`), each predict lesson's run steps, and the tools `course.yml`
/// declares. Trusting a course remembers this; when it changes, Crucible asks again.
///
/// The prose of a lesson, its starter files (the learner's own code from then on) and its hints
/// are left out: editing them runs nothing new.
public struct CourseFingerprint: Sendable, Equatable, Codable {
    /// `sha256:` and the digest of every part, in the order of their keys.
    public var digest: String
    /// Part → its digest: `tools`, `steps/LESSON` and `hidden/LESSON`, so a change can be named.
    public var parts: [String: String]

    public init(digest: String, parts: [String: String]) {
        self.digest = digest
        self.parts = parts
    }

    /// The fingerprint of `course` as its files are now (hidden files are read).
    public init(of course: Course) {
        var parts: [String: String] = [:]
        let declared = course.tools.tools.filter { !ToolCatalog.builtInTools.contains($0) }
        if !declared.isEmpty { parts["tools"] = Self.hash(declared.map { Self.canonical($0) }.joined(separator: "\n")) }
        for lesson in course.lessons {
            let steps = lesson.steps
            if !steps.isEmpty { parts["steps/" + lesson.id] = Self.hash(steps.map { Self.canonical($0) }.joined(separator: "\n")) }
            if let hidden = lesson.code?.hidden, !hidden.isEmpty {
                var hasher = SHA256()
                for path in hidden.sorted() {
                    hasher.update(Array(path.utf8) + [0])
                    switch TextFile.read(lesson.folder.appendingPathComponent("check/" + path).path) {
                    case .bytes(let bytes):
                        hasher.update(Array(String(bytes.count).utf8) + [0])
                        hasher.update(bytes)
                    case .missing, .failed:
                        hasher.update(Array("missing".utf8) + [0])
                    }
                }
                parts["hidden/" + lesson.id] = "sha256:" + hasher.finalize()
            }
        }
        self.parts = parts
        digest = Self.hash(parts.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: "\n"))
    }

    /// What changed from `old` to this one, in plain words, one line each, in a fixed order:
    /// "tools changed", "lesson X added", "lesson X's hidden harness changed", "steps of lesson X changed",
    /// "lesson X removed".
    public func changes(since old: CourseFingerprint) -> [String] {
        var lines: [String] = []
        if parts["tools"] != old.parts["tools"] { lines.append("tools declared in course.yml changed") }
        let lessonsNow = Self.lessonIDs(parts), lessonsBefore = Self.lessonIDs(old.parts)
        for id in lessonsNow.union(lessonsBefore).sorted() {
            if !lessonsBefore.contains(id) {
                lines.append("lesson \(id) added")
            } else if !lessonsNow.contains(id) {
                lines.append("lesson \(id) removed")
            } else {
                if parts["hidden/" + id] != old.parts["hidden/" + id] { lines.append("lesson \(id)'s hidden harness changed") }
                if parts["steps/" + id] != old.parts["steps/" + id] { lines.append("steps of lesson \(id) changed") }
            }
        }
        return lines
    }

    private static func lessonIDs(_ parts: [String: String]) -> Set<String> {
        Set(parts.keys.compactMap { key in key.firstIndex(of: "/").map { String(key[key.index(after: $0)...]) } })
    }

    private static func hash(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        return "sha256:" + hasher.finalize()
    }

    /// A description of `value` that is the same in every process: dictionaries and sets sorted
    /// (their order changes from run to run), strings quoted, the course-wide tool catalog left out
    /// of steps (it is the `tools` part).
    static func canonical(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { canonical($0.value) } ?? "nil"
        case .collection, .tuple:
            return "[" + mirror.children.map { ($0.label.map { $0 + ":" } ?? "") + canonical($0.value) }.joined(separator: ",") + "]"
        case .dictionary, .set:
            return "{" + mirror.children.map { canonical($0.value) }.sorted().joined(separator: ",") + "}"
        case .struct, .class:
            let fields = mirror.children.filter { $0.label != "toolCatalog" }
            return "\(type(of: value)){" + fields.map { ($0.label ?? "") + "=" + canonical($0.value) }.joined(separator: ",") + "}"
        case .enum:
            guard let payload = mirror.children.first else { return "\(type(of: value)).\(value)" }
            return "\(type(of: value)).\(payload.label ?? "")(" + canonical(payload.value) + ")"
        default:
            return String(reflecting: value)
        }
    }
}
