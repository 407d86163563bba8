import Foundation

/// A fingerprint of a lesson's content: `lesson.md` and every file it names, so a lesson
/// that changed after the learner passed it can be marked as updated.
///
/// Computed on demand (when a lesson is passed, or progress is shown), never while a course
/// loads: hashing reads every file, which loading 10,000 lessons cannot afford.
public enum LessonContentHash {
    /// `sha256:` and the hex digest of each file's path, length and bytes, in a fixed order.
    /// A missing file hashes as missing, so deleting one changes the hash too.
    public static func of(_ lesson: Lesson) -> String {
        var hasher = SHA256()
        for path in ["lesson.md"] + namedFiles(of: lesson) {
            hasher.update(Array(path.utf8) + [0])
            switch TextFile.read(lesson.folder.appendingPathComponent(path).path) {
            case .bytes(let bytes):
                hasher.update(Array(String(bytes.count).utf8) + [0])
                hasher.update(bytes)
            case .missing, .failed:
                hasher.update(Array("missing".utf8) + [0])
            }
        }
        return "sha256:" + hasher.finalize()
    }

    /// Paths, relative to the lesson folder, of the files the front matter names.
    static func namedFiles(of lesson: Lesson) -> [String] {
        var paths: [String] = []
        if let predict = lesson.predict { paths.append(predict.program) }
        if let code = lesson.code {
            paths +=
                code.starter.map { "starter/" + $0 } + code.solution.map { "solution/" + $0 }
                + code.hidden.map { "check/" + $0 }
            paths += code.wrong.flatMap { variant in variant.files.map { "wrong/\(variant.name)/" + $0 } }
            paths += code.right.flatMap { variant in variant.files.map { "right/\(variant.name)/" + $0 } }
        }
        return paths
    }
}

extension CourseProgress {
    /// Marks passed lessons whose content changed since they were passed (they stay passed)
    /// and returns their ids. `hash` is ``LessonContentHash/of(_:)`` in the app; lessons it
    /// returns `nil` for (no longer in the course) are left alone.
    @discardableResult
    public mutating func markUpdatedLessons(hash: (String) -> String?) -> [String] {
        var updated: [String] = []
        for (id, record) in lessons.sorted(by: { $0.key < $1.key }) where record.isPassed && !record.updatedSincePass {
            guard let stored = record.contentHash, let now = hash(id), now != stored else { continue }
            lessons[id]?.updatedSincePass = true
            updated.append(id)
        }
        return updated
    }

    /// ``markUpdatedLessons(hash:)`` against the lessons of `course` as they are now. Only the
    /// passed lessons are hashed: loading a course never reads their files.
    @discardableResult
    public mutating func markUpdatedLessons(in course: Course) -> [String] {
        let lessons = Dictionary(course.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return markUpdatedLessons { id in lessons[id].map(LessonContentHash.of) }
    }
}
