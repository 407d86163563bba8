import CrucibleEngine
import CrucibleRuntime
import Foundation

extension CourseOptions {
    /// `--progress FILE`, else `$CRUCIBLE_PROGRESS`, else the file in the XDG state folder.
    func progressFile() -> URL { ProgressLocation.file(option: progress) }

    /// Loads the course (unless the command already has) and opens the learner's progress for it.
    func openProgress(loaded: CourseLoadResult? = nil) throws -> CommandLineProgress {
        try CommandLineProgress(loaded: loaded ?? load(), file: progressFile())
    }
}
