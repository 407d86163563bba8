import CrucibleEngine
import Foundation

extension Workspace {
    /// Prepares `lesson`'s folder in the workspace (copying the starter the first time) for a
    /// command, with a note for each thing the learner should know happened to their files.
    /// `followUp` words the command a note suggests.
    public func prepareWithNotes(_ lesson: Lesson, followUp: FollowUpCommands = .plain) throws -> (folder: URL, notes: [String]) {
        let preparation: Preparation
        do { preparation = try prepare(lesson) } catch { throw CommandFailure(message: "\(error)") }
        var notes: [String] = []
        if !preparation.copied.isEmpty { notes.append("copied the starter to \(preparation.folder.path)") }
        if !preparation.starterChanged.isEmpty {
            notes.append(
                "the course has a newer starter for \(preparation.starterChanged.joined(separator: ", ")); "
                    + "your copy is kept (`\(followUp.command("reset", lesson.id, "--files"))` would replace it)")
        }
        return (preparation.folder, notes)
    }
}
