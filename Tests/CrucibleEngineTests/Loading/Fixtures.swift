import CrucibleEngine
import Foundation
import Testing

/// Fixture courses under `Tests/CrucibleEngineTests/Fixtures`, found from this file's path.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures", isDirectory: true)

    static func url(_ course: String) -> URL { folder.appendingPathComponent(course, isDirectory: true) }

    static func load(_ course: String) -> CourseLoadResult { CourseLoader.load(from: url(course)) }

    /// `broken-course`, loaded once: loading is deterministic, so every test may share the result.
    static let brokenCourse = load("broken-course")
}

extension CourseLoadResult {
    /// The diagnostics of one file, given relative to the course root that was loaded.
    func diagnostics(for file: String, in course: String) -> [Diagnostic] {
        let path = Fixtures.url(course).path + "/" + file
        return diagnostics.filter { $0.file == path }
    }

    /// The lesson with `id`, if it loaded.
    func lesson(_ id: String) -> Lesson? {
        tracks.lazy.flatMap(\.lessons).first { $0.id == id }
    }
}

/// Namespace for the loader's suites, so `swift test --filter Loading` selects them.
@Suite enum LoadingTests {}
