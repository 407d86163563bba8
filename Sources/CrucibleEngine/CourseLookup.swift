import Foundation

extension CourseLoadResult {
    /// Every lesson that loaded, in course order.
    public var lessons: [Lesson] { tracks.flatMap(\.lessons) }

    /// The lesson with `id`, if it loaded.
    public func lesson(withID id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// The loaded lesson id nearest to `id`, for "did you mean" messages.
    public func lessonID(nearestTo id: String) -> String? {
        nearest(id, in: lessons.map(\.id))
    }
}
