import CrucibleEngine
import CrucibleUI
import Foundation

/// A small course built in code, so screen tests do not change when the bundled lessons grow.
enum FixtureCourse {
    static let root = URL(fileURLWithPath: "/fixture-course")

    static func lesson(_ id: String, _ title: String, _ kind: LessonKind, hints: [String] = []) -> Lesson {
        let folder = root.appendingPathComponent(id)
        return Lesson(
            id: id, title: title, kind: kind, hints: hints, folder: folder,
            file: folder.appendingPathComponent("lesson.md"), bodyOffset: 0, bodyLine: 1)
    }

    static let course = Course(
        id: "fixture", title: "Fixture Course: memory and threads",
        welcome: "Welcome to the fixture course. It has *three* tracks and a few lessons.\n\nPress a key.",
        final: nil, root: root,
        tracks: [
            Track(
                id: "basics", title: "Basics", summary: "Where values live and who frees them.",
                folder: root,
                lessons: [
                    lesson("basics.stack", "The stack", .read),
                    lesson("basics.heap", "The heap — and who frees it", .quiz, hints: ["Think of malloc."]),
                    lesson("basics.fix", "Fix a leak", .code),
                ]),
            Track(
                id: "threads", title: "Threads",
                summary: "Data races, locks, and channels, side by side in four languages with sanitizers watching.",
                folder: root,
                lessons: [
                    lesson("threads.race", "A data race", .predict),
                    lesson("threads.lock", "Locks", .read),
                ]),
            Track(id: "later", title: "Later", summary: "", folder: root, lessons: []),
        ])

    /// A body long enough to scroll at every tested size, with wide characters in it.
    static let body: String = {
        var text = "A value lives on the **stack** when its size is known and its lifetime ends with the function.\n\n"
        text += "## Steps\n\n"
        for step in 1...30 { text += "\(step). Step number \(step) of the walk-through.\n" }
        text += "\n```c\nint main(void) { return 0; }\n```\n\n"
        text += "Wide text: 記憶 and emoji 🦀 stay aligned.\n\nThe end.\n"
        return text
    }()

    /// The app as launched on this course at `width` x `height`.
    static func state(width: Int = 80, height: Int = 24, welcome: Bool = true) -> AppState {
        AppState(course: course, size: TerminalSize(width: width, height: height), showWelcome: welcome)
    }
}
