import CrucibleEngine
import Foundation

extension Workspace {
    /// Prepares `lesson`'s folder in the workspace (copying the starter the first time) for a
    /// command, with a note for each thing the learner should know happened to their files.
    public func prepareWithNotes(_ lesson: Lesson) throws -> (folder: URL, notes: [String]) {
        let preparation: Preparation
        do { preparation = try prepare(lesson) } catch { throw CommandFailure(message: "\(error)") }
        var notes: [String] = []
        if !preparation.copied.isEmpty { notes.append("copied the starter to \(preparation.folder.path)") }
        if !preparation.starterChanged.isEmpty {
            notes.append(
                "the course has a newer starter for \(preparation.starterChanged.joined(separator: ", ")); "
                    + "your copy is kept (`crucible reset \(lesson.id)` would replace it)")
        }
        return (preparation.folder, notes)
    }
}
