import CrucibleEngine
import CrucibleUI
import Foundation

extension LessonSource {
    /// Reads `lesson`'s body and, for a predict lesson, its program: the I/O behind
    /// ``Effect/loadLessonBody(_:)``, done by the run loop (the UI library reads no files).
    public static func load(for lesson: Lesson) -> Result<LessonSource, LessonLoadFailure> {
        do {
            let body = try lesson.loadBody()
            let program = try lesson.loadProgram()
            return .success(LessonSource(body: body, program: program))
        } catch let error as LessonBodyError {
            return .failure(LessonLoadFailure(error.description))
        } catch {
            return .failure(LessonLoadFailure(error.localizedDescription))
        }
    }
}
