import CrucibleEngine
import Foundation

/// `crucible cache clean [ID…]`: empties the course's build cache, or the named lessons' folders,
/// and says what it removed and how much space that freed.
public enum BuildCacheClean {
    /// Empties `cache` for `lessonIDs` (every lesson's folder when empty) and returns the lines to
    /// print. An id is accepted when the course has the lesson or the cache has its folder (a
    /// lesson since removed from the course); any other id fails before anything is removed.
    public static func run(_ lessonIDs: [String], cache: BuildCache, loaded: CourseLoadResult) throws -> [String] {
        let present = Set(cache.lessonIDs())
        for id in lessonIDs where loaded.lesson(withID: id) == nil && !present.contains(id) {
            throw CommandFailure(message: loaded.unknownLessonMessage(id) + "; nothing was removed")
        }
        let removals: [BuildCache.Removal]
        do {
            removals = try cache.empty(lessonIDs: lessonIDs.isEmpty ? nil : lessonIDs)
        } catch {
            throw CommandFailure(message: "\(error)", status: ExitStatus.problems)
        }
        guard !removals.isEmpty else {
            let whose = lessonIDs.isEmpty ? "any lesson" : lessonIDs.map { "`\($0)`" }.joined(separator: ", ")
            return ["Nothing to remove: no build cache folder for \(whose) in \(cache.folder.path)"]
        }
        var lines = removals.map { "Removed the build cache of `\($0.lessonID)`: \(BuildCache.sizeText($0.bytes)) (\($0.folder.path))" }
        let total = removals.reduce(Int64(0)) { $0 + $1.bytes }
        let folders = removals.count == 1 ? "1 folder" : "\(removals.count) folders"
        lines.append("Freed \(BuildCache.sizeText(total)) in \(folders) under \(cache.folder.path)")
        return lines
    }
}
