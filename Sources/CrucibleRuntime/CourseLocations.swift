import CrucibleEngine
import CrucibleUI
import Foundation

/// Where a command finds the course, the learner's workspace and progress file: each as given
/// on the command line, nil for the default. Loading reports problems on stderr.
public struct CourseLocations: Sendable {
    /// The course folder (`--lessons`).
    public var lessons: String?
    /// The workspace root (`--workspace`).
    public var workspace: String?
    /// The progress file (`--progress`).
    public var progress: String?

    public init(lessons: String?, workspace: String?, progress: String?) {
        self.lessons = lessons
        self.workspace = workspace
        self.progress = progress
    }

    /// The course folder to use, as the user gave it (relative paths stay relative in messages).
    public func folder() throws -> URL {
        if let lessons { return URL(fileURLWithPath: lessons) }
        guard let bundled = BundledCourse.locate() else {
            throw CommandFailure(
                message: """
                    cannot find the bundled course (a Lessons folder with course.yml); \
                    pass --lessons DIR or set \(BundledCourse.environmentKey)
                    """)
        }
        return bundled
    }

    /// The options the commands this run prints need to work as printed: the course when it is
    /// not the one found without `--lessons`, the workspace and progress file when given; each absolute.
    public var followUp: FollowUpCommands {
        func absolute(_ path: String?) -> URL? {
            path.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath() }
        }
        let course = absolute(lessons)
        let isDefault = course != nil && course == BundledCourse.locate()?.resolvingSymlinksInPath()
        return FollowUpCommands(
            lessons: isDefault ? nil : course?.path, workspace: absolute(workspace)?.path, progress: absolute(progress)?.path)
    }

    /// Loads the course, printing its errors to stderr; fails when nothing usable loaded.
    public func load() throws -> CourseLoadResult {
        let root = try folder()
        return try reported(CourseLoader.load(from: root), root: root)
    }

    /// The course as the full screen starts with it: from the course index when that still
    /// matches the files, so no lesson is parsed before the first frame; else loaded in full,
    /// keeping the index for the next launch. Errors are printed as ``load()`` prints them.
    public func loadForFullScreen() throws -> CourseStartup {
        let root = try folder()
        let store = CourseIndexStore(root: root)
        if let index = store.current() {
            return CourseStartup(loaded: try reported(index.loadResult, root: root), index: store, isFromIndex: true)
        }
        return CourseStartup(loaded: try reported(store.load(), root: root), index: store, isFromIndex: false)
    }

    /// The course for a command about lesson `id` alone: from the course index, with only that
    /// lesson (and `course.yml`) parsed, when the index is current; else loaded in full, keeping
    /// the index. Errors are printed as ``load()`` prints them.
    public func load(lesson id: String) throws -> CourseLoadResult {
        let root = try folder()
        let store = CourseIndexStore(root: root)
        return try reported(store.course(withLessonLoadedInFull: id) ?? store.load(), root: root)
    }

    /// `result`, after printing its errors; fails when nothing usable loaded.
    private func reported(_ result: CourseLoadResult, root: URL) throws -> CourseLoadResult {
        for diagnostic in result.errors { Output.error(diagnostic.description) }
        if result.course == nil && result.tracks.isEmpty {
            throw CommandFailure(message: "no course could be loaded from \(root.relativePath)")
        }
        if !result.errors.isEmpty {
            Output.error(
                "crucible: lessons with errors are left out; `crucible lint \(FollowUpCommands.shellQuoted(root.relativePath))` explains each problem"
            )
        }
        return result
    }

    /// `--progress FILE`, else `$CRUCIBLE_PROGRESS`, else the file in the XDG state folder.
    public func progressFile() -> URL { ProgressLocation.file(option: progress) }

    /// The learner's workspace for the loaded course: `--workspace`, `$CRUCIBLE_WORKSPACE`, or the default.
    public func workspace(for course: CourseLoadResult) -> Workspace {
        Workspace(root: Workspace.defaultRoot(option: workspace), courseID: courseID(of: course))
    }

    /// The loaded course's build cache (`{cache}` in steps): under `$XDG_CACHE_HOME/crucible`,
    /// else `~/.cache/crucible`, in `build-cache/COURSE_ID`.
    public func buildCache(for course: CourseLoadResult) -> BuildCache {
        BuildCache(root: BuildCache.defaultRoot(), courseID: courseID(of: course))
    }

    /// The id that names the course's folders: its `course.yml` id, else its folder's name.
    private func courseID(of course: CourseLoadResult) -> String {
        course.course?.id ?? ((try? folder().lastPathComponent) ?? "course")
    }

    /// The learner's game as the course map starts with it: progress (with passed lessons that
    /// changed since marked), and the lessons whose tools are missing or do not work. Only reads: nothing is saved.
    ///
    /// Progress that cannot be read is reported on stderr and shown as not started.
    public func game(for loaded: CourseLoadResult) -> GameState? {
        guard let course = loaded.course else { return nil }
        var progress = CourseProgress()
        do {
            let store = try ProgressStore(courseID: course.id, file: progressFile())
            for notice in store.takeNotices() { Output.error("crucible: " + notice.message) }
            progress = store.current
        } catch {
            Output.error("crucible: \(error.description); every lesson is shown as not started")
        }
        progress.markUpdatedLessons(in: course)
        let tools = waitFor { await ToolProbe.shared.problems(in: course) }
        return GameState(
            progress: progress, missingTools: tools.missing, brokenTools: tools.broken, tooOldTools: tools.tooOld,
            otherPlatform: tools.otherPlatform)
    }
}

/// The course a full-screen session starts with, and where its index is kept.
public struct CourseStartup: Sendable {
    public var loaded: CourseLoadResult
    /// The course's index in the cache.
    public var index: CourseIndexStore
    /// Whether `loaded` came from the index: its lessons lack their checks, quizzes and programs
    /// until the session loads the course in full, right after the first frame.
    public var isFromIndex: Bool
}

/// Finds a lesson by id or fails with a "did you mean" message.
public func requireLesson(_ id: String, in course: CourseLoadResult, followUp: FollowUpCommands = .plain) throws -> Lesson {
    if let lesson = course.lesson(withID: id) { return lesson }
    throw CommandFailure(message: course.unknownLessonMessage(id, list: followUp.command("list")))
}
