import CrucibleEngine
import Foundation

/// Whether a course may run commands on this machine, and what to ask when it may not yet.
///
/// The bundled course is always trusted; `--trust` or `CRUCIBLE_TRUST=1` trusts any course for
/// one run; otherwise a course is trusted when the trust file has it with the fingerprint of what
/// it runs now. Reading a course (list, show, lint, hint, progress) never asks.
public enum CourseTrust {
    /// Set to `1` to trust the course for this run, as `--trust` does.
    public static let environmentKey = "CRUCIBLE_TRUST"

    /// What the learner is asked to trust: the course, what its checks run, and what changed.
    public struct Question: Sendable, Equatable {
        /// The course folder, its real path.
        public var folder: URL
        public var title: String
        /// What the course runs now; remembered when the learner says yes.
        public var fingerprint: CourseFingerprint
        /// The tools the course's steps run, sorted.
        public var tools: [String]
        /// How many lessons have hidden harness files (`check/`).
        public var hiddenHarnesses: Int
        /// What changed since it was trusted; empty the first time.
        public var changes: [String]
        /// Problems with the trust file itself, such as one that cannot be read.
        public var notices: [String]

        /// The question's text, one line each, without the final "[y/N]".
        public var lines: [String] {
            var lines = notices.map { "note: " + $0 }
            if changes.isEmpty {
                lines.append("This course did not ship with Crucible; its checks run programs as you.")
            } else {
                lines.append("What this course runs changed since you trusted it:")
                lines += changes.map { "  - " + $0 }
            }
            lines.append("  course: \(title)")
            lines.append("  folder: \(folder.path)")
            lines.append("  runs: " + (tools.isEmpty ? "no tools" : tools.joined(separator: ", ")))
            lines.append("  hidden harnesses: \(hiddenHarnesses) lesson\(hiddenHarnesses == 1 ? "" : "s")")
            return lines
        }

        /// The command that trusts the course from a shell.
        public var trustCommand: String { "crucible trust " + FollowUpCommands.shellQuoted(folder.path) }
    }

    /// Trusted, or the question to ask before running anything.
    public enum Decision: Sendable, Equatable {
        case trusted
        case ask(Question)
    }

    /// The question every front end asks.
    public static let prompt = "Trust this course and run its checks? [y/N] "

    /// Whether `CRUCIBLE_TRUST` trusts courses for this run (`1`, `yes` or `true`).
    public static func isForced(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        ["1", "yes", "true"].contains(environment[environmentKey]?.lowercased() ?? "")
    }

    /// Whether the course in `folder` is trusted before any question can arise: the bundled course,
    /// or any course with `--trust` (`forced`) or `CRUCIBLE_TRUST`. Nothing is read to decide it.
    public static func trustedWithoutAsking(
        _ folder: URL, forced: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        forced || isForced(environment: environment) || BundledCourse.isShipped(folder)
    }

    /// Decides for the course loaded from `folder`. `forced` is `--trust`; the environment may force it too.
    /// Only courses that are neither bundled nor forced are fingerprinted (which reads their hidden files).
    public static func decide(
        _ course: @autoclosure () -> Course, folder: URL, store: TrustStore, forced: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Decision {
        if trustedWithoutAsking(folder, forced: forced, environment: environment) { return .trusted }
        let course = course()
        let fingerprint = CourseFingerprint(of: course)
        let contents = store.read()
        let record = contents.records[TrustStore.key(for: folder)]
        if let record, record.fingerprint.digest == fingerprint.digest { return .trusted }
        var tools: Set<String> = []
        var hidden = 0
        for lesson in course.lessons {
            for step in lesson.steps { tools.formUnion(step.tools) }
            if lesson.code?.hidden.isEmpty == false { hidden += 1 }
        }
        return .ask(
            Question(
                folder: URL(fileURLWithPath: TrustStore.key(for: folder)), title: course.title, fingerprint: fingerprint,
                tools: tools.sorted(), hiddenHarnesses: hidden,
                changes: record.map { fingerprint.changes(since: $0.fingerprint) } ?? [],
                notices: contents.problem.map { [$0] } ?? []))
    }

    /// ``decide(_:folder:store:forced:environment:)`` for the course in `folder`, loaded in full only
    /// when a question can arise (a command may hold only the stand-in lessons of the course index).
    public static func decide(
        folder: URL, store: TrustStore = TrustStore(file: TrustStore.defaultFile()),
        forced: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Decision {
        decide(
            CourseLoader.load(from: folder).courseOrUntitled(root: folder), folder: folder, store: store, forced: forced,
            environment: environment)
    }

    /// Remembers the learner's yes; returns notices to show (such as an unreadable trust file set aside).
    public static func remember(_ question: Question, in store: TrustStore) throws(TrustStoreError) -> [String] {
        try store.trust(question.folder, title: question.title, fingerprint: question.fingerprint)
    }

}

/// What a full-screen session needs to ask for trust itself: the course folder, the trust file and,
/// for a preview that shows one lesson, the whole course to fingerprint. A session without one
/// runs checks freely (the bundled course, `--trust`).
public struct TrustGate: Sendable {
    public var folder: URL
    public var store: TrustStore
    /// The course whose fingerprint is remembered, when not the one the session shows.
    public var course: Course?

    public init(folder: URL, store: TrustStore = TrustStore(file: TrustStore.defaultFile()), course: Course? = nil) {
        self.folder = folder
        self.store = store
        self.course = course
    }

    /// The gate for the course in `folder`, or nil when it needs none: bundled, or trusted for this run.
    public static func unlessTrusted(
        _ folder: URL, forced: Bool, course: Course? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TrustGate? {
        CourseTrust.trustedWithoutAsking(folder, forced: forced, environment: environment)
            ? nil : TrustGate(folder: folder, course: course)
    }

    /// The decision for the session's course `shown` (or the gate's own course).
    func decide(_ shown: Course) -> CourseTrust.Decision {
        CourseTrust.decide(course ?? shown, folder: folder, store: store, environment: [:])
    }
}
