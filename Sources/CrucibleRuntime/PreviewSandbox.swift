import CrucibleEngine
import Foundation

/// `crucible preview`'s throwaway progress file and workspace in a temporary folder, so the
/// learner's own are never read or written, and the course cut down to the previewed lesson.
public struct PreviewSandbox {
    public let folder: URL
    /// The course with only the previewed lesson, in its track.
    public let course: CourseLoadResult
    public var progressFile: URL { folder.appendingPathComponent("progress.json") }

    /// Makes the sandbox for previewing `lesson` of `loaded`, with a progress file whose resume
    /// position opens the lesson. Points $CRUCIBLE_WORKSPACE into the sandbox: the UI's default
    /// workspace comes from the environment, so no starter is copied into the learner's workspace.
    public init(previewing lesson: Lesson, of loaded: CourseLoadResult) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crucible-preview-\(UUID().uuidString)")
        course = loaded.focused(on: lesson)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        setenv(Workspace.environmentKey, folder.appendingPathComponent("workspace").path, 1)
        do {
            // A resume position selects the lesson on the map and skips the welcome box.
            try ProgressStore(courseID: course.course?.id ?? "untitled", file: progressFile)
                .update { $0.position = ResumePosition(lesson: lesson.id) }
        } catch {
            remove()
            throw CommandFailure(message: "cannot prepare the preview's progress: \(error)")
        }
    }

    /// Deletes the sandbox and everything the preview wrote there.
    public func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension CourseLoadResult {
    /// The course cut down to `lesson` in its track, so the map shows nothing else.
    public func focused(on lesson: Lesson) -> CourseLoadResult {
        var focused = self
        focused.tracks = tracks.compactMap { track in
            guard track.lessons.contains(where: { $0.id == lesson.id }) else { return nil }
            var only = track
            only.lessons = [lesson]
            return only
        }
        if let course {
            focused.course = Course(
                id: course.id, title: course.title + " (preview)", welcome: course.welcome,
                final: course.final, root: course.root, tracks: focused.tracks)
        }
        return focused
    }
}
